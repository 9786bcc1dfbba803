"""What other apps may ask of learning content. Returns plain dataclasses."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from .models import FrameworkPage, StandardPage
from .selectors import frameworks_for_standards


@dataclass(frozen=True)
class StandardRef:
    id: int
    code: str
    statement: str
    url: str
    framework_title: str
    regulator_code: str


@dataclass(frozen=True)
class FrameworkRef:
    id: int
    title: str
    version: str
    regulator_code: str
    effective_from: date
    superseded_on: date | None


def standards_by_ids(ids) -> list[StandardRef]:
    """Return the live standards with these ids, in tree order."""
    standards = list(StandardPage.objects.live().filter(id__in=ids).order_by("path"))
    framework_of = frameworks_for_standards(standards)
    return [
        StandardRef(
            id=s.id,
            code=s.code,
            statement=s.statement,
            url=s.get_url(),
            framework_title=framework_of[s.id].title if framework_of[s.id] else "",
            regulator_code=framework_of[s.id].regulator.code if framework_of[s.id] else "",
        )
        for s in standards
    ]


def current_framework_for(*, regulator_code, today=None) -> FrameworkRef | None:
    """Return the regulator's framework in force today, or None."""
    today = today or timezone.localdate()
    framework = (
        FrameworkPage.objects.live()
        .filter(regulator__code=regulator_code, effective_from__lte=today)
        .filter(Q(superseded_on__isnull=True) | Q(superseded_on__gt=today))
        .select_related("regulator")
        .order_by("-effective_from")
        .first()
    )
    if framework is None:
        return None
    return FrameworkRef(
        id=framework.id,
        title=framework.title,
        version=framework.version,
        regulator_code=framework.regulator.code,
        effective_from=framework.effective_from,
        superseded_on=framework.superseded_on,
    )
