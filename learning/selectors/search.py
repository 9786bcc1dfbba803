"""Site search: the same answers on SQLite and PostgreSQL (docs/decisions/0012-search.md).

Both databases stem with the Porter stemmer (learning migration 0008). What differs
between them is kept out of the query: we pick the words ourselves (letters and
digits; a dotted number such as 2.3 stays whole), drop the stop words PostgreSQL's
`english` configuration would drop (SQLite's FTS5 drops none), and ask for every word
("and"), in any order.
"""

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from ..models import FrameworkPage, KnowledgeBitePage, StandardPage
from .content import frameworks_for_standards

MAX_QUERY_LENGTH = 200
MAX_TERMS = 20
RESULTS_PER_PAGE = 10

# Apps above learning add page types to the search through this Wagtail hook (quizzes
# adds QuizPage): each function returns a list of (page model, label, summary), where
# summary takes a page of that model and returns its summary as plain text.
SEARCH_PAGE_TYPES_HOOK = "search_page_types"

# The stop words of PostgreSQL's `english` text search configuration (its
# tsearch_data/english.stop): PostgreSQL leaves them out of a query, so we leave them
# out on SQLite too. A test on PostgreSQL checks it ignores every one of them.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what
    which who whom this that these those am is are was were be been being have has had
    having do does did doing a an the and but if or because as until while of at by for
    with about against between into through during before after above below to from up
    down in out on off over under again further then once here there when where why how
    all any both each few more most other some such no nor not only own same so than too
    very s t can will just don should now
    """.split()  # noqa: SIM905 -- as the list reads in PostgreSQL's file
)

# A dotted number (a standard's code, 2.3) is one token to PostgreSQL's parser; SQLite
# reads it as the phrase "2 3", which matches the same text. Otherwise runs of letters
# and digits: punctuation, underscores and control characters (a NUL) separate words.
WORD = re.compile(r"\d+(?:\.\d+)+|[^\W_]+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SearchQuery:
    text: str  # what the reader typed, cleaned, to show back to them
    terms: tuple[str, ...]  # the words every result must contain (stemmed by the database)
    shortened: bool  # True when what they typed was cut to MAX_QUERY_LENGTH


@dataclass(frozen=True)
class SearchPageType:
    model: type[Page]
    label: str | Promise
    summary: Callable[[Page], str]


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    kind: str | Promise  # "Knowledge bite", "Quiz", "Standard", "Standards framework"
    summary: str
    framework: str  # a standard's framework, in full; empty for the rest


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    page: object  # a django.core.paginator.Page of the live pages found, best first
    hits: list[SearchHit]
    suggestion: str  # "Did you mean ...?": a query that finds something, or ""


def search_query_clean(raw: str) -> SearchQuery:
    """Return what to search for in what the reader typed (any string, even a NUL)."""
    text = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())
    shortened = len(text) > MAX_QUERY_LENGTH
    if shortened:
        cut = text[:MAX_QUERY_LENGTH]
        if text[MAX_QUERY_LENGTH] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # not half a word
        text = cut
    terms: list[str] = []
    for word in WORD.findall(text.lower()):
        if word not in STOP_WORDS and word not in terms:
            terms.append(word)
    return SearchQuery(text=text, terms=tuple(terms[:MAX_TERMS]), shortened=shortened)


def search_page_types() -> list[SearchPageType]:
    """Return the page types the search finds: learning's own, then the hooks'."""
    types = [
        SearchPageType(KnowledgeBitePage, _("Knowledge bite"), lambda page: page.summary),
        SearchPageType(StandardPage, _("Standard"), lambda page: page.statement),
        SearchPageType(FrameworkPage, _("Standards framework"), lambda page: page.applies_to),
    ]
    for page_types in hooks.get_hooks(SEARCH_PAGE_TYPES_HOOK):
        types.extend(SearchPageType(*page_type) for page_type in page_types())
    return types


def search_pages(*, terms, page_types=None):
    """Return the live pages with every term (stemmed), best first, as lazy results."""
    if not terms:
        return Page.objects.none()
    models = [t.model for t in page_types or search_page_types()]
    return Page.objects.live().type(*models).specific().search(" ".join(terms), operator="and")


def search_hits(*, pages, page_types, request=None) -> list[SearchHit]:
    """Describe found pages for a results list: one query for the standards' frameworks."""
    standards = [page for page in pages if isinstance(page, StandardPage)]
    framework_of = frameworks_for_standards(standards) if standards else {}
    hits = []
    for page in pages:
        page_type = next(t for t in page_types if isinstance(page, t.model))
        framework = framework_of.get(page.id)
        hits.append(
            SearchHit(
                title=page.title,
                url=page.get_url(request=request),
                kind=page_type.label,
                summary=page_type.summary(page) or "",
                framework=framework.title if framework else "",
            )
        )
    return hits


def search_vocabulary(*, page_types) -> list[str]:
    """Return the words of live titles, bite summaries and standard statements, sorted.

    Read from the pages' own fields, not the search index (PostgreSQL keeps only stems
    there), so both databases offer the same words. Three queries.
    """
    texts = list(
        Page.objects.live().type(*[t.model for t in page_types]).values_list("title", flat=True)
    )
    texts += KnowledgeBitePage.objects.live().values_list("summary", flat=True)
    texts += StandardPage.objects.live().values_list("statement", flat=True)
    words = {word for text in texts for word in WORD.findall(text.lower())}
    return sorted(word for word in words if len(word) > 2 and not word.isdigit())


def search_suggestion(*, terms, page_types) -> str:
    """Return a respelling of the terms that finds something, or "" (four queries).

    Each term that is not a word of the site becomes the closest word that is (difflib,
    at least 80% alike); the respelling is offered only if searching for it finds pages.
    """
    vocabulary = search_vocabulary(page_types=page_types)
    known = set(vocabulary)
    respelt = []
    for term in terms:
        close = [] if term in known else difflib.get_close_matches(term, vocabulary, 1, 0.8)
        respelt.append(close[0] if close else term)
    if respelt == list(terms) or not search_pages(terms=respelt, page_types=page_types).count():
        return ""
    return " ".join(respelt)


def search_content(*, query: SearchQuery, page_number=None, request=None) -> SearchResults:
    """Search the live bites, quizzes, standards and frameworks; one page of results.

    A fixed number of queries: the count, the page of results (one more per page type
    on it, for the specific pages), the standards' frameworks; with no results, the
    suggestion's four.
    """
    page_types = search_page_types()
    pages = search_pages(terms=query.terms, page_types=page_types)
    page = Paginator(pages, RESULTS_PER_PAGE).get_page(page_number)
    hits = search_hits(pages=list(page.object_list), page_types=page_types, request=request)
    suggestion = ""
    if query.terms and not page.paginator.count:
        suggestion = search_suggestion(terms=query.terms, page_types=page_types)
    return SearchResults(query=query, page=page, hits=hits, suggestion=suggestion)
