"""Writes of training data: assignments, progress and completions, summaries, report files."""

from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.api import all_team_ids
from core.prepared_files.services import prepared_file_request

from .assignment_emails import (
    AssignmentChange,
    active_member_ids,
    assignment_changes,
    assignment_emails_enqueue,
    covered_learner_ids,
)
from .models import (
    Assignment,
    Completion,
    ModuleProgressLog,
    TeamSummary,
    TrainingModulePage,
)
from .permissions import teams_managed_by
from .rules import cycle_start, step_page_ids, steps_done, steps_from_raw
from .selectors.progress import latest_completions, learner_facts
from .selectors.reports import team_report


class AssignmentError(Exception):
    """An assignment was refused; `errors` maps each form field to its message.

    `existing` is the team's open assignment of the module, when that is why: the form
    links to it for changing.
    """

    def __init__(self, errors, existing=None):
        super().__init__(errors)
        self.errors = errors
        self.existing = existing


def _check_due_date(due_date, today):
    if due_date < today:
        raise AssignmentError({"due_date": _("The due date must be today or in the future")})


def _team_learner_ids(team, learner_ids):
    member_ids = set(team.members.values_list("id", flat=True))
    chosen = set(learner_ids)
    if not chosen:
        raise AssignmentError({"learners": _("Select at least one person in the team")})
    if chosen - member_ids:
        raise AssignmentError({"learners": _("Select people from this team only")})
    return chosen


def assignment_create(
    *,
    actor,
    team_id,
    module_id,
    due_date,
    everyone=True,
    learner_ids=(),
    today=None,
    notify=True,
) -> Assignment:
    """Assign a live module to a team the actor manages (everyone, or chosen members).

    Each learner it covers is emailed after commit, unless `notify` is False (the demo
    loader, which sets up assignments nobody made).

    Refuse a team the actor does not manage, an unknown or unpublished module, a due
    date in the past, and a module the team already has an open assignment for.
    """
    today = today or timezone.localdate()
    team = teams_managed_by(actor).filter(id=team_id).first()
    if team is None:
        raise AssignmentError({"team": _("Select a team you manage")})
    module = TrainingModulePage.objects.live().filter(id=module_id).first()
    if module is None:
        raise AssignmentError({"module": _("Select a training module")})
    _check_due_date(due_date, today)
    chosen = set() if everyone else _team_learner_ids(team, learner_ids)
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                module=module,
                module_title=module.title,
                team=team,
                everyone=everyone,
                due_date=due_date,
                assigned_by=actor,
            )
    except IntegrityError:
        existing = Assignment.objects.filter(
            team=team, module=module, withdrawn_at__isnull=True
        ).first()
        raise AssignmentError(
            {
                "module": _(
                    "%(team)s already has this module to do: choose another module, or "
                    "change the open assignment"
                )
                % {"team": team.name}
            },
            existing=existing,
        ) from None
    if chosen:
        assignment.learners.set(chosen)
    if notify:
        assignment_emails_enqueue(
            assignment_id=assignment.id,
            change=AssignmentChange.ASSIGNED,
            user_ids=covered_learner_ids(
                member_ids=active_member_ids(team), everyone=everyone, chosen_ids=chosen
            ),
        )
    return assignment


def _open_assignment(actor, assignment_id):
    assignment = (
        Assignment.objects.select_related("team", "module")
        .filter(id=assignment_id, withdrawn_at__isnull=True, team__in=teams_managed_by(actor))
        .first()
    )
    if assignment is None:
        raise Assignment.DoesNotExist
    return assignment


def assignment_update(
    *, actor, assignment_id, due_date, everyone=True, learner_ids=(), today=None
) -> Assignment:
    """Change the due date or who must do it; Assignment.DoesNotExist outside the actor's teams.

    Once it commits, people added are emailed that it is assigned, people taken off it
    that it is withdrawn, and the others the new due date (only if it changed).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        assignment = _open_assignment(actor, assignment_id)
        previous_due_date = assignment.due_date
        if due_date != previous_due_date:
            _check_due_date(due_date, today)
        chosen = set() if everyone else _team_learner_ids(assignment.team, learner_ids)
        members = active_member_ids(assignment.team)
        before = covered_learner_ids(
            member_ids=members,
            everyone=assignment.everyone,
            chosen_ids=assignment.learners.values_list("id", flat=True),
        )
        assignment.due_date = due_date
        assignment.everyone = everyone
        assignment.save(update_fields=["due_date", "everyone", "updated_at"])
        assignment.learners.set(chosen)
        after = covered_learner_ids(member_ids=members, everyone=everyone, chosen_ids=chosen)
        changes = assignment_changes(
            before=before, after=after, due_changed=due_date != previous_due_date
        )
        for change, user_ids in changes.items():
            assignment_emails_enqueue(
                assignment_id=assignment.id,
                change=change,
                user_ids=user_ids,
                previous_due_date=previous_due_date if change == AssignmentChange.CHANGED else None,
            )
    return assignment


def assignment_withdraw(*, actor, assignment_id) -> Assignment:
    """Withdraw an open assignment; completions already earned are kept.

    Once it commits, everyone it covered is emailed that it is withdrawn (only by the
    request that withdrew it: a second click emails nobody).
    """
    with transaction.atomic():
        assignment = _open_assignment(actor, assignment_id)
        withdrawn = Assignment.objects.filter(id=assignment.id, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
        if withdrawn:
            assignment_emails_enqueue(
                assignment_id=assignment.id,
                change=AssignmentChange.WITHDRAWN,
                user_ids=covered_learner_ids(
                    member_ids=active_member_ids(assignment.team),
                    everyone=assignment.everyone,
                    chosen_ids=assignment.learners.values_list("id", flat=True),
                ),
            )
    assignment.refresh_from_db()
    return assignment


def training_progress_sync(*, user_id, today=None) -> list[Completion]:
    """Bring the learner's progress on every live module up to date; record completions.

    Called when the learner reads a bite, submits a quiz or completes a reflection. A
    module is completed when every step is done in the current cycle; the completion
    keeps its date, the best quiz score and the module revision, and expires after the
    module's refresher period. Runs in a fixed number of queries however many modules
    there are, and holds a lock on the learner so two requests record one completion.
    Return the completions recorded now.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(id=user_id).first()
        modules = list(
            TrainingModulePage.objects.live().only(
                "id", "title", "steps", "refresher_months", "live_revision_id"
            )
        )
        live_ids = set(
            Page.objects.live()
            .filter(id__in=set().union(*(step_page_ids(m.steps.raw_data) for m in modules)))
            .values_list("id", flat=True)
        )
        steps = {m.id: steps_from_raw(m.steps.raw_data, live_page_ids=live_ids) for m in modules}
        facts = learner_facts(user_id=user_id, steps=steps)
        completions = latest_completions(user_ids=[user_id], module_ids=list(steps))
        logs = {log.module_id: log for log in ModuleProgressLog.objects.filter(user_id=user_id)}
        new_logs, changed_logs, new_completions = [], [], []
        for module in modules:
            completed_at, expires_on = completions.get((user_id, module.id), (None, None))
            current = completed_at is not None and (expires_on is None or expires_on > today)
            since = cycle_start(expires_on=expires_on, today=today)
            done = steps_done(module_id=module.id, steps=steps[module.id], facts=facts, since=since)
            if done.complete and not current:
                percent = done.best_percent
                new_completions.append(
                    Completion.of_module(
                        user_id=user_id,
                        module=module,
                        completed_at=now,
                        completed_on=today,
                        quiz_percent=(
                            Decimal(str(round(percent, 2))) if percent is not None else None
                        ),
                    )
                )
            log = logs.get(module.id)
            total = len(steps[module.id])
            if log is None:
                if done.count:
                    new_logs.append(
                        ModuleProgressLog(
                            user_id=user_id,
                            module_id=module.id,
                            steps_done=done.count,
                            steps_total=total,
                            started_at=now,
                            updated_at=now,
                        )
                    )
            elif (log.steps_done, log.steps_total) != (done.count, total) or (
                since is not None and log.updated_at < since
            ):
                log.steps_done, log.steps_total, log.updated_at = done.count, total, now
                log.started_at = log.started_at or now
                changed_logs.append(log)
        ModuleProgressLog.objects.bulk_create(new_logs)
        ModuleProgressLog.objects.bulk_update(
            changed_logs, ["steps_done", "steps_total", "started_at", "updated_at"]
        )
        return Completion.objects.bulk_create(new_completions)


def team_summaries_refresh(*, batch=20, today=None) -> int:
    """Recompute every team's counts per status for the organisation-wide report.

    Teams are reported a batch at a time (five queries a batch), so memory stays flat
    however large the organisation. A person in two teams counts in the first, by name,
    as in the report. Return the number of teams summarised.
    """
    team_ids = all_team_ids()
    now = timezone.now()
    for start in range(0, len(team_ids), batch):
        ids = team_ids[start : start + batch]
        report = team_report(team_ids=ids, today=today)
        people: Counter[int] = Counter()
        counts: dict[int, Counter[str]] = {team_id: Counter() for team_id in ids}
        for row in report.rows:
            people[row.team_id] += 1
            counts[row.team_id].update(cell.status.value for cell in row.cells if cell)
        with transaction.atomic():
            TeamSummary.objects.filter(team_id__in=ids).delete()
            TeamSummary.objects.bulk_create(
                TeamSummary(
                    team_id=team_id,
                    people=people[team_id],
                    counts=dict(counts[team_id]),
                    computed_at=now,
                )
                for team_id in ids
            )
    return len(team_ids)


# The organisation-wide report as a file: too big for a web request, so a task prepares
# it (core.prepared_files; the kind is in training/files.py).


def report_file_request(*, user, team_ids, format):
    """Ask for the report of these teams as a file; a task prepares it once this commits.

    The same file asked again while it is being prepared returns the first request.
    """
    from .files import REPORT_FILES

    return prepared_file_request(
        kind=REPORT_FILES,
        owner=user,
        format=format,
        team_ids=sorted({int(team_id) for team_id in team_ids}),
    )
