"""Reads for reflective records. Owners read their own; managers only what is shared."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404

from accounts import api as accounts_api
from learning import api as learning_api

from .models import Record, RecordStatus
from .permissions import shared_with  # noqa: F401 - views read it from here


def own_record(*, user, record_id) -> Record:
    """Return the user's own record, or raise Http404 (the same for anyone else's)."""
    return get_object_or_404(Record, id=record_id, owner=user)


def shared_record(*, manager, record_id) -> Record:
    return get_object_or_404(shared_with(manager).select_related("owner"), id=record_id)


def standard_choices_for(*, user, record=None):
    registration = accounts_api.registration_for(user=user)
    chosen = [s.id for s in record.standards.all()] if record else []
    return learning_api.standard_choices(
        regulator_code=registration.regulator if registration else None, include_ids=chosen
    )


def my_records(*, user, year=None, activity_type=None, standard_id=None):
    """Return the user's records, filtered, with the standards prefetched, and totals."""
    records = Record.objects.filter(owner=user)
    if year:
        records = records.filter(start_date__year=year)
    if activity_type:
        records = records.filter(activity_type=activity_type)
    if standard_id:
        records = records.filter(standards__id=standard_id)
    totals = records.aggregate(
        count=Count("id", distinct=True),
        complete=Count("id", filter=Q(status=RecordStatus.COMPLETE), distinct=True),
        hours=Sum("hours", filter=Q(status=RecordStatus.COMPLETE)),
    )
    totals["hours"] = totals["hours"] or Decimal(0)
    return records.prefetch_related("standards").order_by("-start_date", "-created_at"), totals


def record_standards(*, user):
    """Return (id, title) of the standards the user's records relate to, for filtering."""
    through = Record.standards.through
    return list(
        through.objects.filter(record__owner=user)
        .values_list("standardpage_id", "standardpage__title")
        .distinct()
        .order_by("standardpage__path")
    )


def record_years(*, user):
    return sorted(
        {d.year for d in Record.objects.filter(owner=user).dates("start_date", "year")},
        reverse=True,
    )


def cpd_standing_for(*, user, today=None):
    """Return where the user stands against their regulator's CPD requirement, or None."""
    from django.utils import timezone

    from .cpd_rules import CpdActivity, cpd_standing

    registration = accounts_api.registration_for(user=user)
    if registration is None:
        return None
    activities = [
        CpdActivity(
            date=r.start_date,
            end_date=r.end_date,
            hours=r.hours,
            activity_type=r.activity_type,
            has_peer_reflection=bool(r.peer_learning.strip()),
            complete=True,
        )
        for r in Record.objects.filter(
            owner=user, status=RecordStatus.COMPLETE, start_date__isnull=False
        ).only("start_date", "end_date", "hours", "activity_type", "peer_learning")
        if r.start_date is not None  # always (start_date__isnull=False); narrows the type
    ]
    return cpd_standing(
        regulator=registration.regulator,
        profession=registration.profession,
        renewal_date=registration.renewal_date,
        activities=activities,
        today=today or timezone.localdate(),
    )


def my_data(*, user):
    """Return everything the site holds about the user's learning, as JSON-ready data."""
    from quizzes import api as quizzes_api

    registration = accounts_api.registration_for(user=user)
    records = Record.objects.filter(owner=user).prefetch_related("standards").order_by("created_at")
    return {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "registration": registration.__dict__ if registration else None,
        },
        "quiz_attempts": quizzes_api.attempts_for_export(user=user),
        "reflective_records": [
            {
                "id": r.id,
                "title": r.title,
                "activity_type": r.activity_type,
                "start_date": r.start_date,
                "end_date": r.end_date,
                "hours": r.hours,
                "reflective_model": r.reflective_model,
                "description": r.description,
                "learning": r.learning,
                "impact": r.impact,
                "extra": r.extra,
                "peer_reflection": {
                    "name": r.peer_name,
                    "role": r.peer_role,
                    "date": r.peer_date,
                    "learning": r.peer_learning,
                },
                "standards": [s.title for s in r.standards.all()],
                "prompted_by": r.source_title,
                "status": r.status,
                "shared_with_manager": r.shared_with_manager,
                "created_at": r.created_at,
                "updated_at": r.updated_at,
            }
            for r in records
        ],
    }


def record_source_link(*, record) -> str:
    """Return where the record's "Prompted by" links: its source while that is still on the
    site, else "" (the bite or module was deleted or unpublished; the title stays)."""
    page_id = record.source_bite_id or record.source_module_id
    if page_id is not None and not learning_api.live_page_ids(ids=[page_id]):
        return ""
    return record.source_url


@dataclass(frozen=True)
class DraftRecord:
    """A record its owner has not completed: its title (maybe blank) and where to edit it."""

    id: int
    title: str
    last_saved: datetime
    edit_url: str


def draft_records(*, owner_id, limit=5) -> list[DraftRecord]:
    """Return the owner's draft records, last saved first. One query; no text but the title."""
    from django.urls import reverse

    rows = (
        Record.objects.filter(owner_id=owner_id, status=RecordStatus.DRAFT)
        .order_by("-updated_at", "-id")
        .values_list("id", "title", "updated_at")[:limit]
    )
    return [
        DraftRecord(
            id=record_id,
            title=title,
            last_saved=updated_at,
            edit_url=reverse("reflections:edit", args=[record_id]),
        )
        for record_id, title, updated_at in rows
    ]
