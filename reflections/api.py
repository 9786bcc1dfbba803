"""What other apps may ask of reflections. Never returns a record's text."""

from .models import Record, RecordStatus


def module_record_completions(*, user_id, module_ids) -> dict[int, list]:
    """Return {module id: [completed at, ...]} of the learner's complete records per module.

    One query; dates only, never a record's text.
    """
    completions = {}
    if not module_ids:
        return completions
    rows = Record.objects.filter(
        owner_id=user_id, source_module_id__in=module_ids, status=RecordStatus.COMPLETE
    ).values_list("source_module_id", "completed_at")
    for module_id, completed_at in rows:
        completions.setdefault(module_id, []).append(completed_at)
    return completions
