"""Reminder emails: learners with training due or overdue, managers with their teams' overdue,
and the reminders a manager sends on demand (at the end of this module).

The automatic ones are run by the beat tasks in `training.tasks` (learners daily,
managers weekly) or by hand with `manage.py send_reminders`. Both read everything from a fixed number of queries
(the team report over every team, and a few more), whatever the number of people, then
send one email per person with something to act on.

Sending is idempotent per (kind, user, day): `ReminderLog` has a unique constraint on
those three, and a reminder is sent only by the run that created its log row. See
`_send_once` for what happens when a send fails.

Emails hold module titles, names and dates only: never anything a learner wrote.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.api import Team

from .models import ReminderKind, ReminderLog
from .rules import DUE_SOON_DAYS, Status, module_standing
from .selectors.reports import due_dates_by_team, team_report

logger = logging.getLogger(__name__)


class ReminderSendError(Exception):
    """Some reminders could not be sent; their log rows were removed so a retry sends them."""

    def __init__(self, *, kind, sent, failed):
        super().__init__(f"{failed} {kind} reminder(s) not sent ({sent} sent)")
        self.kind, self.sent, self.failed = kind, sent, failed


@dataclass(frozen=True)
class DueItem:
    """One module a learner must act on (learner emails) or one overdue cell (digests)."""

    module_title: str
    due_date: dt.date
    overdue: bool
    person: str = ""
    team_name: str = ""


@dataclass(frozen=True)
class Recipient:
    user_id: int
    name: str
    email: str
    items: tuple


def absolute_url(name) -> str:
    """Return the absolute URL of a named page, for links in emails sent without a request.

    The site's base URL is `WAGTAILADMIN_BASE_URL`, the setting Wagtail's own emails use.
    """
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name)


def _needs_action(standing, today) -> bool:
    """Overdue, or not done and due within DUE_SOON_DAYS (expiring completions are not)."""
    if standing.status == Status.OVERDUE:
        return True
    return (
        standing.status in (Status.NOT_STARTED, Status.IN_PROGRESS)
        and standing.due_date is not None
        and (standing.due_date - today).days <= DUE_SOON_DAYS
    )


def learner_recipients(*, today) -> list[Recipient]:
    """Return each active learner with modules overdue or due soon, and those modules.

    At most six queries at any size: the team ids and the team report over every team.
    """
    report = team_report(
        team_ids=Team.objects.values_list("id", flat=True),
        statuses=[Status.OVERDUE, Status.NOT_STARTED, Status.IN_PROGRESS],
        today=today,
    )
    recipients = []
    for row in report.rows:
        items = tuple(
            DueItem(module.title, cell.due_date, cell.status == Status.OVERDUE)
            for module, cell in zip(report.modules, row.cells, strict=True)
            if cell is not None and _needs_action(cell, today)
        )
        if items:
            items = tuple(sorted(items, key=lambda i: (i.due_date, i.module_title)))
            recipients.append(Recipient(row.user_id, row.name, row.email, items))
    return recipients


def manager_recipients(*, today) -> list[Recipient]:
    """Return each active manager whose teams have overdue training, with the overdue list.

    One digest per manager, however many teams they manage; a person and module appear
    once, under the manager's team whose assignment is due first. At most ten queries at
    any size: the team ids, the team report, the managers and `due_dates_by_team`.
    """
    team_ids = list(Team.objects.values_list("id", flat=True))
    report = team_report(team_ids=team_ids, statuses=[Status.OVERDUE], today=today)
    managers, managers_of, team_names = {}, {}, {}
    for team_id, team_name, user_id, first, last, email in (
        Team.managers.through.objects.filter(team_id__in=team_ids, user__is_active=True)
        .order_by("user_id")
        .values_list(
            "team_id", "team__name", "user_id", "user__first_name", "user__last_name", "user__email"
        )
    ):
        managers[user_id] = (f"{first} {last}".strip() or email, email)
        managers_of.setdefault(team_id, []).append(user_id)
        team_names[team_id] = team_name
    overdue = report.overdue
    if not managers or not overdue:
        return []
    due_by_team = due_dates_by_team(team_ids=team_ids)
    # {manager id: {(user id, module id): (due date, team name, row, module, cell)}}
    found = {}
    for row, module, cell in overdue:
        for team_id, due_date in due_by_team.get((row.user_id, module.id), {}).items():
            for manager_id in managers_of.get(team_id, ()):
                mine = found.setdefault(manager_id, {})
                candidate = (due_date, team_names[team_id], row, module, cell)
                key = (row.user_id, module.id)
                if key not in mine or candidate[:2] < mine[key][:2]:
                    mine[key] = candidate
    recipients = []
    for manager_id, (name, email) in managers.items():
        items = []
        for due_date, team_name, row, module, cell in found.get(manager_id, {}).values():
            # The cell's due date is the earliest over all the person's teams: judge it by
            # this manager's teams' date instead (a later one may not be overdue yet).
            standing = module_standing(
                due_date=due_date,
                completed_on=cell.completed_on,
                expires_on=cell.expires_on,
                started=False,
                today=today,
            )
            if standing.status == Status.OVERDUE:
                items.append(DueItem(module.title, standing.due_date, True, row.name, team_name))
        if items:
            items.sort(key=lambda i: (i.team_name, i.person.lower(), i.due_date, i.module_title))
            recipients.append(Recipient(manager_id, name, email, tuple(items)))
    return recipients


def _claim(kind, recipient, today) -> ReminderLog | None:
    """Create the log row that lets this run send the reminder; None if one exists already."""
    try:
        with transaction.atomic():
            return ReminderLog.objects.create(
                kind=kind,
                user_id=recipient.user_id,
                sent_on=today,
                item_count=len(recipient.items),
                module_titles=sorted({item.module_title for item in recipient.items}),
                emailed_at=timezone.now(),
            )
    except IntegrityError:  # another run (a retry, beat and the command) got there first
        return None


def _send_once(*, kind, recipients, today, message_for) -> int:
    """Send each recipient's email unless it was sent today; return how many were sent.

    The log row is written (and, outside a transaction, committed) before the email goes:
    a second run the same day, even one running at the same moment, finds the row and
    sends nothing. If sending fails, the row is deleted, so a retry of the task sends it.
    If the process dies between the two, that person misses one day's reminder rather
    than getting two: the next run (tomorrow, or next week for digests) sends as usual.
    A failed send does not stop the others; afterwards ReminderSendError says how many
    failed, and the task retries (the ones already sent are skipped by their rows).
    """
    already = set(
        ReminderLog.objects.filter(kind=kind, sent_on=today).values_list("user_id", flat=True)
    )
    recipients = [r for r in recipients if r.user_id not in already]
    if not recipients:
        return 0
    sent = failed = 0
    first_error = None
    with get_connection() as connection:  # one SMTP session for the whole run
        for recipient in recipients:
            log = _claim(kind, recipient, today)
            if log is None:
                continue
            try:
                message_for(recipient, connection).send()
            except Exception as error:
                ReminderLog.objects.filter(pk=log.pk).delete()
                if not isinstance(error, OSError):  # smtplib and socket errors are OSErrors
                    raise
                logger.warning(
                    "%s reminder to user %s not sent: %s", kind, recipient.user_id, error
                )
                failed += 1
                first_error = first_error or error
                continue
            sent += 1
    if failed:
        raise ReminderSendError(kind=kind, sent=sent, failed=failed) from first_error
    return sent


def _message(template, recipient, connection, *, today, **context) -> EmailMessage:
    context = {
        "service_name": settings.SERVICE_NAME,
        "name": recipient.name,
        "items": recipient.items,
        "count": len(recipient.items),
        "overdue_count": sum(1 for item in recipient.items if item.overdue),
        "due_soon_days": DUE_SOON_DAYS,
        "today": today,
        **context,
    }
    # A subject line must not contain newlines.
    subject = "".join(
        render_to_string(f"training/email/{template}_subject.txt", context).splitlines()
    )
    body = render_to_string(f"training/email/{template}.txt", context)
    return EmailMessage(subject, body, None, [recipient.email], connection=connection)


def reminders_send_learners(*, today=None) -> int:
    """Email every learner with modules overdue or due within DUE_SOON_DAYS; return how many.

    Nobody with nothing to act on gets an email, and nobody gets two on the same day.
    """
    today = today or timezone.localdate()
    url = absolute_url("training:my_training")
    return _send_once(
        kind=ReminderKind.LEARNER_DUE,
        recipients=learner_recipients(today=today),
        today=today,
        message_for=lambda r, c: _message("reminder_learner", r, c, today=today, url=url),
    )


def reminders_send_managers(*, today=None) -> int:
    """Email every manager their teams' overdue list (one digest each); return how many.

    A manager whose teams have nothing overdue gets no email, and nobody gets two on the
    same day.
    """
    today = today or timezone.localdate()
    url = absolute_url("training:team_report")
    return _send_once(
        kind=ReminderKind.MANAGER_DIGEST,
        recipients=manager_recipients(today=today),
        today=today,
        message_for=lambda r, c: _message(
            "manager_digest",
            r,
            c,
            today=today,
            url=url,
            team_count=len({i.team_name for i in r.items}),
        ),
    )


# Reminders a manager asks for: one learner about one module, or everyone overdue in the
# team report's filtered view. The request writes a log row per learner and module (the
# unique key makes a second click, a second POST or a second manager the same day write
# nothing); a task emails the rows after commit and marks each one emailed.


@dataclass(frozen=True)
class ReminderTarget:
    """A learner and a module they have still to do, as the team report shows it."""

    user_id: int
    name: str
    email: str
    module_id: int
    module_title: str
    due_date: dt.date
    overdue: bool


@dataclass(frozen=True)
class ReminderRequest:
    sent: int  # new reminders, emailed by the task once the request commits
    already: int  # learner and module already reminded today: nothing sent again


def reminders_request(*, actor, targets, today=None) -> ReminderRequest:
    """Record a reminder from `actor` for each target not reminded about it today; enqueue
    the task that emails them once this transaction commits.

    The caller has checked that the targets are in teams the actor manages (the
    selectors in `training.selectors.reminders` only return those). One insert a
    target, each in its own savepoint, so that two requests at once (a double click)
    each learn exactly which rows are theirs.
    """
    from .tasks import reminders_requested

    today = today or timezone.localdate()
    targets = list({(t.user_id, t.module_id): t for t in targets}.values())
    done = set(
        ReminderLog.objects.filter(
            kind=ReminderKind.ON_DEMAND,
            sent_on=today,
            user_id__in={t.user_id for t in targets},
            module_id__in={t.module_id for t in targets},
        ).values_list("user_id", "module_id")
    )
    created = []
    for target in targets:
        if (target.user_id, target.module_id) in done:
            continue
        try:
            with transaction.atomic():
                created.append(
                    ReminderLog.objects.create(
                        kind=ReminderKind.ON_DEMAND,
                        user_id=target.user_id,
                        module_id=target.module_id,
                        module_titles=[target.module_title],
                        due_date=target.due_date,
                        sent_on=today,
                        sent_by=actor,
                        item_count=1,
                    ).id
                )
        except IntegrityError:  # the same reminder, asked for at the same moment
            continue
    if created:
        transaction.on_commit(lambda: reminders_requested.delay(created))
    return ReminderRequest(sent=len(created), already=len(targets) - len(created))


def _module_url(module) -> str:
    """Return the module page's absolute URL, or My training's when it has none."""
    parts = module.get_url_parts() if module is not None else None
    if not parts:
        return absolute_url("training:my_training")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + parts[2]


def _requested_message(log, connection) -> EmailMessage:
    sender = log.sent_by
    context = {
        "service_name": settings.SERVICE_NAME,
        "name": f"{log.user.first_name} {log.user.last_name}".strip() or log.user.email,
        "manager": (f"{sender.first_name} {sender.last_name}".strip() or sender.email)
        if sender
        else "",
        "title": log.module_titles[0] if log.module_titles else "",
        "due_date": log.due_date,
        "overdue": log.due_date is not None and log.due_date < log.sent_on,
        "url": _module_url(log.module),
    }
    subject = "".join(
        render_to_string("training/email/reminder_on_demand_subject.txt", context).splitlines()
    )
    body = render_to_string("training/email/reminder_on_demand.txt", context)
    return EmailMessage(subject, body, None, [log.user.email], connection=connection)


def reminders_send_requested(*, log_ids) -> int:
    """Email each requested reminder not emailed yet; return how many were sent now.

    Each row is claimed (`emailed_at` set only where it was empty) before its email goes,
    so a retried or duplicated task never sends one twice; a failed send clears the
    claim, so the retry sends it. As with the automatic reminders, a process that dies
    between the two loses that one email rather than sending it twice.
    """
    logs = list(
        ReminderLog.objects.filter(
            id__in=log_ids, kind=ReminderKind.ON_DEMAND, emailed_at__isnull=True
        ).select_related("user", "module", "sent_by")
    )
    sent = failed = 0
    first_error = None
    with get_connection() as connection:
        for log in logs:
            claimed = ReminderLog.objects.filter(pk=log.pk, emailed_at__isnull=True).update(
                emailed_at=timezone.now()
            )
            if not claimed:
                continue
            try:
                _requested_message(log, connection).send()
            except Exception as error:
                ReminderLog.objects.filter(pk=log.pk).update(emailed_at=None)
                if not isinstance(error, OSError):
                    raise
                logger.warning("reminder %s to user %s not sent: %s", log.pk, log.user_id, error)
                failed += 1
                first_error = first_error or error
                continue
            sent += 1
    if failed:
        raise ReminderSendError(
            kind=ReminderKind.ON_DEMAND, sent=sent, failed=failed
        ) from first_error
    return sent
