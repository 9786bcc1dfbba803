"""Background work for training: reminders and the organisation summary. Tasks take ids
and call services; beat runs the periodic ones. Report files are prepared by
`core.tasks.prepared_file_render` (their kind is in training/files.py).

The schedules are in `config/celery.py`, with every other periodic task.
"""

from celery import shared_task

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
