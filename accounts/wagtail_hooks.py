"""People in the Wagtail admin: administrators manage teams and registrations here."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Registration, Team, User


class PersonSearchForm(BaseFilterForm):
    """Find people by any part of their name or email (the chooser's search box)."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Name or email")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            for word in query.split()[:5]:
                objects = objects.filter(
                    Q(first_name__icontains=word)
                    | Q(last_name__icontains=word)
                    | Q(email__icontains=word)
                )
            self.is_searching = True
            self.search_query = query
        return objects


class PersonChooseView(chooser_views.ChooseView):
    filter_form_class = PersonSearchForm
    ordering = ["last_name", "first_name", "email"]


class PersonChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = PersonSearchForm
    ordering = ["last_name", "first_name", "email"]


class PersonChooserViewSet(ChooserViewSet):
    """Choose people by searching, a page of 20 at a time: at 10,000 staff a list of
    every person (the old checkboxes) would not load."""

    model = User
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    per_page = 20
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView

    def get_object_list(self):
        return User.objects.filter(is_active=True)


person_chooser_viewset = PersonChooserViewSet("person_chooser")


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser_viewset


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        MultipleChooserPanel(
            "managements", chooser_field_name="user", heading=_("Managers"), label=_("Manager")
        ),
        MultipleChooserPanel(
            "memberships", chooser_field_name="user", heading=_("Members"), label=_("Member")
        ),
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
