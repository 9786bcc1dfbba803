"""Background work for learning: reminders, the organisation summary and report files.
Tasks take ids and call services; beat runs the periodic ones.

The schedules are in `config/celery.py`, with every other periodic task.
"""

from celery import shared_task

from config.prepared_files import TASK_OPTIONS, task_run_or_fail

from . import reminders, services

# A failed send leaves no log row behind, so a retry sends exactly the ones still owed.
RETRY = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (reminders.ReminderSendError, OSError),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**RETRY)
def reminders_learners(self) -> int:
    """Email learners whose training is overdue or due soon (daily). Safe to run twice."""
    return reminders.reminders_send_learners()


@shared_task(**RETRY)
def reminders_managers(self) -> int:
    """Email each manager their teams' overdue training (weekly). Safe to run twice."""
    return reminders.reminders_send_managers()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def team_summaries_refresh() -> int:
    """Recompute each team's counts for the organisation-wide report (every 15 minutes)."""
    return services.team_summaries_refresh()


@shared_task(**TASK_OPTIONS)
def report_download_render(self, download_id: int) -> None:
    """Prepare a report file. Safe to run twice: a finished file is left as it is."""
    task_run_or_fail(
        self,
        run=lambda: services.report_download_render(download_id=download_id),
        fail=lambda: services.report_download_fail(download_id=download_id),
    )


@shared_task
def report_downloads_delete_expired() -> int:
    """Delete report files older than a day (hourly)."""
    return services.report_downloads_delete_expired()
