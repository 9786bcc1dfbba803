"""Reads for exports: an export is its owner's alone (404 for anyone else)."""

from django.shortcuts import get_object_or_404

from accounts import api as accounts_api

from ..models import Export, ExportLayout, Record, RecordStatus


def own_export(*, user, export_id) -> Export:
    return get_object_or_404(Export, id=export_id, owner=user)


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
