"""People in the Wagtail admin: administrators manage teams and registrations here."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Registration, Team


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("managers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("members", widget=forms.CheckboxSelectMultiple),
    ]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    list_display = ["user", "regulator", "profession", "registration_number", "renewal_date"]
    list_filter = ["regulator", "profession"]
    search_fields = ["registration_number", "user__email", "user__last_name"]
    panels = [
        FieldPanel("user"),
        FieldPanel("regulator"),
        FieldPanel("profession"),
        FieldPanel("registration_number"),
        FieldPanel("renewal_date"),
    ]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (TeamViewSet, RegistrationViewSet)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"
    add_to_admin_menu = True


register_snippet(PeopleViewSetGroup)
