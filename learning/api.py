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


@dataclass(frozen=True)
class BiteRef:
    id: int
    title: str
    url: str
    standard_ids: tuple[int, ...]


def bite_by_id(bite_id) -> BiteRef | None:
    """Return a live knowledge bite with the ids of the standards it cites."""
    from .models import KnowledgeBitePage
    from .selectors import cited_standards

    bite = KnowledgeBitePage.objects.live().filter(id=bite_id).first()
    if bite is None:
        return None
    return BiteRef(
        id=bite.id,
        title=bite.title,
        url=bite.get_url(),
        standard_ids=tuple(s.id for s in cited_standards(bite.body)),
    )


def standard_choices(*, regulator_code=None, include_ids=(), today=None) -> list[tuple[int, str]]:
    """Return (id, label) for the standards a learner may link a record to.

    The standards of frameworks in force today, only the learner's regulator's when
    known, plus any already chosen; in tree order.
    """
    today = today or timezone.localdate()
    frameworks = FrameworkPage.objects.live().filter(effective_from__lte=today)
    frameworks = frameworks.filter(Q(superseded_on__isnull=True) | Q(superseded_on__gt=today))
    if regulator_code:
        frameworks = frameworks.filter(regulator__code=regulator_code)
    current = {fw.path: fw for fw in frameworks.select_related("regulator")}
    query = Q(id__in=list(include_ids))
    for path in current:
        query |= Q(path__startswith=path, depth=len(path) // 4 + 1)
    standards = list(StandardPage.objects.live().filter(query).order_by("path"))
    framework_of = frameworks_for_standards([s for s in standards if s.path[:-4] not in current])
    labels = []
    for standard in standards:
        framework = current.get(standard.path[:-4]) or framework_of.get(standard.id)
        prefix = f"{framework.regulator.short_name} {framework.version} " if framework else ""
        labels.append((standard.id, f"{prefix}{standard.code}: {standard.statement}"))
    return labels


@dataclass(frozen=True)
class ModuleRef:
    id: int
    title: str
    url: str
    estimated_minutes: int
    reflection_prompt: str


def module_by_id(module_id) -> ModuleRef | None:
    """Return a live training module and its reflection prompt ("" when it asks for none)."""
    from .models import TrainingModulePage

    module = TrainingModulePage.objects.live().filter(id=module_id).first()
    if module is None:
        return None
    prompt = next((s.value["prompt"] for s in module.steps if s.block_type == "reflection"), "")
    return ModuleRef(
        id=module.id,
        title=module.title,
        url=module.get_url(),
        estimated_minutes=module.estimated_minutes,
        reflection_prompt=prompt,
    )
