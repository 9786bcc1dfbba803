"""Reads for the reminders a manager sends: who may be reminded, and what was sent.

Each takes a fixed number of queries whatever the number of people, and only ever
returns people in teams the user manages (`training.permissions.teams_managed_by`).
"""

from accounts.api import Team

from ..models import ReminderKind, ReminderLog
from ..permissions import teams_managed_by
from ..reminders import ReminderTarget
from ..rules import Status
from .reports import team_report

# A manager may remind someone about a module they have still to do. Completed work
# (even expiring soon) and modules removed from the site are not reminded about.
REMINDABLE = frozenset({Status.OVERDUE, Status.NOT_STARTED, Status.IN_PROGRESS})

# The reminders the team's people received: the managers' digests are not theirs.
LEARNER_KINDS = (ReminderKind.LEARNER_DUE, ReminderKind.ON_DEMAND)


def _target(row, module, cell) -> ReminderTarget:
    return ReminderTarget(
        user_id=row.user_id,
        name=row.name,
        email=row.email,
        module_id=module.id,
        module_title=module.title,
        due_date=cell.due_date,
        overdue=cell.status == Status.OVERDUE,
    )


def overdue_targets(report) -> list[ReminderTarget]:
    """Return each overdue person and module the report shows (its rows and modules, as
    filtered), in the report's order. No queries."""
    return [_target(row, module, cell) for row, module, cell in report.overdue]


def reminder_target(*, user, learner_id, module_id, today=None) -> ReminderTarget | None:
    """Return the learner's standing on the module, if `user` may remind them about it.

    None unless the learner is in a team `user` manages, the module is assigned to them
    there, and it is still to do (`REMINDABLE`). At most six queries: the teams, then the
    team report of those teams for that module.
    """
    team_ids = list(teams_managed_by(user).filter(members=learner_id).values_list("id", flat=True))
    if not team_ids:
        return None
    report = team_report(team_ids=team_ids, module_ids=[module_id], today=today)
    for row in report.rows:
        if row.user_id != learner_id:
            continue
        for module, cell in zip(report.modules, row.cells, strict=True):
            if module.id == module_id and cell is not None and cell.status in REMINDABLE:
                return _target(row, module, cell)
    return None


def reminded_today(*, targets, today) -> dict[tuple[int, int | None], ReminderLog]:
    """Return {(user id, module id): today's reminder} for the targets already reminded
    about that module today (one query)."""
    targets = list(targets)
    if not targets:
        return {}
    wanted = {(t.user_id, t.module_id) for t in targets}
    logs = ReminderLog.objects.filter(
        kind=ReminderKind.ON_DEMAND,
        sent_on=today,
        user_id__in={t.user_id for t in targets},
        module_id__in={t.module_id for t in targets},
    ).select_related("sent_by")
    return {
        (log.user_id, log.module_id): log for log in logs if (log.user_id, log.module_id) in wanted
    }


def reminder_log(*, user):
    """Return the reminders sent to people in the teams `user` manages, newest first.

    Automatic reminders and managers' own, whoever sent them (another manager of a
    shared member's team included); not the managers' weekly digests. A query set, to
    be paginated: a page is two queries (the count and the rows, with who sent them).
    """
    members = Team.members.through.objects.filter(team__in=teams_managed_by(user)).values("user_id")
    return (
        ReminderLog.objects.filter(kind__in=LEARNER_KINDS, user_id__in=members)
        .select_related("user", "sent_by")
        .order_by("-sent_at", "-id")
    )
