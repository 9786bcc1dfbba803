"""Background work for training: reminders, assignment emails and the organisation summary.
Tasks take ids and call services; beat runs the periodic ones. Report files are prepared by
`core.tasks.prepared_file_render` (their kind is in training/files.py).

The schedules are in `config/celery.py`, with every other periodic task.
"""

from celery import shared_task

from . import assignment_emails as emails
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


@shared_task(**RETRY)
def reminders_requested(self, log_ids) -> int:
    """Email the reminders a manager asked for (their log rows). Safe to run twice."""
    return reminders.reminders_send_requested(log_ids=log_ids)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def assignment_emails(self, *, assignment_id, change, user_ids, previous_due_date=None) -> int:
    """Email learners that a module was assigned, changed or withdrawn; retry the failures.

    A retry is asked for the learners whose email failed only, so nobody gets two.
    """
    failed = emails.assignment_emails_send(
        assignment_id=assignment_id,
        change=change,
        user_ids=user_ids,
        previous_due_date=previous_due_date,
    )
    if failed:
        raise self.retry(
            kwargs={
                "assignment_id": assignment_id,
                "change": change,
                "user_ids": failed,
                "previous_due_date": previous_due_date,
            },
            countdown=60 * 2**self.request.retries,
        )
    return len(user_ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def team_summaries_refresh() -> int:
    """Recompute each team's counts for the organisation-wide report (every 15 minutes)."""
    return services.team_summaries_refresh()
