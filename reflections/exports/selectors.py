"""Reads for exports: the records that can be exported, the layout to offer, and the
records an export writes."""

from accounts import api as accounts_api
from learning import api as learning_api

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


# The records an export writes ------------------------------------------------------------

CHUNK = 1000


def export_records(export, layout):
    """Return the export's records, oldest first, as an iterator read in chunks.

    Layouts that list standards get each record's `standard_labels` (every standard named
    in full by `learning.api.standard_labels`) attached chunk by chunk: three queries per
    1,000 records, never one per record. Attached rather than prefetched, because
    prefetch_related's reference cycles are freed late by the garbage collector, so
    memory stays flat for a streamed CSV however many records there are.
    """
    records = Record.objects.filter(owner_id=export.owner_id, status=RecordStatus.COMPLETE)
    if export.record_ids:
        records = records.filter(id__in=export.record_ids)
    if export.date_from:
        records = records.filter(start_date__gte=export.date_from)
    if export.date_to:
        records = records.filter(start_date__lte=export.date_to)
    rows = records.order_by("start_date", "id").iterator(CHUNK)
    return _with_standard_labels(rows) if layout.reads_standards else rows


def _with_standard_labels(records):
    chunk = []
    for record in records:
        chunk.append(record)
        if len(chunk) == CHUNK:
            yield from _label_chunk(chunk)
            chunk = []
    yield from _label_chunk(chunk)


def _label_chunk(chunk):
    if not chunk:
        return
    chosen: dict[int, set[int]] = {record.id: set() for record in chunk}
    rows = Record.standards.through.objects.filter(record_id__in=chosen).values_list(
        "record_id", "standardpage_id"
    )
    for record_id, standard_id in rows:
        chosen[record_id].add(standard_id)
    labels = learning_api.standard_labels(set().union(*chosen.values()))
    for record in chunk:
        # In tree order (standard_labels returns them so), each named in full.
        record.standard_labels = [label for i, label in labels.items() if i in chosen[record.id]]
        yield record
