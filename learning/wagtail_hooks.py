from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Regulator


class RegulatorViewSet(SnippetViewSet):
    model = Regulator
    icon = "group"
    menu_label = _("Regulators")
    list_display = ["name", "short_name", "regulates", "regulates_since"]
    search_fields = ["name", "short_name"]


register_snippet(RegulatorViewSet)
