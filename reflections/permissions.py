"""Who may read a reflective record: its owner, and a manager of the owner's team only
when the owner has completed and shared it. Every view and export asks here."""

from django.db.models import Q

from .models import Record, RecordStatus


def shared_with(manager):
    """Return the records `manager` may read because their owners shared them."""
    return Record.objects.filter(
        shared_with_manager=True,
        status=RecordStatus.COMPLETE,
        owner__teams__managers=manager,
    ).distinct()


def can_read(user, record) -> bool:
    if not user.is_authenticated:
        return False
    if record.owner_id == user.id:
        return True
    return shared_with(user).filter(Q(id=record.id)).exists()
