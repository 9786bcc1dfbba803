"""Writes of prepared files: ask for one, render it once, mark it failed, delete it."""

import datetime as dt
import tempfile
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.db.models import Manager
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .kinds import PreparedFileKind
from .models import WAITING, PreparedFile, PreparedFileStatus

# A file still waiting after this long lost its worker (or its broker message): a new
# request no longer waits for it. The largest file (10,000 staff as XLSX) takes minutes.
WAITING_AT_MOST = dt.timedelta(hours=1)


def _rows(kind: PreparedFileKind) -> Manager[PreparedFile]:
    """Return the manager of the kind's model.

    `kind.model` is typed as the abstract PreparedFile, which has no `objects` (nor `id`:
    rows are looked up by `pk`); Django's `_default_manager` is what code serving any model
    uses, and is `objects` for every kind.
    """
    return kind.model._default_manager


def prepared_file_request(*, kind: PreparedFileKind, owner, **fields) -> PreparedFile:
    """Ask for a file; a task prepares it once this transaction commits.

    `fields` are the request's own (format, dates, teams...). Asking again for the same
    file while it is still being prepared (a double click, a reload, two tabs) returns
    the first request rather than starting another: the owner's row is locked while
    this is decided.
    """
    from core.tasks import prepared_file_render as render_task

    now = timezone.now()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(id=owner.id).first()
        waiting = _rows(kind).filter(
            owner=owner, status__in=WAITING, created_at__gt=now - WAITING_AT_MOST
        )
        for row in waiting:
            if all(getattr(row, name) == value for name, value in fields.items()):
                return row
        row = _rows(kind).create(owner=owner, expires_at=now + kind.lifetime, **fields)
        transaction.on_commit(lambda: render_task.delay(kind.name, row.pk))
    return row


def prepared_file_name(*, kind: PreparedFileKind, row) -> str:
    """Return the stored file's name: fixed per row, so a rerun replaces rather than adds,
    and unguessable, in case the storage is ever served directly."""
    token = salted_hmac(f"core.prepared_file.{kind.name}", str(row.id)).hexdigest()[:24]
    return f"{kind.file_stem(row)}-{row.id}-{token}.{row.format}"


def prepared_file_render(*, kind: PreparedFileKind, file_id: int) -> PreparedFile | None:
    """Write the row's file, store it and mark the row done. Safe to run any number of
    times (a redelivered task, two workers at once): one file results. Return the row,
    or None when it no longer exists."""
    row = _rows(kind).select_related("owner").filter(pk=file_id).first()
    if row is None or row.status == PreparedFileStatus.DONE:
        return row
    _rows(kind).filter(pk=file_id).update(status=PreparedFileStatus.RUNNING)
    with tempfile.TemporaryFile() as stream:
        kind.write(row, stream)
        # Only the worker tests set this, to have time to kill a worker mid-file.
        delay = float(getattr(settings, "PREPARED_FILE_TEST_DELAY_SECONDS", 0) or 0)
        if delay:
            time.sleep(delay)
        stream.seek(0)
        return _store_once(kind.model, file_id, stream, prepared_file_name(kind=kind, row=row))


def _store_once(model, file_id, stream, name):
    """Store `stream` as the row's file and mark the row done, unless it is done already
    or gone.

    The row is locked while the file is saved, so of two runs one stores the file and the
    other finds it done. A file left by a run killed before it marked the row done is
    replaced, not kept beside the new one.
    """
    with transaction.atomic():
        row = model.objects.select_for_update().filter(id=file_id).first()
        if row is None or row.status == PreparedFileStatus.DONE:
            return row
        storage = row.file.storage
        path = row.file.field.generate_filename(row, name)
        if storage.exists(path):
            storage.delete(path)
        row.file.save(name, File(stream), save=False)
        row.status = PreparedFileStatus.DONE
        row.finished_at = timezone.now()
        row.save(update_fields=["file", "status", "finished_at"])
    return row


def prepared_file_fail(*, kind: PreparedFileKind, file_id: int) -> None:
    """Mark the row failed, unless a run has finished it meanwhile."""
    _rows(kind).filter(pk=file_id).exclude(status=PreparedFileStatus.DONE).update(
        status=PreparedFileStatus.FAILED
    )


def prepared_files_delete(rows) -> int:
    """Delete the rows and their stored files; return how many."""
    rows = list(rows)
    for row in rows:
        if row.file:
            row.file.delete(save=False)
        row.delete()
    return len(rows)


def prepared_files_delete_expired(*, kind: PreparedFileKind, now=None) -> int:
    """Delete the kind's expired rows and their files; return how many."""
    return prepared_files_delete(_rows(kind).filter(expires_at__lte=now or timezone.now()))
