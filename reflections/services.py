"""Writes for reflective-learning records. Every write checks the record's owner."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import api as accounts_api
from core.prepared_files.services import prepared_file_request, prepared_files_delete
from core.signals import send_on_commit
from learning import api as learning_api
from quizzes import api as quizzes_api

from . import privacy
from .models import ActivityType, Record, RecordStatus
from .reflective_models import get_model, model_for_regulator, prompt_for_regulator
from .signals import record_completed

EDITABLE_FIELDS = (
    "title",
    "activity_type",
    "start_date",
    "end_date",
    "hours",
    "reflective_model",
    "description",
    "learning",
    "impact",
    "extra",
    "peer_name",
    "peer_role",
    "peer_date",
    "peer_learning",
)
REQUIRED_TO_COMPLETE = {
    "title": _("Enter a title"),
    "activity_type": _("Choose the type of activity"),
    "start_date": _("Enter the date of the activity"),
    "hours": _("Enter the time you spent"),
    "description": _("Describe the activity"),
    "learning": _("Say what you learnt"),
    "impact": _("Say what difference it makes to your practice"),
}
TEXT_FIELDS = (
    "title",
    "description",
    "learning",
    "impact",
    "peer_name",
    "peer_role",
    "peer_learning",
)


class RecordNotFound(Exception):
    pass


class StaleRecord(Exception):
    """The record changed since this version was read: nothing was saved."""

    def __init__(self, current_version):
        super().__init__(_("This record was changed in another tab or window."))
        self.current_version = current_version


@dataclass
class CompletionBlocked(Exception):
    """The record was saved as a draft but cannot be completed yet."""

    missing: dict  # field -> message
    findings: list  # privacy.Finding


def _owned(record_id, owner):
    record = Record.objects.filter(id=record_id, owner=owner).first()
    if record is None:
        raise RecordNotFound
    return record


@dataclass(frozen=True)
class ModuleSource:
    """A training module a record is started from, as the training app describes it.

    `bite_ids` and `quiz_ids` are its steps': a record started from one of them counts for
    the module's reflection step too.
    """

    id: int
    title: str
    url: str
    estimated_minutes: int
    reflection_prompt: str
    bite_ids: tuple[int, ...] = ()
    quiz_ids: tuple[int, ...] = ()


def _owner_locked(owner):
    """Lock the owner's row until the transaction ends: one find-or-create at a time."""
    get_user_model().objects.select_for_update().filter(id=owner.id).first()


def _regulator(owner):
    registration = accounts_api.registration_for(user=owner)
    return registration.regulator if registration else None


def _prefill_from_module(record, module: ModuleSource, regulator) -> list[str]:
    prompt = prompt_for_regulator(module.reflection_prompt, regulator)
    record.title = _("Reflection on %(title)s") % {"title": module.title}
    record.activity_type = ActivityType.E_LEARNING
    record.hours = (Decimal(module.estimated_minutes) / 60).quantize(Decimal("0.01"))
    record.description = prompt
    record.source_title, record.source_url, record.source_module_id = (
        module.title,
        module.url,
        module.id,
    )
    return [module.title, prompt]


def _prefill_from_bite(record, bite_id) -> tuple[list[str], Sequence[int]]:
    bite = learning_api.bite_by_id(bite_id)
    if bite is None:
        raise RecordNotFound
    record.title = _("Reflection on %(title)s") % {"title": bite.title}
    record.activity_type = ActivityType.E_LEARNING
    record.description = _("I read the knowledge bite “%(title)s”.") % {"title": bite.title}
    record.source_title, record.source_url, record.source_bite_id = bite.title, bite.url, bite.id
    return [bite.title], bite.standard_ids


def _prefill_from_attempt(record, owner, attempt_id) -> tuple[list[str], Sequence[int]]:
    """Name the quiz, the score and the questions missed: never the scenarios' text."""
    summary = quizzes_api.attempt_summary(user=owner, attempt_id=attempt_id)
    if summary is None:
        raise RecordNotFound
    record.title = _("Reflection on %(title)s") % {"title": summary.quiz_title}
    record.activity_type = ActivityType.E_LEARNING
    lines = [
        _("I took the quiz “%(title)s” and scored %(percent)d%%.")
        % {"title": summary.quiz_title, "percent": round(summary.percent)}
    ]
    if summary.missed:
        lines.append(_("The questions I did not get fully right:"))
        lines += [
            _("- Question %(number)d: %(question)s") % {"number": m.number, "question": m.prompt}
            for m in summary.missed
        ]
    record.description = "\n".join(lines)
    record.source_title = summary.quiz_title
    record.source_url = summary.url
    record.source_attempt_id = summary.id
    quoted = [summary.quiz_title, *(m.prompt for m in summary.missed)]
    return quoted, sorted({s for m in summary.missed for s in m.standard_ids})


def _prefill_from_question(record, owner, attempt_id, number) -> tuple[list[str], Sequence[int]]:
    """Name the quiz, the question (its title or prompt, not its scenario) and the learner's
    answer, and say whether it was right."""
    question = quizzes_api.answered_question(user_id=owner.id, attempt_id=attempt_id, number=number)
    if question is None:
        raise RecordNotFound
    names = {"number": question.number, "title": question.quiz_title}
    record.title = _("Reflection on question %(number)d of %(title)s") % names
    record.activity_type = ActivityType.E_LEARNING
    if question.right:
        verdict = _("My answer was right.")
    elif question.partly_right:
        verdict = _("My answer was partly right.")
    else:
        verdict = _("My answer was not right.")
    lines = [
        _("Question %(number)d of %(count)d in the quiz “%(title)s”: %(question)s")
        % {**names, "count": question.question_count, "question": question.title},
        _("My answer:") if question.answer_lines else _("I did not answer it."),
        *(f"- {line}" for line in question.answer_lines),
        verdict,
    ]
    record.description = "\n".join(str(line) for line in lines)
    record.source_title = _("%(title)s, question %(number)d") % names
    record.source_url = question.url
    record.source_attempt_id = question.attempt_id
    record.source_question = question.number
    return [question.quiz_title, question.title, *question.answer_lines], question.standard_ids


def record_start(
    *,
    owner,
    bite_id=None,
    attempt_id=None,
    question=None,
    module: ModuleSource | None = None,
) -> Record:
    """Create a draft, pre-filled from a bite, a quiz attempt, one question of an attempt
    (`question`: its number, 1 the first) or a training module.

    The draft asks the questions of the reflective model that fits the owner's regulator.
    It remembers the text the site wrote into it, which the privacy guard never flags.
    A second start from the same question of the same attempt (a double submit) returns
    the draft the first one made. Raise RecordNotFound when the source is not the owner's
    or does not exist.
    """
    regulator = _regulator(owner)
    record = Record(
        owner=owner,
        start_date=timezone.localdate(),
        reflective_model=model_for_regulator(regulator).code,
    )
    quoted: list[str] = []
    standard_ids: Sequence[int] = ()
    if module is not None:
        quoted = _prefill_from_module(record, module, regulator)
    elif bite_id is not None:
        quoted, standard_ids = _prefill_from_bite(record, bite_id)
    elif attempt_id is not None and question is not None:
        quoted, standard_ids = _prefill_from_question(record, owner, attempt_id, question)
    elif attempt_id is not None:
        quoted, standard_ids = _prefill_from_attempt(record, owner, attempt_id)
    elif question is not None:
        raise RecordNotFound
    record.site_text = _site_text(record, quoted)
    with transaction.atomic():
        if record.source_question is not None:
            _owner_locked(owner)
            existing = Record.objects.filter(
                owner=owner,
                status=RecordStatus.DRAFT,
                source_attempt_id=record.source_attempt_id,
                source_question=record.source_question,
            ).first()
            if existing is not None:
                return existing
        record.save()
        if standard_ids:
            record.standards.set(standard_ids)
    return record


def _site_text(record, quoted) -> list[str]:
    """Return what the site wrote into the record: the pre-filled answers, each of their
    lines (so a learner may edit one line and keep the rest) and the texts they quote."""
    texts = [record.title, record.description, *record.description.splitlines(), *quoted]
    unique = dict.fromkeys(str(t).strip(" -") for t in texts)
    return [text for text in unique if text]


def record_start_from_module_steps(*, owner, module: ModuleSource) -> Record:
    """Return the owner's draft for the module or one of its steps, or start one.

    "Record your reflection" twice, or after "Reflect on this" on the module's bite or
    quiz, opens the same draft rather than a second one.
    """
    with transaction.atomic():
        _owner_locked(owner)
        draft = module_draft(owner_id=owner.id, module=module)
        if draft is not None:
            return draft
        return record_start(owner=owner, module=module)


def module_draft(*, owner_id, module: ModuleSource) -> Record | None:
    """Return the owner's newest draft started from the module, its bites or its quiz.

    Two queries at most: the owner's attempts at the module's quiz, then the drafts.
    """
    attempt_ids = list(quizzes_api.attempt_quizzes(user_id=owner_id, quiz_ids=module.quiz_ids))
    sources = Q(source_module_id=module.id) | Q(source_bite_id__in=module.bite_ids)
    if attempt_ids:
        sources |= Q(source_attempt_id__in=attempt_ids)
    return (
        Record.objects.filter(sources, owner_id=owner_id, status=RecordStatus.DRAFT)
        .order_by("-updated_at", "-id")
        .first()
    )


def record_findings(record) -> list[privacy.Finding]:
    """Return what in the owner's own words looks as if it identifies someone.

    Text the site wrote into the record is never flagged.
    """
    return privacy.find_identifiers(record_texts(record), site_texts=record.site_text)


def record_save(*, record_id, owner, version, data, standard_ids=None) -> Record:
    """Save the owner's edits as they are (drafts are never blocked).

    Refuse, saving nothing, when the record has moved on from `version`: two tabs never
    overwrite each other silently.
    """
    with transaction.atomic():
        record = Record.objects.select_for_update().filter(id=record_id, owner=owner).first()
        if record is None:
            raise RecordNotFound
        if record.version != version:
            raise StaleRecord(record.version)
        before = {name: getattr(record, name) for name in EDITABLE_FIELDS}
        for name in EDITABLE_FIELDS:
            if name == "extra" and "extra" in data:
                # Keep answers to other models' prompts: switching model loses nothing.
                record.extra = {**record.extra, **data["extra"]}
            elif name in data:
                setattr(record, name, data[name])
        changed = any(getattr(record, name) != value for name, value in before.items())
        if standard_ids is not None:
            changed |= set(standard_ids) != set(record.standards.values_list("id", flat=True))
        if changed and record.is_complete:
            # An edited record is a draft again: it must pass the privacy guard and be
            # completed (and shared) again before anyone else can read the new text.
            record.status = RecordStatus.DRAFT
            record.completed_at = None
            record.identifiers_checked = False
            record.shared_with_manager = False
        record.version += 1
        record.save()
        if standard_ids is not None:
            record.standards.set(standard_ids)
    return record


def record_texts(record):
    model = get_model(record.reflective_model)
    texts = {name: getattr(record, name) for name in TEXT_FIELDS}
    for prompt in model.extra:
        texts[f"extra_{prompt.key}"] = str(record.extra.get(prompt.key, ""))
    return texts


def record_complete(
    *, record_id, owner, version, data, standard_ids=None, identifiers_checked=False
) -> Record:
    """Save, then complete the record if nothing is missing and the privacy guard agrees.

    Raise CompletionBlocked (after saving the draft) when a required answer is missing, or
    when the text looks as if it identifies someone and the owner has not confirmed they
    checked it.
    """
    record = record_save(
        record_id=record_id, owner=owner, version=version, data=data, standard_ids=standard_ids
    )
    missing = {
        name: message
        for name, message in REQUIRED_TO_COMPLETE.items()
        if getattr(record, name) in (None, "")
    }
    findings = record_findings(record)
    if missing or (findings and not identifiers_checked):
        raise CompletionBlocked(missing=missing, findings=findings)
    Record.objects.filter(id=record.id).update(
        status=RecordStatus.COMPLETE,
        completed_at=timezone.now(),
        identifiers_checked=bool(findings),
    )
    record.refresh_from_db()
    send_on_commit(
        record_completed,
        sender=Record,
        owner_id=record.owner_id,
        module_id=record.source_module_id,
    )
    return record


def record_share(*, record_id, owner, shared) -> Record:
    """Share a completed record with the owner's manager (read only), or stop sharing it."""
    record = _owned(record_id, owner)
    if shared and not record.is_complete:
        raise CompletionBlocked(
            missing={"status": _("Complete the record before you share it")}, findings=[]
        )
    Record.objects.filter(id=record.id).update(shared_with_manager=shared)
    record.refresh_from_db()
    return record


def record_delete(*, record_id, owner) -> None:
    _owned(record_id, owner).delete()


def records_delete_all(*, owner) -> int:
    """Delete all of the owner's reflective records and their exports; return how many records."""
    from .models import Export

    prepared_files_delete(Export.objects.filter(owner=owner))
    records = Record.objects.filter(owner=owner)
    count = records.count()
    records.delete()
    return count


# Exports ---------------------------------------------------------------------------------


def export_request(
    *,
    owner,
    format,
    layout,
    date_from=None,
    date_to=None,
    record_ids=(),
    options=None,
):
    """Ask for an export of the owner's records; a task prepares it once this commits.

    The same export asked again while it is being prepared (a double submit) is the
    first one, not a second.
    """
    from .exports.files import CPD_EXPORTS

    return prepared_file_request(
        kind=CPD_EXPORTS,
        owner=owner,
        format=format,
        layout=layout,
        date_from=date_from,
        date_to=date_to,
        record_ids=sorted(int(i) for i in record_ids),
        options=options or {},
    )


def export_write(export, stream) -> None:
    """Write the export's file in its format and layout (it only reads: safe to rerun)."""
    from accounts import api as accounts_api

    from .exports import csv, json, pdf
    from .exports.layouts import get_layout, profile_sections
    from .exports.selectors import export_records
    from .models import ExportFormat

    layout = get_layout(export.layout)
    registration = accounts_api.registration_for(user=export.owner)
    learner = {
        "name": export.owner.get_full_name(),
        "regulator_name": registration.regulator_name if registration else "",
        "registration_number": registration.registration_number if registration else "",
    }
    if export.format == ExportFormat.CSV:
        # Streams: the records are never all in memory.
        csv.write_csv(stream, layout, export_records(export, layout))
        return
    records = list(export_records(export, layout))
    parts = {
        "layout": layout,
        "records": records,
        "profile": profile_sections(
            layout.code,
            records,
            options=export.options,
            registration=registration,
            date_from=export.date_from,
            date_to=export.date_to,
        ),
        "learner": learner,
        "date_from": export.date_from,
        "date_to": export.date_to,
    }
    if export.format == ExportFormat.JSON:
        json.write_json(stream, **parts)
    else:
        pdf.write_pdf(stream, pdf.render_html(**parts))
