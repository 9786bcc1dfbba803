"""The manager's part of the signed-in home: per team they manage, how many people are
overdue, expiring in 30 days and not started, each a link to the team report filtered to
exactly those people.

The counts are the team report's (`reports.team_report` with one team and one status):
the same members, assignments and rules, so a number and the rows behind its link agree.
Built from six queries at most whatever the number of teams and people.
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.api import Team

from ..models import Assignment, ModuleProgressLog
from ..rules import EXPIRES_SOON_DAYS, Status, removed_module_standing
from .progress import latest_completions, standing_for
from .reports import _chosen_learners, _coverage, _members

# The statuses the home counts, in the order it shows them, each with its row's label and
# what its link adds for a screen reader ("3 people" + "with overdue training").
HOME_STATUSES = (Status.OVERDUE, Status.EXPIRES_SOON, Status.NOT_STARTED)
HOME_LABELS = {
    Status.OVERDUE: (_("Overdue"), _("with overdue training")),
    Status.EXPIRES_SOON: (
        _("Expiring in %(days)d days"),
        _("with training expiring in %(days)d days"),
    ),
    Status.NOT_STARTED: (_("Not started"), _("who have not started assigned training")),
}


@dataclass(frozen=True)
class TeamCount:
    """How many of a team's people have at least one assigned module in `status`."""

    status: Status
    people: int
    url: str  # the team report, filtered to this team and status

    @property
    def label(self) -> str:
        return str(HOME_LABELS[self.status][0]) % {"days": EXPIRES_SOON_DAYS}

    @property
    def description(self) -> str:
        return str(HOME_LABELS[self.status][1]) % {"days": EXPIRES_SOON_DAYS}


@dataclass(frozen=True)
class TeamTraining:
    id: int
    name: str
    people: int  # active members
    assigned: bool  # whether the team has any training assigned (an open assignment)
    counts: tuple[TeamCount, ...]  # one per HOME_STATUSES, in that order
    report_url: str  # the team report, this team only
    assign_url: str  # assign training to this team

    def count(self, status) -> int:
        return next(c.people for c in self.counts if c.status == status)


@dataclass(frozen=True)
class ManagerHome:
    teams: tuple[TeamTraining, ...]  # the teams the user manages, by name


@dataclass(frozen=True)
class _Facts:
    completions: dict  # (user id, module id) -> (completed at, expires on)
    progress: dict  # (user id, module id) -> progress log's last update, when begun
    removed: set  # ids of modules deleted or unpublished since they were assigned


def _status(key, due_date, *, facts: _Facts, today) -> Status:
    """Return the status of one person on one module, as the team report works it out."""
    completed_at, expires_on = facts.completions.get(key, (None, None))
    if key[1] in facts.removed:
        return removed_module_standing(
            completed_on=timezone.localdate(completed_at) if completed_at else None,
            expires_on=expires_on,
            today=today,
        ).status
    return standing_for(
        due_date=due_date,
        completion=facts.completions.get(key),
        progress_updated_at=facts.progress.get(key),
        today=today,
    ).status


def _report_url(**filters) -> str:
    return f"{reverse('training:team_report')}?{urlencode(filters)}"


def manager_home(*, user, today=None) -> ManagerHome | None:
    """Return the teams the user manages with their counts, or None if they manage none.

    One query for someone who manages no team. Otherwise at most six, whatever the number
    of teams and people: teams, members, open assignments, the chosen learners (only if an
    assignment is to chosen people), the latest completions and the progress logs (these
    two only when something is assigned).
    Only the teams the user manages themselves (not every team an administrator may see:
    the organisation report is theirs for that).
    """
    today = today or timezone.localdate()
    teams = list(Team.objects.filter(managers=user).order_by("name").values_list("id", "name"))
    if not teams:
        return None
    team_ids = [team_id for team_id, _name in teams]
    _people, memberships = _members(team_ids)
    assignments = list(
        Assignment.objects.filter(team_id__in=team_ids, withdrawn_at__isnull=True).values_list(
            "id", "team_id", "module_id", "due_date", "everyone", "module__live"
        )
    )
    removed = {a[2] for a in assignments if not a[5]}
    chosen = _chosen_learners([a[0] for a in assignments if not a[4]])
    # The earliest due date a team's assignments give each (person, module), per team:
    # the team report of one team counts only that team's assignments.
    due: dict[int, dict[tuple[int, int], dt.date]] = {}
    covering = [a[:5] for a in assignments]
    for user_id, module_id, team_id, due_date in _coverage(covering, memberships, chosen):
        team_due = due.setdefault(team_id, {})
        key = (user_id, module_id)
        team_due[key] = min(team_due[key], due_date) if key in team_due else due_date
    completions, progress = {}, {}
    if assignments:
        user_ids = Team.members.through.objects.filter(team_id__in=team_ids).values("user_id")
        module_ids = {a[2] for a in assignments}
        completions = latest_completions(user_ids=user_ids, module_ids=module_ids)
        progress = {
            (user_id, module_id): updated_at
            for user_id, module_id, updated_at in ModuleProgressLog.objects.filter(
                user_id__in=user_ids, module_id__in=module_ids, steps_done__gt=0
            ).values_list("user_id", "module_id", "updated_at")
        }
    facts = _Facts(completions=completions, progress=progress, removed=removed)
    result = []
    for team_id, name in teams:
        people: dict[Status, set[int]] = {status: set() for status in HOME_STATUSES}
        for key, due_date in due.get(team_id, {}).items():
            status = _status(key, due_date, facts=facts, today=today)
            if status in people:
                people[status].add(key[0])
        result.append(
            TeamTraining(
                id=team_id,
                name=name,
                people=len(memberships.get(team_id, ())),
                assigned=any(a[1] == team_id for a in assignments),
                counts=tuple(
                    TeamCount(
                        status=status,
                        people=len(people[status]),
                        url=_report_url(team=team_id, status=status.value),
                    )
                    for status in HOME_STATUSES
                ),
                report_url=_report_url(team=team_id),
                assign_url=reverse("training:assignment_new", kwargs={"team_id": team_id}),
            )
        )
    return ManagerHome(teams=tuple(result))
