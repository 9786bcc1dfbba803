"""What other apps may ask of reflections. Never returns a record's text."""

from .models import Record, RecordStatus


def has_completed_record_for_module(*, user, module_id) -> bool:
    """Return whether the user has a complete record started from this training module."""
    if not user.is_authenticated:
        return False
    return Record.objects.filter(
        owner=user, source_module_id=module_id, status=RecordStatus.COMPLETE
    ).exists()
