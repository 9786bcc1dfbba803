"""Files prepared by a task for one person (CPD exports, training report downloads).

Both kinds of row have `status` (PreparedFileStatus), `file` and `finished_at`. Here:
the statuses, the options their tasks share, running a task's work so that a failure
marks the row failed, storing a file idempotently (a redelivered task, or two workers
at once, leave one file) and deleting rows with their files.
"""

from django.core.files import File
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PreparedFileStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to start")
    RUNNING = "running", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


DONE = PreparedFileStatus.DONE


class PreparedFile(models.Model):
    """What every prepared file's row has. A subclass adds `file` (its own folder) and
    `expires_at` (its own lifetime)."""

    status = models.CharField(
        max_length=7, choices=PreparedFileStatus.choices, default=PreparedFileStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def is_expired(self, now=None):
        return self.expires_at <= (now or timezone.now())

    @property
    def is_done(self):
        return self.status == PreparedFileStatus.DONE

    @property
    def is_waiting(self):
        return self.status in (PreparedFileStatus.PENDING, PreparedFileStatus.RUNNING)


# Late acknowledgement: a worker killed mid-task leaves the message to the next worker;
# the task is idempotent, so running it again is safe. Storage errors are retried.
TASK_OPTIONS = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 3,
}


def task_run_or_fail(task, *, run, fail):
    """Call `run()` inside a bound task; call `fail()` (mark the row failed) when it raises
    anything but an OSError, or an OSError on the last retry. The error is raised again."""
    try:
        run()
    except OSError:
        if task.request.retries >= task.max_retries:
            fail()
        raise
    except Exception:
        fail()
        raise


def file_store_once(model, object_id, stream, name):
    """Store `stream` as the row's file under `name` and mark the row done, unless it is
    done already or gone. Return the row (None when it no longer exists).

    The row is locked while the file is saved, so of two runs one stores the file and the
    other finds it done. A file left by a run killed before it marked the row done is
    replaced, not kept beside the new one.
    """
    with transaction.atomic():
        row = model.objects.select_for_update().filter(id=object_id).first()
        if row is None or row.status == DONE:
            return row
        storage = row.file.storage
        path = row.file.field.generate_filename(row, name)
        if storage.exists(path):
            storage.delete(path)
        row.file.save(name, File(stream), save=False)
        row.status = DONE
        row.finished_at = timezone.now()
        row.save(update_fields=["file", "status", "finished_at"])
    return row


def file_response(row, *, stem, waiting_url, content_type=None):
    """Return the row's file as a private attachment named `{stem}-{day}.{format}`, or a
    redirect to `waiting_url` (its status page) while it is not ready. The caller has
    checked who may have it and that it has not expired."""
    from django.http import FileResponse
    from django.shortcuts import redirect

    if not row.is_done or not row.file:
        return redirect(waiting_url)
    day = timezone.localdate(row.created_at).isoformat()
    response = FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=f"{stem}-{day}.{row.format}",
        content_type=content_type,
    )
    response["Cache-Control"] = "no-store"
    return response


def rows_delete_with_files(rows) -> int:
    """Delete the rows and their files; return how many."""
    rows = list(rows)
    for row in rows:
        if row.file:
            row.file.delete(save=False)
        row.delete()
    return len(rows)
