"""What other apps may ask of reflections. Never returns a record's text, but to its
owner (`personal_data`, for "Download all my data").

Also re-exported for the apps above: the `record_completed` signal, starting a record
from a training module, and the demo records.
"""

from dataclasses import dataclass

from django.urls import reverse

from .demo import demo_records_load
from .models import Record, RecordStatus
from .services import ModuleSource, record_start
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
    """Return {module id: [completed at, ...]} of the learner's complete records per module.

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
    """Start a draft record for the owner, pre-filled from the module; return where to edit it."""
    record = record_start(owner=owner, module=module)
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
