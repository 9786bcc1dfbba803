"""The learner page a manager sees: one person's training, scores and shared records.

Only what a manager may see of someone in a team they manage: the assignments of those
teams with their status, the person's completions, their quiz scores (never answers) and
the records they chose to share. Six queries whatever the number of rows.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy

from accounts.api import Team
from quizzes import api as quizzes_api
from reflections import api as reflections_api

from ..models import Assignment, Completion, ModuleProgressLog
from ..permissions import teams_managed_by
from ..rules import DateKind, ModuleStanding, removed_module_standing, shown_date
from .progress import standing_for

_DATE_LABELS = {
    DateKind.DUE: _lazy("Due by"),
    DateKind.COMPLETED: _lazy("Completed on"),
    DateKind.EXPIRES: _lazy("Expires on"),
}


def standing_date(standing: ModuleStanding) -> tuple[str, dt.date] | None:
    """Return the one date that goes with a status (rules.shown_date, as the report shows
    it) and what it is: "Due by", "Completed on" or "Expires on"; None when there is none."""
    shown = shown_date(standing)
    if shown.kind is None or shown.date is None:
        return None
    return str(_DATE_LABELS[shown.kind]), shown.date


@dataclass(frozen=True)
class LearnerAssignment:
    module_id: int
    title: str
    removed: bool  # deleted or unpublished by an editor since it was assigned
    teams: tuple[str, ...]  # the manager's teams whose assignments cover the person
    standing: ModuleStanding

    @property
    def date(self):
        return standing_date(self.standing)


@dataclass(frozen=True)
class LearnerCompletion:
    title: str
    removed: bool
    completed_on: dt.date
    expires_on: dt.date | None
    expired: bool


@dataclass
class LearnerPage:
    id: int
    name: str
    teams: list[str]  # only the teams the manager manages
    assignments: list[LearnerAssignment] = field(default_factory=list)
    completions: list[LearnerCompletion] = field(default_factory=list)
    attempts: list = field(default_factory=list)  # quizzes.api.AttemptScore
    shared_records: list = field(default_factory=list)  # reflections.api.SharedRecordRef


def learner_for_manager(*, manager, user_id, today=None) -> LearnerPage | None:
    """Return the learner page of an active member of a team `manager` manages, else None.

    None for anyone else, including the manager themselves: the page is what a manager
    sees of someone else. Six queries (five without an assignment): the person and
    their teams, the assignments, the completions, the progress logs, the quiz scores and
    the shared records.
    """
    if user_id == manager.id:
        return None
    today = today or timezone.localdate()
    rows = list(
        Team.members.through.objects.filter(
            user_id=user_id, user__is_active=True, team__in=teams_managed_by(manager)
        )
        .order_by("team__name", "team_id")
        .values_list("team_id", "team__name", "user__first_name", "user__last_name", "user__email")
    )
    if not rows:
        return None
    _team, _name, first, last, email = rows[0]
    page = LearnerPage(
        id=user_id,
        name=f"{first} {last}".strip() or email,
        teams=[name for _id, name, *_rest in rows],
    )
    team_names = {team_id: name for team_id, name, *_rest in rows}
    completions = _completions(user_id=user_id, today=today)
    page.completions = completions[0]
    page.assignments = _assignments(
        user_id=user_id, team_names=team_names, latest=completions[1], today=today
    )
    page.attempts = quizzes_api.attempt_scores(user_id=user_id)
    page.shared_records = reflections_api.shared_records_of(manager=manager, owner_id=user_id)
    return page


def _completions(*, user_id, today):
    """One query: every completion of the person, newest first, and {module id: (latest
    completed at, latest expiry)} as `latest_completions` gives it."""
    rows = (
        Completion.objects.filter(user_id=user_id)
        .order_by("-completed_at", "-id")
        .values_list("module_id", "module_title", "completed_at", "expires_on", "module__live")
    )
    listed: list[LearnerCompletion] = []
    latest: dict[int, tuple[dt.datetime, dt.date | None]] = {}
    for module_id, title, completed_at, expires_on, live in rows:
        listed.append(
            LearnerCompletion(
                title=title,
                removed=not live,
                completed_on=timezone.localdate(completed_at),
                expires_on=expires_on,
                expired=expires_on is not None and expires_on <= today,
            )
        )
        if module_id is None:
            continue
        # A later completion never expires earlier: the maxima are the latest one's.
        before = latest.get(module_id)
        if before is None:
            latest[module_id] = (completed_at, expires_on)
        else:
            latest[module_id] = (
                max(before[0], completed_at),
                max((d for d in (before[1], expires_on) if d), default=None),
            )
    return listed, latest


def _assignments(*, user_id, team_names, latest, today) -> list[LearnerAssignment]:
    """Two queries (one without an assignment): the open assignments of the manager's
    teams that cover the person (everyone in the team, or chosen), and the progress logs.

    One row a module, with the earliest due date over its assignments, as the team report
    has one cell a person and module.
    """
    chosen = Assignment.learners.through.objects.filter(user_id=user_id).values("assignment_id")
    assignments = (
        Assignment.objects.filter(team_id__in=list(team_names), withdrawn_at__isnull=True)
        .filter(Q(everyone=True) | Q(id__in=chosen))
        .order_by("due_date", "id")
        .values_list(
            "module_id", "module__title", "module_title", "module__live", "team_id", "due_date"
        )
    )
    modules: dict[int, dict] = {}
    for module_id, title, kept_title, live, team_id, due_date in assignments:
        if module_id is None:  # never: an assignment keeps its module's id
            continue
        entry = modules.setdefault(
            module_id,
            {"title": title or kept_title, "removed": not live, "teams": [], "due": due_date},
        )
        entry["teams"].append(team_names[team_id])
        entry["due"] = min(entry["due"], due_date)
    if not modules:
        return []
    progress = dict(
        ModuleProgressLog.objects.filter(
            user_id=user_id, module_id__in=list(modules), steps_done__gt=0
        ).values_list("module_id", "updated_at")
    )
    listed = []
    for module_id, entry in modules.items():
        if entry["removed"]:
            completed_at, expires_on = latest.get(module_id, (None, None))
            standing = removed_module_standing(
                completed_on=timezone.localdate(completed_at) if completed_at else None,
                expires_on=expires_on,
                today=today,
            )
        else:
            standing = standing_for(
                due_date=entry["due"],
                completion=latest.get(module_id),
                progress_updated_at=progress.get(module_id),
                today=today,
            )
        listed.append(
            LearnerAssignment(
                module_id=module_id,
                title=entry["title"],
                removed=entry["removed"],
                teams=tuple(sorted(set(entry["teams"]))),
                standing=standing,
            )
        )
    # As the team report orders modules: removed last, then by title.
    listed.sort(key=lambda a: (a.removed, a.title.lower()))
    return listed
