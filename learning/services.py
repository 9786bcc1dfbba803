"""Writes of learner data kept in learning. Content is written by editors in Wagtail."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import BiteRead, KnowledgeBitePage


class BiteNotFound(Exception):
    pass


def bite_mark_read(*, user, bite_id) -> BiteRead:
    """Record that the user has read this live bite; keep the first date, move the last."""
    bite = KnowledgeBitePage.objects.live().filter(id=bite_id).first()
    if bite is None:
        raise BiteNotFound
    now = timezone.now()
    updated = BiteRead.objects.filter(user=user, bite=bite).update(last_read_at=now)
    if not updated:
        try:
            with transaction.atomic():
                return BiteRead.objects.create(
                    user=user, bite=bite, first_read_at=now, last_read_at=now
                )
        except IntegrityError:  # a double click raced us: the other request recorded it
            BiteRead.objects.filter(user=user, bite=bite).update(last_read_at=now)
    return BiteRead.objects.get(user=user, bite=bite)
