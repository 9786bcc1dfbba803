"""Emails to learners when a module is assigned to them, its due date changes, or it is
withdrawn (or they are taken off it).

`training.services` works out who is affected (`assignment_emails_enqueue`); a task sends
one email to each of them after the change commits (`assignment_emails_send`), and a retry
sends only the ones that failed. Emails hold the module's title, the team and dates only.
"""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import models, transaction
from django.template.loader import render_to_string

from .models import Assignment
from .reminders import absolute_url

logger = logging.getLogger(__name__)


class AssignmentChange(models.TextChoices):
    ASSIGNED = "assigned"  # the module is now theirs to do (new, or they were added)
    CHANGED = "changed"  # still theirs, due on another date
    WITHDRAWN = "withdrawn"  # no longer theirs (withdrawn, or they were taken off it)


def active_member_ids(team) -> set[int]:
    """Return the ids of the team's active members (one query)."""
    return set(team.members.filter(is_active=True).values_list("id", flat=True))


def covered_learner_ids(*, member_ids, everyone, chosen_ids) -> set[int]:
    """Return the members an assignment covers: all of them, or those chosen (no query)."""
    return set(member_ids) if everyone else set(member_ids) & set(chosen_ids)


def assignment_changes(*, before, after, due_changed) -> dict:
    """Return {change: learner ids} for an assignment whose covered learners went from
    `before` to `after` (no query).

    Newcomers are told it is assigned, people taken off it that it is withdrawn, and
    those still on it that it is due on another date, only if that changed.
    """
    return {
        AssignmentChange.ASSIGNED: after - before,
        AssignmentChange.WITHDRAWN: before - after,
        AssignmentChange.CHANGED: (after & before) if due_changed else set(),
    }


def assignment_emails_enqueue(*, assignment_id, change, user_ids, previous_due_date=None):
    """Email these learners about the change once the current transaction commits."""
    from .tasks import assignment_emails

    user_ids = sorted(user_ids)
    if not user_ids:
        return
    previous = previous_due_date.isoformat() if previous_due_date else None
    transaction.on_commit(
        lambda: assignment_emails.delay(
            assignment_id=assignment_id,
            change=str(change),
            user_ids=user_ids,
            previous_due_date=previous,
        )
    )


def _module_url(assignment) -> str:
    module = assignment.module if assignment.module_id else None
    parts = module.get_url_parts() if module is not None and module.live else None
    if not parts:
        return absolute_url("training:my_training")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + parts[2]


def assignment_emails_send(*, assignment_id, change, user_ids, previous_due_date=None) -> list:
    """Email each learner about the change to the assignment; return the ids not sent.

    Sends nothing for an assignment that no longer exists. An email that fails to send
    (an OSError: SMTP or the network) is logged and its learner returned, so the task
    retries only those.
    """
    assignment = (
        Assignment.objects.select_related("team", "module").filter(id=assignment_id).first()
    )
    if assignment is None:
        return []
    users = get_user_model().objects.filter(id__in=user_ids, is_active=True).order_by("id")
    context = {
        "service_name": settings.SERVICE_NAME,
        "change": change,
        "title": assignment.title,
        "team": assignment.team.name,
        "due_date": assignment.due_date,
        "previous_due_date": dt.date.fromisoformat(previous_due_date)
        if previous_due_date
        else None,
        "url": _module_url(assignment)
        if change != AssignmentChange.WITHDRAWN
        else absolute_url("training:my_training"),
    }
    subject = "".join(
        render_to_string("training/email/assignment_subject.txt", context).splitlines()
    )
    failed = []
    with get_connection() as connection:
        for user in users:
            name = f"{user.first_name} {user.last_name}".strip() or user.email
            body = render_to_string("training/email/assignment.txt", {**context, "name": name})
            try:
                EmailMessage(subject, body, None, [user.email], connection=connection).send()
            except OSError as error:
                logger.warning(
                    "assignment %s email to user %s not sent: %s", assignment_id, user.id, error
                )
                failed.append(user.id)
    return failed
