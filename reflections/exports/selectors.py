"""Reads for the export form: the records that can be exported and the layout to offer."""

from accounts import api as accounts_api

from ..models import ExportLayout, Record, RecordStatus


def exportable_records(*, user):
    """Return the user's complete records, newest first, for choosing what to export."""
    return list(
        Record.objects.filter(owner=user, status=RecordStatus.COMPLETE)
        .only("id", "title", "start_date")
        .order_by("-start_date", "-id")
    )


def default_layout(*, user) -> str:
    registration = accounts_api.registration_for(user=user)
    codes = {choice.value for choice in ExportLayout}
    if registration and registration.regulator in codes:
        return registration.regulator
    return ExportLayout.FULL
