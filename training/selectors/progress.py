"""Reads of a learner's training: step progress, assignments and "My training"."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import api as accounts_api
from learning import api as learning_api
from quizzes import api as quizzes_api
from reflections import api as reflections_api

from ..models import Assignment, Completion, ModuleProgressLog, TrainingModulePage
from ..rules import (
    LearnerFacts,
    ModuleStanding,
    Status,
    cycle_start,
    due_date_carried,
    missed_before_withdrawn,
    module_standing,
    steps_done,
    steps_from_raw,
)


def learner_facts(*, user_id, steps) -> LearnerFacts:
    """Load what the learner has done towards these steps, in at most four queries.

    A module's reflection step counts a complete record started from the module, from one
    of its bites or from an attempt at its quiz.
    """
    bite_ids = {
        s.page_id for module_steps in steps.values() for s in module_steps if s.kind == "bite"
    }
    quiz_ids = {
        s.page_id for module_steps in steps.values() for s in module_steps if s.kind == "quiz"
    }
    reflective = {
        m: reflections_api.ModuleSteps(
            bite_ids=tuple(s.page_id for s in module_steps if s.kind == "bite"),
            quiz_ids=tuple(s.page_id for s in module_steps if s.kind == "quiz"),
        )
        for m, module_steps in steps.items()
        if any(s.kind == "reflection" for s in module_steps)
    }
    return LearnerFacts(
        reads=learning_api.bite_reads(user_id=user_id, bite_ids=bite_ids),
        quiz_results=quizzes_api.submitted_results(user_id=user_id, quiz_ids=quiz_ids),
        reflections=reflections_api.module_reflection_completions(
            user_id=user_id, modules=reflective
        ),
    )


def latest_completions(
    *, user_ids, module_ids=None
) -> dict[tuple[int, int], tuple[dt.datetime, dt.date | None]]:
    """Return {(user id, module id): (completed at, expires on)} of the latest completions.

    One query. A later completion of the same module never expires earlier, so the
    maxima belong to the latest completion.
    """
    completions = Completion.objects.filter(user_id__in=user_ids)
    if module_ids is not None:
        completions = completions.filter(module_id__in=module_ids)
    rows = completions.values("user_id", "module_id").annotate(
        completed_at=Max("completed_at"), expires_on=Max("expires_on")
    )
    return {(r["user_id"], r["module_id"]): (r["completed_at"], r["expires_on"]) for r in rows}


def standing_for(*, due_date, completion, progress_updated_at, today) -> ModuleStanding:
    """Return the standing from a due date, the latest completion and the progress log."""
    completed_at, expires_on = completion or (None, None)
    since = cycle_start(expires_on=expires_on, today=today)
    started = progress_updated_at is not None and (since is None or progress_updated_at >= since)
    return module_standing(
        due_date=due_date,
        completed_on=timezone.localdate(completed_at) if completed_at else None,
        expires_on=expires_on,
        started=started,
        today=today,
    )


def learner_assignments_due(*, user) -> tuple[dict[int, Assignment], dict[int, dt.date]]:
    """Return ({module id: the open assignment with the earliest due date}, {module id:
    the learner's due date}) for the learner. One query.

    The due date is the assignment's, or an earlier one the learner missed under a
    withdrawn assignment of the module (`rules.due_date_carried`): withdrawing a module
    and assigning it again never turns "Overdue" into "Not started".
    """
    rows = (
        Assignment.objects.filter(module__live=True, team__members=user)
        .filter(Q(everyone=True) | Q(learners=user))
        .order_by("-due_date")
        .distinct()
    )
    assignments: dict[int, Assignment] = {}
    missed: dict[int, list[dt.date]] = {}
    for a in rows:
        # Always a module (module__live=True never matches NULL); the check narrows the type.
        if a.module_id is None:
            continue
        if a.withdrawn_at is None:
            assignments[a.module_id] = a
        elif missed_before_withdrawn(due_date=a.due_date, withdrawn_at=a.withdrawn_at):
            missed.setdefault(a.module_id, []).append(a.due_date)
    due = {
        module_id: due_date_carried(due_date=a.due_date, missed=missed.get(module_id, []))
        for module_id, a in assignments.items()
    }
    return assignments, due


def learner_assignments(*, user) -> dict[int, Assignment]:
    """Return {module id: the open assignment with the earliest due date} for the learner."""
    return learner_assignments_due(user=user)[0]


@dataclass
class TrainingItem:
    module: TrainingModulePage
    url: str
    standing: ModuleStanding
    assignment: Assignment


@dataclass
class MyTraining:
    items: list
    history: list = field(default_factory=list)  # completions of modules since removed

    @property
    def completed(self):
        return sum(1 for item in self.items if item.standing.is_done)

    @property
    def overdue(self):
        return sum(1 for item in self.items if item.standing.status == Status.OVERDUE)


def my_training(*, user, request=None, today=None) -> MyTraining:
    """Return the learner's assigned modules with their statuses, soonest due first.

    A fixed number of queries however many modules are assigned.
    """
    today = today or timezone.localdate()
    assignments, due = learner_assignments_due(user=user)
    modules = {
        m.id: m for m in TrainingModulePage.objects.filter(id__in=assignments).order_by("title")
    }
    completions = latest_completions(user_ids=[user.id], module_ids=list(modules))
    progress = dict(
        ModuleProgressLog.objects.filter(
            user=user, module_id__in=modules, steps_done__gt=0
        ).values_list("module_id", "updated_at")
    )
    items = [
        TrainingItem(
            module=module,
            url=module.get_url(request=request),
            standing=standing_for(
                due_date=due[module.id],
                completion=completions.get((user.id, module.id)),
                progress_updated_at=progress.get(module.id),
                today=today,
            ),
            assignment=assignments[module.id],
        )
        for module in modules.values()
    ]
    items.sort(key=lambda item: (item.standing.is_done, item.standing.due_date or today))
    return MyTraining(items=items, history=removed_module_completions(user=user))


def removed_module_completions(*, user) -> list[Completion]:
    """Return the learner's completions of modules deleted or unpublished since, newest
    first, with the titles they had. One query."""
    return list(
        Completion.objects.filter(user=user)
        .exclude(module__live=True)
        .only("module_title", "completed_at", "expires_on")
        .order_by("-completed_at")
    )


@dataclass
class StepStatus:
    kind: str  # "bite", "quiz" or "reflection"
    title: str
    url: str
    done: bool
    detail: str = ""


@dataclass
class ModuleProgress:
    steps: list
    done: int
    total: int
    standing: ModuleStanding | None = None

    @property
    def status(self):
        if self.total and self.done == self.total:
            return "completed"
        return "in_progress" if self.done else "not_started"


def module_progress(*, module, user, today=None) -> ModuleProgress | None:
    """Return each step's status for the signed-in learner, in a fixed number of queries.

    Steps count in the current cycle only: after a completion expires, the module is
    done afresh.
    """
    if not user.is_authenticated:
        return None
    today = today or timezone.localdate()
    live_ids = {
        step.value.id
        for step in module.steps
        if step.block_type != "reflection" and step.value is not None and step.value.live
    }
    raw = steps_from_raw(module.steps.raw_data, live_page_ids=live_ids)
    facts = learner_facts(user_id=user.id, steps={module.id: raw})
    completion = latest_completions(user_ids=[user.id], module_ids=[module.id]).get(
        (user.id, module.id)
    )
    since = cycle_start(expires_on=completion[1] if completion else None, today=today)
    done = steps_done(module_id=module.id, steps=raw, facts=facts, since=since)
    due = learner_assignments_due(user=user)[1]
    standing = standing_for(
        due_date=due.get(module.id),
        completion=completion,
        progress_updated_at=timezone.now() if done.count else None,
        today=today,
    )
    registration = accounts_api.registration_for(user=user)
    statuses, flags = [], iter(done.done)
    for step in module.steps:
        if step.block_type == "reflection":
            # The prompt and the questions that fit the learner's regulator.
            guidance = reflections_api.reflection_guidance(
                regulator_code=registration.regulator if registration else None,
                prompt=step.value["prompt"],
            )
            hint = _("Reflective model: %(model)s") % {"model": guidance.model_name}
            statuses.append(StepStatus("reflection", guidance.prompt, "", next(flags), hint))
        elif step.value is None or step.value.id not in live_ids:
            continue
        elif step.block_type == "bite":
            statuses.append(StepStatus("bite", step.value.title, step.value.url, next(flags)))
        else:
            passed = next(flags)
            detail = (
                _("Best score %(percent)d%%") % {"percent": round(done.best_percent)}
                if done.best_percent is not None
                else ""
            )
            statuses.append(StepStatus("quiz", step.value.title, step.value.url, passed, detail))
    return ModuleProgress(
        steps=statuses,
        done=sum(s.done for s in statuses),
        total=len(statuses),
        standing=standing,
    )


def module_reflection_source(*, module_id) -> reflections_api.ModuleSource | None:
    """Describe a live module for a reflection started from it ("" prompt when it asks
    for none); None when there is no such live module."""
    module = TrainingModulePage.objects.live().filter(id=module_id).first()
    if module is None:
        return None
    prompt = next((s.value["prompt"] for s in module.steps if s.block_type == "reflection"), "")
    raw = module.steps.raw_data
    return reflections_api.ModuleSource(
        id=module.id,
        title=module.title,
        url=module.get_url(),
        estimated_minutes=module.estimated_minutes,
        reflection_prompt=prompt,
        # Every step's page, live or not: a draft started from it is still the learner's.
        bite_ids=tuple(int(s["value"]) for s in raw if s["type"] == "bite" and s.get("value")),
        quiz_ids=tuple(int(s["value"]) for s in raw if s["type"] == "quiz" and s.get("value")),
    )
