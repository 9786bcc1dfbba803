"""Writes that belong to no app in particular: feedback about the service."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Feedback

# The same feedback from the same person within this long is one submission.
FEEDBACK_DEDUPE_WINDOW = timedelta(minutes=1)


def _feedback_key(*, submitter: str, fields: tuple[str, ...], minute: int) -> str:
    message = "\x1f".join((submitter, *fields, str(minute)))
    return salted_hmac("core.feedback", message, algorithm="sha256").hexdigest()


def feedback_create(
    *,
    submitter: str,
    page: str,
    doing: str,
    details: str,
    contact_email: str,
    user_id: int | None,
    now: datetime | None = None,
) -> tuple[Feedback, bool]:
    """Store one piece of feedback; return it and whether it is new.

    `submitter` names who sent it (the signed-in user, or the browser's CSRF secret for
    anyone else); only a keyed digest of it is stored. The same feedback from the same
    submitter within FEEDBACK_DEDUPE_WINDOW returns the row already stored, whether the
    second request came after the first (the lookup) or alongside it (the unique key of
    the minute). A lookup and an insert in a savepoint; a repeat, the lookup alone.
    """
    now = now or timezone.now()
    fields = (page, doing, details, contact_email)
    minute = int(now.timestamp() // 60)
    key = _feedback_key(submitter=submitter, fields=fields, minute=minute)
    previous_key = _feedback_key(submitter=submitter, fields=fields, minute=minute - 1)
    existing = Feedback.objects.filter(
        dedupe_key__in=(key, previous_key), created_at__gte=now - FEEDBACK_DEDUPE_WINDOW
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(
                page=page,
                doing=doing,
                details=details,
                contact_email=contact_email,
                user_id=user_id,
                created_at=now,
                dedupe_key=key,
            )
    except IntegrityError:
        # A request alongside this one stored the same feedback first.
        return Feedback.objects.get(dedupe_key=key), False
    return feedback, True
