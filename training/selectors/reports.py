"""The manager's training report: people x modules, from five queries at any team size.

Never reads a reflection: only assignments, completions and progress counts.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.api import Team
from learning import api as learning_api
from quizzes import api as quizzes_api

from ..models import (
    Assignment,
    Completion,
    ModuleProgressLog,
    ReportFile,
    TeamSummary,
    TrainingModulePage,
)
from ..permissions import teams_managed_by
from ..rules import (
    Status,
    due_date_carried,
    missed_before_withdrawn,
    removed_module_standing,
)
from .progress import standing_for

SORTS = ("name", "-name", "team", "overdue")


@dataclass(frozen=True)
class ReportModule:
    id: int
    title: str
    removed: bool = False  # deleted or unpublished by an editor since it was assigned

    @property
    def label(self) -> str:
        if self.removed:
            return _("%(title)s (removed from the site)") % {"title": self.title}
        return self.title


@dataclass
class ReportRow:
    user_id: int
    name: str
    email: str
    team_id: int
    team_name: str
    cells: list = field(default_factory=list)  # ModuleStanding or None, in module order

    def count(self, status):
        return sum(1 for cell in self.cells if cell is not None and cell.status == status)


@dataclass
class TeamReport:
    modules: list
    rows: list
    counts: dict  # Status -> number of cells

    @property
    def overdue(self):
        return self._cells_with(Status.OVERDUE)

    @property
    def expiring_soon(self):
        return self._cells_with(Status.EXPIRES_SOON)

    def _cells_with(self, status):
        return [
            (row, module, cell)
            for row in self.rows
            for module, cell in zip(self.modules, row.cells, strict=True)
            if cell is not None and cell.status == status
        ]


def _members(team_ids):
    """One query: each active member once, and every team's member ids.

    Return ({user id: (name, email, team id, team name)}, {team id: [user ids]}); a person
    in two of the teams is listed under the first by name, but has both teams' work.
    """
    through = Team.members.through
    rows = (
        through.objects.filter(team_id__in=team_ids, user__is_active=True)
        .order_by("user__last_name", "user__first_name", "user__email", "team__name")
        .values_list(
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__email",
            "team_id",
            "team__name",
        )
    )
    members: dict[int, tuple[str, str, int, str]] = {}
    by_team: dict[int, list[int]] = {}
    for user_id, first, last, email, team_id, team_name in rows:
        name = f"{first} {last}".strip() or email
        members.setdefault(user_id, (name, email, team_id, team_name))
        by_team.setdefault(team_id, []).append(user_id)
    return members, by_team


def _chosen_learners(assignment_ids) -> set:
    """One query (none without ids): {(assignment id, user id)} for assignments to chosen
    learners rather than the whole team."""
    if not assignment_ids:
        return set()
    return set(
        Assignment.learners.through.objects.filter(assignment_id__in=assignment_ids).values_list(
            "assignment_id", "user_id"
        )
    )


def _coverage(assignments, memberships, chosen):
    """Yield (user id, module id, team id, due date) for each member an open assignment
    covers: everyone in its team, or only the learners chosen for it.

    `assignments` are (id, team id, module id, due date, everyone) tuples, `memberships`
    {team id: [user ids]} and `chosen` what `_chosen_learners` returns. People who join a
    team later are covered by its "everyone" assignments from then on.
    """
    for assignment_id, team_id, module_id, due_date, everyone in assignments:
        for user_id in memberships.get(team_id, ()):
            if everyone or (assignment_id, user_id) in chosen:
                yield user_id, module_id, team_id, due_date


def due_dates_by_team(*, team_ids) -> dict[tuple[int, int], dict[int, dt.date]]:
    """Return {(user id, module id): {team id: due date}}: which team's assignment covers
    whom, and by when.

    Three queries. `team_report` gives one cell per person and module over all their
    teams, with the earliest due date; a manager's digest must only speak of what their
    own teams assigned, by their own due dates.
    """
    team_ids = list(team_ids)
    _, memberships = _members(team_ids)
    assignments, withdrawn = [], []
    for *assignment, withdrawn_at in Assignment.objects.filter(
        Q(withdrawn_at__isnull=True) | Q(due_date__lt=timezone.localdate()),
        team_id__in=team_ids,
        module__live=True,
    ).values_list("id", "team_id", "module_id", "due_date", "everyone", "withdrawn_at"):
        if withdrawn_at is None:
            assignments.append(tuple(assignment))
        elif missed_before_withdrawn(due_date=assignment[3], withdrawn_at=withdrawn_at):
            withdrawn.append(tuple(assignment))
    chosen = _chosen_learners([a[0] for a in assignments + withdrawn if not a[4]])
    due: dict[tuple[int, int], dict[int, dt.date]] = {}
    for user_id, module_id, team_id, due_date in _coverage(assignments, memberships, chosen):
        due.setdefault((user_id, module_id), {})[team_id] = due_date
    # A date missed under a withdrawn assignment of the same team still stands, as in
    # `team_report` (rules.due_date_carried).
    for user_id, module_id, team_id, due_date in _coverage(withdrawn, memberships, chosen):
        by_team = due.get((user_id, module_id), {})
        if team_id in by_team:
            by_team[team_id] = due_date_carried(due_date=by_team[team_id], missed=[due_date])
    return due


def team_report(*, team_ids, module_ids=None, statuses=None, sort="name", today=None) -> TeamReport:
    """Return each member's standing on each module assigned to their team.

    Five queries whatever the size: members, assignments (open ones with module titles,
    and withdrawn ones whose due date was missed), the chosen learners of those, the latest completions and the progress logs.
    A person appears once (under the first of their teams, by name); a cell is None when
    the module is not assigned to them. `statuses` keeps the rows with a cell in one of
    them (and, with `module_ids`, only those modules are shown).
    """
    today = today or timezone.localdate()
    team_ids = list(team_ids)
    members, memberships = _members(team_ids)
    member_ids = Team.members.through.objects.filter(team_id__in=team_ids).values("user_id")
    # Modules deleted or unpublished since they were assigned stay, marked removed: the
    # completions they earned are history the manager still sees. Withdrawn assignments
    # whose due date passed while they were open come in the same query: a learner who
    # missed one stays overdue when the module is assigned again (rules.due_date_carried).
    assigned = Assignment.objects.filter(team_id__in=team_ids).filter(
        Q(withdrawn_at__isnull=True) | Q(due_date__lt=today)
    )
    if module_ids:
        assigned = assigned.filter(module_id__in=module_ids)
    assignments: list[tuple] = []
    withdrawn: list[tuple] = []
    for a in assigned.values_list(
        "id",
        "team_id",
        "module_id",
        "module__title",
        "due_date",
        "everyone",
        "module__live",
        "module_title",
        "withdrawn_at",
    ):
        if a[8] is None:
            assignments.append(a)
        elif missed_before_withdrawn(due_date=a[4], withdrawn_at=a[8]):
            withdrawn.append(a)
    open_module_ids = {a[2] for a in assignments}
    withdrawn = [a for a in withdrawn if a[2] in open_module_ids]
    chosen = _chosen_learners([a[0] for a in assignments + withdrawn if not a[5]])
    modules = sorted(
        {ReportModule(a[2], a[3] or a[7], removed=not a[6]) for a in assignments},
        key=lambda m: (m.removed, m.title),
    )
    module_id_list = [m.id for m in modules]
    completions = {}
    progress = {}
    if modules:
        completions = {
            (r["user_id"], r["module_id"]): (r["completed_at"], r["expires_on"])
            for r in Completion.objects.filter(user_id__in=member_ids, module_id__in=module_id_list)
            .values("user_id", "module_id")
            .annotate(completed_at=Max("completed_at"), expires_on=Max("expires_on"))
        }
        progress = {
            (user_id, module_id): updated_at
            for user_id, module_id, updated_at in ModuleProgressLog.objects.filter(
                user_id__in=member_ids, module_id__in=module_id_list, steps_done__gt=0
            ).values_list("user_id", "module_id", "updated_at")
        }
    # Who must do what, by when: the earliest due date over the assignments that cover them.
    due: dict[tuple[int, int], dt.date] = {}
    covering = [(a[0], a[1], a[2], a[4], a[5]) for a in assignments]
    for user_id, module_id, _team_id, due_date in _coverage(covering, memberships, chosen):
        key = (user_id, module_id)
        due[key] = min(due[key], due_date) if key in due else due_date
    missed: dict[tuple[int, int], list[dt.date]] = {}
    covered_before = [(a[0], a[1], a[2], a[4], a[5]) for a in withdrawn]
    for user_id, module_id, _team_id, due_date in _coverage(covered_before, memberships, chosen):
        missed.setdefault((user_id, module_id), []).append(due_date)
    for key, dates in missed.items():
        if key in due:
            due[key] = due_date_carried(due_date=due[key], missed=dates)
    rows: list[ReportRow] = []
    counts: Counter[Status] = Counter()
    for user_id, (name, email, team_id, team_name) in members.items():
        row = ReportRow(user_id, name, email, team_id, team_name)
        for module in modules:
            key = (user_id, module.id)
            if key not in due:
                row.cells.append(None)
                continue
            if module.removed:
                completed_at, expires_on = completions.get(key, (None, None))
                cell = removed_module_standing(
                    completed_on=timezone.localdate(completed_at) if completed_at else None,
                    expires_on=expires_on,
                    today=today,
                )
            else:
                cell = standing_for(
                    due_date=due[key],
                    completion=completions.get(key),
                    progress_updated_at=progress.get(key),
                    today=today,
                )
            row.cells.append(cell)
            counts[cell.status] += 1
        rows.append(row)
    if statuses:
        rows = [r for r in rows if any(c is not None and c.status in statuses for c in r.cells)]
    rows = _sorted(rows, sort)
    return TeamReport(modules=modules, rows=rows, counts={s: counts[s] for s in Status})


DOWNLOAD_BATCH = 20  # teams per team report in an organisation-wide download


def team_reports_in_batches(*, team_ids, batch=DOWNLOAD_BATCH):
    """Yield the team report of `batch` teams at a time, so that a download of the whole
    organisation keeps only one batch in memory. Five queries a batch."""
    team_ids = list(team_ids)
    for start in range(0, len(team_ids), batch):
        yield team_report(team_ids=team_ids[start : start + batch])


def _sorted(rows, sort):
    if sort == "-name":
        return sorted(rows, key=lambda r: r.name.lower(), reverse=True)
    if sort == "team":
        return sorted(rows, key=lambda r: (r.team_name.lower(), r.name.lower()))
    if sort == "overdue":
        return sorted(rows, key=lambda r: (-r.count(Status.OVERDUE), r.name.lower()))
    return sorted(rows, key=lambda r: r.name.lower())


@dataclass(frozen=True)
class WeekCount:
    week_start: dt.date
    completions: int


def completion_trend(*, team_ids, weeks=12, today=None) -> list[WeekCount]:
    """Return completions per week (Monday to Sunday) by the teams' members, oldest first.

    One query; weeks with none are filled in with 0.
    """
    today = today or timezone.localdate()
    this_monday = today - dt.timedelta(days=today.weekday())
    first = this_monday - dt.timedelta(weeks=weeks - 1)
    start = dt.datetime.combine(first, dt.time.min, tzinfo=timezone.get_current_timezone())
    member_ids = Team.members.through.objects.filter(team_id__in=team_ids).values("user_id")
    rows = (
        Completion.objects.filter(user_id__in=member_ids, completed_at__gte=start)
        .annotate(week=TruncWeek("completed_at"))
        .values("week")
        .annotate(n=Count("id"))
    )
    counts: dict[dt.date, int] = {}
    for row in rows:
        week = row["week"]
        week = week.date() if isinstance(week, dt.datetime) else week
        counts[week] = counts.get(week, 0) + row["n"]
    return [
        WeekCount(first + dt.timedelta(weeks=n), counts.get(first + dt.timedelta(weeks=n), 0))
        for n in range(weeks)
    ]


def assignable_modules():
    """Return the live training modules, by title."""
    return list(TrainingModulePage.objects.live().order_by("title").only("id", "title"))


def open_assignments(*, team_ids):
    """Return the open assignments of these teams, with module and team, soonest due first."""
    return list(
        Assignment.objects.filter(team_id__in=team_ids, withdrawn_at__isnull=True)
        .select_related("module", "team")
        .annotate(chosen=Count("learners"))
        .order_by("due_date", "team__name", "module__title")
    )


def open_assignment_for(*, user, assignment_id):
    """Return the open assignment if it belongs to a team the user manages, else None."""
    return (
        Assignment.objects.select_related("module", "team")
        .filter(id=assignment_id, withdrawn_at__isnull=True, team__in=teams_managed_by(user))
        .first()
    )


@dataclass(frozen=True)
class OrganisationRow:
    team_id: int
    team_name: str
    people: int
    counts: list[tuple[Status, int]]  # in Status order; empty until the team is summarised
    computed_at: object


def organisation_summary(*, team_ids) -> list[OrganisationRow]:
    """Return each team's precomputed counts per status (one query), by team name.

    The counts are refreshed by `training.services.team_summaries_refresh` on a schedule.
    A team not yet summarised shows no counts.
    """
    summaries = {s.team_id: s for s in TeamSummary.objects.filter(team_id__in=team_ids)}
    teams = Team.objects.filter(id__in=team_ids).order_by("name").values_list("id", "name")
    return [
        OrganisationRow(
            team_id=team_id,
            team_name=name,
            people=summaries[team_id].people if team_id in summaries else 0,
            counts=[(status, summaries[team_id].counts.get(status.value, 0)) for status in Status]
            if team_id in summaries
            else [],
            computed_at=summaries[team_id].computed_at if team_id in summaries else None,
        )
        for team_id, name in teams
    ]


HEATMAP_MIN_LEARNERS = 3


@dataclass(frozen=True)
class HeatmapRow:
    standard: object  # learning.api.StandardRef
    answers: int
    learners: int
    percent_correct: float

    @property
    def band(self):
        """A band for the cell's colour; the number is always printed too."""
        if self.percent_correct < 50:
            return "low"
        return "medium" if self.percent_correct < 80 else "high"


def standards_heatmap(*, team_ids) -> list[HeatmapRow]:
    """Return the teams' share of correct answers per standard, lowest first.

    Aggregates over the quiz answers of the teams' members: no individual answer, and a
    standard answered by fewer than HEATMAP_MIN_LEARNERS people is left out. Four queries.
    """
    member_ids = list(
        Team.members.through.objects.filter(team_id__in=team_ids)
        .values_list("user_id", flat=True)
        .distinct()
    )
    results = quizzes_api.standard_correctness(
        user_ids=member_ids, min_learners=HEATMAP_MIN_LEARNERS
    )
    refs = {ref.id: ref for ref in learning_api.standards_by_ids([r.standard_id for r in results])}
    return [
        HeatmapRow(refs[r.standard_id], r.answers, r.learners, r.percent_correct)
        for r in results
        if r.standard_id in refs
    ]


def report_files_for(*, user, team_ids, limit=5) -> list[ReportFile]:
    """The user's report files not yet expired, newest first, among those covering only
    teams in `team_ids` (the teams they manage now). One query: files last a day, so
    there are few."""
    allowed = set(team_ids)
    files = ReportFile.objects.filter(owner=user, expires_at__gt=timezone.now())
    return [f for f in files if set(f.team_ids) <= allowed][:limit]
