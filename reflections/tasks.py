"""Background work for reflections. Tasks take ids and call services."""

from celery import shared_task

from . import services


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=3,
)
def export_render(self, export_id: int) -> None:
    """Prepare an export. Safe to run twice: a finished export is left as it is."""
    try:
        services.export_render(export_id=export_id)
    except OSError:
        if self.request.retries >= self.max_retries:
            services.export_fail(export_id=export_id)
        raise
    except Exception:
        services.export_fail(export_id=export_id)
        raise


@shared_task
def exports_delete_expired() -> int:
    return services.exports_delete_expired()
