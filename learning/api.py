"""What other apps may ask of learning: standards, bites, reads. Returns plain data.

Also re-exported for the apps above: the `bite_read` signal (sent after a learner marks
a bite read), the demo content loader and the back-dated read the demo needs.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from .demo import DemoContent, demo_content_load
from .models import BiteRead, FrameworkPage, HomePage, KnowledgeBitePage, StandardPage
from .models.pages import HOME_PAGE_CONTEXT_HOOK
from .selectors import cited_standards, frameworks_for_standards, standard_label, standard_labels
from .services import bite_read_backdate
from .signals import bite_read

__all__ = [
    "HOME_PAGE_CONTEXT_HOOK",
    "BiteReadData",
    "BiteRef",
    "DemoContent",
    "FrameworkRef",
    "StandardRef",
    "bite_by_id",
    "bite_read",
    "bite_read_backdate",
    "bite_reads",
    "current_framework_for",
    "demo_content_load",
    "home_page",
    "live_bite_ids",
    "live_page_ids",
    "personal_data",
    "standard_choices",
    "standard_labels",
    "standards_by_ids",
]


@dataclass(frozen=True)
class StandardRef:
    id: int
    code: str
    statement: str
    url: str
    framework_title: str
    regulator_code: str
    label: str  # in full: framework (regulator, edition), code and statement


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
            label=standard_label(s, framework_of[s.id]),
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
        labels.append((standard.id, standard_label(standard, framework)))
    return labels


def bite_reads(*, user_id, bite_ids) -> dict[int, object]:
    """Return {bite id: when the learner last read it} for these bites, in one query."""
    if not bite_ids:
        return {}
    return dict(
        BiteRead.objects.filter(user_id=user_id, bite_id__in=bite_ids).values_list(
            "bite_id", "last_read_at"
        )
    )


def home_page() -> HomePage | None:
    """Return the site's home page (where each section's index page sits), or None."""
    return HomePage.objects.first()


def live_bite_ids() -> list[int]:
    """Return the ids of the live knowledge bites, in tree order."""
    return list(KnowledgeBitePage.objects.live().order_by("path").values_list("id", flat=True))


def live_page_ids(*, ids) -> set[int]:
    """Return which of these page ids (of any type) are live pages now. One query."""
    return set(Page.objects.live().filter(id__in=list(ids)).values_list("id", flat=True))


@dataclass(frozen=True)
class BiteReadData:
    """A knowledge bite the learner marked read, for "Download all my data"."""

    bite: str  # its title
    first_read_at: datetime
    last_read_at: datetime


def personal_data(*, user) -> dict[str, list]:
    """Return what learning holds about the user: the bites they marked read, oldest first.

    One query, whatever the number of reads.
    """
    rows = (
        BiteRead.objects.filter(user=user)
        .order_by("first_read_at", "id")
        .values_list("bite__title", "first_read_at", "last_read_at")
    )
    return {"bite_reads": [BiteReadData(*row) for row in rows]}
