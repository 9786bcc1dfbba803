"""Writes of learner data kept in learning. Content is written by editors in Wagtail."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.signals import send_on_commit

from .models import BiteRead, KnowledgeBitePage
from .signals import bite_read


class BiteNotFound(Exception):
    pass


def bite_mark_read(*, user, bite_id) -> BiteRead:
    """Record that the user has read this live bite; keep the first date, move the last.

    Tells other apps (`learning.signals.bite_read`) once the transaction commits.
    """
    bite = KnowledgeBitePage.objects.live().filter(id=bite_id).first()
    if bite is None:
        raise BiteNotFound
    now = timezone.now()
    updated = BiteRead.objects.filter(user=user, bite=bite).update(last_read_at=now)
    if not updated:
        try:
            with transaction.atomic():
                BiteRead.objects.create(user=user, bite=bite, first_read_at=now, last_read_at=now)
        except IntegrityError:  # a double click raced us: the other request recorded it
            BiteRead.objects.filter(user=user, bite=bite).update(last_read_at=now)
    send_on_commit(bite_read, sender=BiteRead, user_id=user.id, bite_id=bite_id)
    return BiteRead.objects.select_related("bite").get(user=user, bite=bite)


def bite_read_backdate(*, user_id, bite_id, read_at) -> None:
    """Record that the learner read the bite at `read_at`, unless they have read it already.

    For the demo and the benchmarks, which need reads in the past; unlike
    `bite_mark_read` it tells no one (the caller brings training up to date itself).
    """
    BiteRead.objects.get_or_create(
        user_id=user_id,
        bite_id=bite_id,
        defaults={"first_read_at": read_at, "last_read_at": read_at},
    )
