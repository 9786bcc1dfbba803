"""The task that prepares every kind of file, and the one that deletes expired files.

Tasks take a kind's name and a row's id, and call `core.prepared_files.services`.
"""

from celery import shared_task

from .prepared_files import services
from .prepared_files.kinds import kind_named

# Late acknowledgement: a worker killed mid-task leaves the message to the next worker;
# the render is idempotent, so running it again is safe. Storage errors are retried.
RENDER_OPTIONS = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 3,
}


@shared_task(**RENDER_OPTIONS)
def prepared_file_render(self, kind_name: str, file_id: int) -> None:
    """Prepare a file. Mark it failed on an error that retrying will not mend (anything
    but an OSError, or an OSError on the last retry); the error is raised again."""
    kind = kind_named(kind_name)
    try:
        services.prepared_file_render(kind=kind, file_id=file_id)
    except OSError:
        if self.request.retries >= self.max_retries:
            services.prepared_file_fail(kind=kind, file_id=file_id)
        raise
    except Exception:
        services.prepared_file_fail(kind=kind, file_id=file_id)
        raise


@shared_task
def prepared_files_delete_expired(kind_name: str) -> int:
    """Delete the kind's expired files (on the beat schedule in config/celery.py)."""
    return services.prepared_files_delete_expired(kind=kind_named(kind_name))
