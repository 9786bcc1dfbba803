"""Writes for reflective-learning records. Every write checks the record's owner."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.prepared_files.services import prepared_file_request, prepared_files_delete
from core.signals import send_on_commit
from learning import api as learning_api
from quizzes import api as quizzes_api

from . import privacy
from .models import ActivityType, Record, RecordStatus
from .reflective_models import get_model
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
    """A training module a record is started from, as the training app describes it."""

    id: int
    title: str
    url: str
    estimated_minutes: int
    reflection_prompt: str


def record_start(
    *, owner, bite_id=None, attempt_id=None, module: ModuleSource | None = None
) -> Record:
    """Create a draft, pre-filled from a bite, a quiz attempt or a training module."""
    record = Record(owner=owner, start_date=timezone.localdate())
    standard_ids: Sequence[int] = ()
    if module is not None:
        record.title = _("Reflection on %(title)s") % {"title": module.title}
        record.activity_type = ActivityType.E_LEARNING
        record.hours = (Decimal(module.estimated_minutes) / 60).quantize(Decimal("0.01"))
        record.description = module.reflection_prompt
        record.source_title, record.source_url, record.source_module_id = (
            module.title,
            module.url,
            module.id,
        )
    elif bite_id is not None:
        bite = learning_api.bite_by_id(bite_id)
        if bite is None:
            raise RecordNotFound
        record.title = _("Reflection on %(title)s") % {"title": bite.title}
        record.activity_type = ActivityType.E_LEARNING
        record.description = _("I read the knowledge bite “%(title)s”.") % {"title": bite.title}
        record.source_title, record.source_url, record.source_bite_id = (
            bite.title,
            bite.url,
            bite.id,
        )
        standard_ids = bite.standard_ids
    elif attempt_id is not None:
        summary = quizzes_api.attempt_summary(user=owner, attempt_id=attempt_id)
        if summary is None:
            raise RecordNotFound
        record.title = _("Reflection on %(title)s") % {"title": summary.quiz_title}
        record.activity_type = ActivityType.E_LEARNING
        record.reflective_model = "driscoll"
        lines = [
            _("I took the quiz “%(title)s” and scored %(percent)d%%.")
            % {"title": summary.quiz_title, "percent": round(summary.percent)}
        ]
        if summary.missed:
            lines.append(_("The scenarios I did not get fully right:"))
            lines += [f"- {m.prompt} {m.scenario_text}" for m in summary.missed]
        record.description = "\n".join(lines)
        record.source_title = summary.quiz_title
        record.source_url = summary.url
        record.source_attempt_id = summary.id
        standard_ids = sorted({s for m in summary.missed for s in m.standard_ids})
    with transaction.atomic():
        record.save()
        if standard_ids:
            record.standards.set(standard_ids)
    return record


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
    findings = privacy.find_identifiers(record_texts(record))
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
