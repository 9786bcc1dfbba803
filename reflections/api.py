"""What other apps may ask of reflections. Never returns a record's text, but to its
owner (`personal_data`, for "Download all my data").

Also re-exported for the apps above: the `record_completed` signal, starting a record
from a training module, and the demo records.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.urls import reverse

from .demo import demo_records_load
from .models import Record, RecordStatus
from .services import ModuleSource, record_start_from_module_steps
from .signals import record_completed

__all__ = [
    "CpdStanding",
    "DraftRecord",
    "ModuleSource",
    "RecordRef",
    "cpd_standing_for",
    "demo_records_load",
    "draft_records",
    "module_record_completions",
    "personal_data",
    "record_completed",
    "record_start_from_module",
]


def module_record_completions(*, user_id, module_ids) -> dict[int, list]:
    """Return {module id: [completed at, ...]} of the learner's complete records started from
    each module (not from its steps: see module_reflection_completions).

    One query; dates only, never a record's text.
    """
    completions: dict[int, list] = {}
    if not module_ids:
        return completions
    rows = Record.objects.filter(
        owner_id=user_id, source_module_id__in=module_ids, status=RecordStatus.COMPLETE
    ).values_list("source_module_id", "completed_at")
    for module_id, completed_at in rows:
        if module_id is not None:  # always (`__in` never matches NULL); narrows the type
            completions.setdefault(module_id, []).append(completed_at)
    return completions


@dataclass(frozen=True)
class RecordRef:
    id: int
    edit_url: str


def record_start_from_module(*, owner, module: ModuleSource) -> RecordRef:
    """Open the owner's draft for the module (or one of its bites or its quiz), or start one
    pre-filled from the module; return where to edit it."""
    record = record_start_from_module_steps(owner=owner, module=module)
    return RecordRef(id=record.id, edit_url=reverse("reflections:edit", args=[record.id]))


# For the signed-in home: the owner's drafts to continue (titles only) and where they
# stand against their regulator's CPD requirement (counts and dates, never text).
from .cpd_rules import Standing as CpdStanding  # noqa: E402
from .selectors import DraftRecord, cpd_standing_for, draft_records  # noqa: E402


def personal_data(*, user) -> dict[str, list[dict]]:
    """Return the user's own reflective records (every field) and CPD exports, readable
    and JSON-ready, for "Download all my data". Five queries."""
    from .selectors import my_data

    return my_data(user=user)


@dataclass(frozen=True)
class ModuleSteps:
    """The pages a module's steps point to: a record started from any counts for it."""

    bite_ids: tuple[int, ...] = ()
    quiz_ids: tuple[int, ...] = ()


def module_reflection_completions(
    *, user_id, modules: Mapping[int, ModuleSteps]
) -> dict[int, list]:
    """Return {module id: [completed at, ...]} of the learner's complete records that count
    for each module's reflection step: started from the module, from one of its bites, or
    from an attempt at its quiz.

    Two queries when any module has a quiz (the learner's attempts at them, then the
    records), else one; dates only, never a record's text.
    """
    from django.db.models import Q

    from quizzes import api as quizzes_api

    completions: dict[int, list] = {}
    if not modules:
        return completions
    bite_ids = {b for steps in modules.values() for b in steps.bite_ids}
    quiz_ids = {q for steps in modules.values() for q in steps.quiz_ids}
    attempt_quiz = quizzes_api.attempt_quizzes(user_id=user_id, quiz_ids=quiz_ids)
    sources = Q(source_module_id__in=list(modules)) | Q(source_bite_id__in=bite_ids)
    if attempt_quiz:
        sources |= Q(source_attempt_id__in=list(attempt_quiz))
    rows = Record.objects.filter(sources, owner_id=user_id, status=RecordStatus.COMPLETE)
    for module_id, bite_id, attempt_id, completed_at in rows.values_list(
        "source_module_id", "source_bite_id", "source_attempt_id", "completed_at"
    ):
        quiz_id = attempt_quiz.get(attempt_id) if attempt_id is not None else None
        for candidate, steps in modules.items():
            if (
                module_id == candidate
                or (bite_id is not None and bite_id in steps.bite_ids)
                or (quiz_id is not None and quiz_id in steps.quiz_ids)
            ):
                completions.setdefault(candidate, []).append(completed_at)
    return completions


@dataclass(frozen=True)
class ReflectionGuidance:
    """What a module's reflection step asks of a learner, fitted to their regulator."""

    prompt: str  # the editor's prompt, or a general one if it was written for another regulator
    model_code: str
    model_name: str


def reflection_guidance(*, regulator_code, prompt) -> ReflectionGuidance:
    """Return the step's prompt and the reflective model for a registrant of this regulator
    (None: no registration)."""
    from .reflective_models import model_for_regulator, prompt_for_regulator

    model = model_for_regulator(regulator_code)
    return ReflectionGuidance(
        prompt=prompt_for_regulator(prompt, regulator_code),
        model_code=model.code,
        model_name=str(model.name),
    )


__all__ += [
    "ModuleSteps",
    "ReflectionGuidance",
    "module_reflection_completions",
    "reflection_guidance",
]


# The records one person shared with their manager: titles and dates, for the learner page.
from .selectors import SharedRecordRef, shared_records_of  # noqa: E402

__all__ += ["SharedRecordRef", "shared_records_of"]
