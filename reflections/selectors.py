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
    """Return the user's records, filtered, with the standards prefetched, and totals.

    One aggregate counts both all the user's records (``all``: none means a first visit,
    not a filter that excludes everything) and those the filters keep.
    """
    match = Q()
    if year:
        match &= Q(start_date__year=year)
    if activity_type:
        match &= Q(activity_type=activity_type)
    if standard_id:
        # A subquery, not a join: a join would repeat a record once per standard and
        # multiply its hours in the sum.
        through = Record.standards.through
        match &= Q(id__in=through.objects.filter(standardpage_id=standard_id).values("record_id"))
    mine = Record.objects.filter(owner=user)
    complete = Q(status=RecordStatus.COMPLETE)
    totals = mine.aggregate(
        all=Count("id"),
        count=Count("id", filter=match) if match else Count("id"),
        complete=Count("id", filter=match & complete),
        hours=Sum("hours", filter=match & complete),
    )
    totals["hours"] = totals["hours"] or Decimal(0)
    records = mine.filter(match).prefetch_related("standards")
    return records.order_by("-start_date", "-created_at"), totals


def record_standards(*, user) -> list[tuple[int, str]]:
    """Return (id, full label) of the standards the user's records relate to, for filtering.

    In tree order (framework by framework); three queries.
    """
    through = Record.standards.through
    ids = set(through.objects.filter(record__owner=user).values_list("standardpage_id", flat=True))
    return list(learning_api.standard_labels(ids).items()) if ids else []


def record_standard_labels(*, record) -> list[str]:
    """Return the record's standards, each named in full, in tree order. Three queries."""
    ids = list(
        Record.standards.through.objects.filter(record=record).values_list(
            "standardpage_id", flat=True
        )
    )
    return list(learning_api.standard_labels(ids).values()) if ids else []


def shared_records(*, manager) -> list[tuple[Record, list[str]]]:
    """Return the records shared with `manager`, each with its standards in full.

    By owner's name, newest first; four queries whatever the number of records.
    """
    records = list(
        shared_with(manager)
        .select_related("owner")
        .prefetch_related("standards")
        .order_by("owner__last_name", "owner__first_name", "-start_date", "id")
    )
    ids = {standard.id for record in records for standard in record.standards.all()}
    labels = learning_api.standard_labels(ids) if ids else {}
    return [
        (
            record,
            [labels[s.id] for s in sorted(record.standards.all(), key=lambda s: s.path)],
        )
        for record in records
    ]


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


def my_data(*, user) -> dict[str, list[dict]]:
    """Return the user's reflective records (every field, readable) and CPD exports (when,
    what, status; not the files), oldest first, JSON-ready. Five queries, whatever the
    number of records: records, their standards, the standards' labels (two), exports."""
    from .models import Export
    from .reflective_models import get_model

    records = list(Record.objects.filter(owner=user).order_by("created_at", "id"))
    chosen: dict[int, set[int]] = {record.id: set() for record in records}
    for record_id, standard_id in Record.standards.through.objects.filter(
        record__owner=user
    ).values_list("record_id", "standardpage_id"):
        chosen[record_id].add(standard_id)
    # In tree order, each named in full (framework, code and statement).
    labels = learning_api.standard_labels(set().union(*chosen.values()))

    def record_data(r):
        model = get_model(r.reflective_model)
        prompts = {prompt.key: str(prompt.label) for prompt in model.extra}
        return {
            "title": r.title,
            "status": str(r.get_status_display()),
            "type_of_activity": str(r.get_activity_type_display()),
            "start_date": r.start_date,
            "end_date": r.end_date,
            "hours": r.hours,
            "reflective_model": str(model.name),
            "description": r.description,
            "what_i_learnt": r.learning,
            "impact": r.impact,
            "other_answers": {prompts.get(k, k): v for k, v in sorted(r.extra.items())},
            "standards": [label for i, label in labels.items() if i in chosen[r.id]],
            "peer_reflection": {
                "discussed_with": r.peer_name,
                "their_role": r.peer_role,
                "date": r.peer_date,
                "what_i_learnt": r.peer_learning,
            },
            "prompted_by": {"title": r.source_title, "address": r.source_url},
            "confirmed_it_identifies_no_one": r.identifiers_checked,
            "shared_with_manager": r.shared_with_manager,
            "created_at": r.created_at,
            "updated_at": r.updated_at,
            "completed_at": r.completed_at,
        }

    exports = Export.objects.filter(owner=user).order_by("created_at", "id")
    return {
        "reflective_records": [record_data(r) for r in records],
        "cpd_exports": [
            {
                "asked_for_at": e.created_at,
                "layout": str(e.get_layout_display()),
                "format": str(e.get_format_display()),
                "status": str(e.get_status_display()),
                "records_from": e.date_from,
                "records_to": e.date_to,
                "ready_at": e.finished_at,
                "deleted_after": e.expires_at,
            }
            for e in exports
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


# What a manager's learner page lists of one person's shared records.
from datetime import date  # noqa: E402

from django.utils.translation import gettext as _  # noqa: E402


@dataclass(frozen=True)
class SharedRecordRef:
    """A record its owner shared with the manager: its title, date and where to read it."""

    id: int
    title: str
    date: date | None  # when the activity started, else when the record was completed
    url: str


def shared_records_of(*, manager, owner_id) -> list[SharedRecordRef]:
    """Return the records this owner shared with `manager` (complete and shared only),
    newest first. One query; titles and dates, never a record's text."""
    from django.urls import reverse
    from django.utils import timezone

    rows = (
        shared_with(manager)
        .filter(owner_id=owner_id)
        .order_by("-start_date", "-completed_at", "-id")
        .values_list("id", "title", "start_date", "completed_at")
    )
    return [
        SharedRecordRef(
            id=record_id,
            title=title or str(_("Untitled record")),
            date=start_date or (timezone.localdate(completed_at) if completed_at else None),
            url=reverse("reflections:shared_detail", args=[record_id]),
        )
        for record_id, title, start_date, completed_at in rows
    ]
