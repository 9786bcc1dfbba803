"""Feedback in the Wagtail admin: administrators read it; nobody edits it there."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Feedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Only what people sent: it may be read or deleted, never added or changed here.

    Reading needs the model's view permission (every administrator has it; the Editors
    group does not), so editors never see the menu item.
    """

    READ_ONLY_REFUSED = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY_REFUSED and super().user_has_permission(user, action)


class FeedbackFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Sent"), widget=DateRangePickerWidget)

    class Meta:
        model = Feedback
        fields = ["created_at"]


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Feedback")
    menu_order = 900
    add_to_admin_menu = True
    copy_view_enabled = False
    # No add or edit view is ever allowed (the policy), but Wagtail builds their form.
    form_fields: list[str] = []
    inspect_view_enabled = True
    # Nothing links to feedback, and indexing its user would cost queries on every send.
    add_to_reference_index = False
    # Every column is escaped by the listing's templates: script typed in is shown as text.
    list_display = ["details", "page", "doing", "contact_email", "created_at"]
    inspect_view_fields = ["created_at", "page", "doing", "details", "contact_email", "user"]
    filterset_class = FeedbackFilterSet
    # A plain model: the search runs as database queries on these fields.
    search_fields = ["details", "doing", "page"]
    search_backend_name = None
    ordering = ["-created_at"]

    @property
    def permission_policy(self):
        return FeedbackPermissionPolicy(self.model)


feedback_viewset = FeedbackViewSet("feedback")


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset
