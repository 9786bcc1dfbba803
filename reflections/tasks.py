"""Background work for reflections. Tasks take ids and call services."""

from celery import shared_task

from config.prepared_files import TASK_OPTIONS, task_run_or_fail

from . import services


@shared_task(**TASK_OPTIONS)
def export_render(self, export_id: int) -> None:
    """Prepare an export. Safe to run twice: a finished export is left as it is."""
    task_run_or_fail(
        self,
        run=lambda: services.export_render(export_id=export_id),
        fail=lambda: services.export_fail(export_id=export_id),
    )


@shared_task
def exports_delete_expired() -> int:
    return services.exports_delete_expired()
