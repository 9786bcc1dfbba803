"""Reads of learning content. Each returns a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from ..models import FrameworkPage, KnowledgeBitePage, Regulator, StandardPage


@dataclass
class Footnote:
    number: int
    source: str
    url: str


@dataclass
class FrameworkNotice:
    """Why a cited framework may not be the one a reader must meet, and what is."""

    framework: FrameworkPage
    standards: list = field(default_factory=list)
    superseded_on: date | None = None
    not_reader_regulator: bool = False
    reader_regulator: Regulator | None = None
    replaced_by_reader_regulator: bool = False
    equivalents: dict = field(default_factory=dict)  # cited standard -> current equivalents

    @property
    def equivalent_pairs(self):
        return [(s, self.equivalents[s.id]) for s in self.standards if self.equivalents.get(s.id)]


def bites_latest(*, limit):
    return KnowledgeBitePage.objects.live().order_by("-first_published_at")[:limit]


def parent_path(page):
    return page.path[: -Page.steplen]


def standard_label(standard, framework) -> str:
    """Name a standard in full: its framework (regulator and edition), code and text.

    "Social Work England professional standards (2019), 2.3: Maintain professional
    relationships with people...", so the two 2.3s of different regulators never look
    alike. Untruncated: the statement is the standard.
    """
    text = f"{standard.code}: {standard.statement}" if standard.code else standard.statement
    return f"{framework.title}, {text}" if framework else text


def standard_labels(ids) -> dict[int, str]:
    """Return {standard id: its full label} for these standards, live or not. Two queries."""
    standards = list(StandardPage.objects.filter(id__in=list(ids)).order_by("path"))
    framework_of = frameworks_for_standards(standards)
    return {s.id: standard_label(s, framework_of[s.id]) for s in standards}


def frameworks_for_standards(standards):
    """Return {standard id: its FrameworkPage} in one query."""
    paths = {parent_path(s) for s in standards}
    frameworks = {
        fw.path: fw
        for fw in FrameworkPage.objects.filter(path__in=paths).select_related("regulator")
    }
    return {s.id: frameworks.get(parent_path(s)) for s in standards}


def bite_footnotes(body) -> tuple[list[Footnote], dict[str, int]]:
    """Number the statistic footnotes in page order.

    Return (footnotes, first number by block id).
    """
    footnotes: list[Footnote] = []
    first_numbers: dict[str, int] = {}
    for block in body:
        if block.block_type != "statistic":
            continue
        first_numbers[block.id] = len(footnotes) + 1
        for note in block.value["footnotes"]:
            footnotes.append(Footnote(len(footnotes) + 1, note["source"], note["url"]))
    return footnotes, first_numbers


def cited_standards(body):
    standards = {}
    for block in body:
        if block.block_type == "standards":
            for standard in block.value["standards"]:
                if standard is not None:
                    standards[standard.id] = standard
    return list(standards.values())


def reader_regulator(user):
    """Return the Regulator the signed-in reader is registered with, or None."""
    if not user.is_authenticated:
        return None
    return (
        Regulator.objects.filter(
            code__in=user.__class__.objects.filter(pk=user.pk).values("registration__regulator")
        )
        .select_related("previous_regulator")
        .first()
    )


def framework_notices(*, standards, regulator, today=None):
    """Explain, per cited framework, when it no longer applies to this reader.

    A framework is flagged when it has been superseded, or when the reader is registered
    with another regulator (for example HCPC standards read by a social worker in England,
    whom Social Work England has regulated since 2 December 2019). Each notice lists the
    recorded current equivalents, restricted to the reader's regulator when known.
    """
    today = today or timezone.localdate()
    if not standards:
        return []
    equivalents = list(
        StandardPage.objects.live()
        .filter(earlier_equivalents__in=[s.id for s in standards])
        .annotate(earlier_id=F("earlier_equivalents"))
        .order_by("path")
    )
    framework_of = frameworks_for_standards([*standards, *equivalents])
    notices: dict[int, FrameworkNotice] = {}
    for standard in standards:
        framework = framework_of[standard.id]
        if framework is None:
            continue
        superseded = framework.superseded_on and framework.superseded_on <= today
        other_regulator = regulator is not None and framework.regulator_id != regulator.id
        if not (superseded or other_regulator):
            continue
        notice = notices.setdefault(
            framework.id,
            FrameworkNotice(
                framework=framework,
                superseded_on=framework.superseded_on if superseded else None,
                not_reader_regulator=other_regulator,
                reader_regulator=regulator if other_regulator else None,
                replaced_by_reader_regulator=bool(
                    other_regulator and regulator.previous_regulator_id == framework.regulator_id
                ),
            ),
        )
        notice.standards.append(standard)
        for equivalent in equivalents:
            eq_framework = framework_of[equivalent.id]
            if equivalent.earlier_id != standard.id or eq_framework is None:
                continue
            if regulator is not None and eq_framework.regulator_id != regulator.id:
                continue
            if eq_framework.superseded_on and eq_framework.superseded_on <= today:
                continue
            equivalent.framework = eq_framework
            notice.equivalents.setdefault(standard.id, []).append(equivalent)
    return list(notices.values())


# Apps above learning add to a bite's page through this Wagtail hook (quizzes adds the
# quiz that checks it): each function takes `bite` and `request` and returns a dict.
BITE_PAGE_CONTEXT_HOOK = "bite_page_context"


def bite_page_context(*, bite, request):
    footnotes, first_numbers = bite_footnotes(bite.body)
    standards = cited_standards(bite.body)
    framework_of = frameworks_for_standards(standards) if standards else {}
    context = {
        "footnotes": footnotes,
        "footnote_numbers": first_numbers,
        "standard_frameworks": framework_of,
        "framework_notices": framework_notices(
            standards=standards, regulator=reader_regulator(request.user)
        ),
        "read": bite_read_by(user=request.user, bite=bite),
    }
    for add_context in hooks.get_hooks(BITE_PAGE_CONTEXT_HOOK):
        context.update(add_context(bite=bite, request=request))
    return context


def bite_read_by(*, user, bite):
    """Return the user's read record for this bite, or None (no query when signed out)."""
    if not user.is_authenticated:
        return None
    from ..models import BiteRead

    return BiteRead.objects.filter(user=user, bite=bite).first()


def bites_citing(*, standard):
    """Return the live knowledge bites whose body cites this standard."""
    references = (
        ReferenceIndex.get_references_to(standard)
        .filter(
            content_type=ContentType.objects.get_for_model(KnowledgeBitePage),
            model_path__startswith="body.",
        )
        .annotate(bite_id=Cast("object_id", IntegerField()))
        .values("bite_id")
    )
    return KnowledgeBitePage.objects.live().filter(id__in=references).order_by("title")


def standard_page_context(*, standard):
    return {
        "framework": FrameworkPage.objects.select_related("regulator")
        .filter(path=parent_path(standard))
        .first(),
        "citing_bites": bites_citing(standard=standard),
        "current_equivalents": standard.current_equivalents.live().order_by("path"),
    }
