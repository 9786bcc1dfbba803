"""Factories for learning content: regulators, frameworks, standards and bites."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Page, Site

from learning.models import (
    BiteIndexPage,
    FrameworkPage,
    HomePage,
    KnowledgeBitePage,
    Regulator,
    StandardPage,
    StandardsIndexPage,
)


class RegulatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regulator
        django_get_or_create = ("code",)

    code = "hcpc"
    name = "Health and Care Professions Council"
    short_name = "HCPC"
    regulates = "health and care professionals"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Social care CPD"


class BiteIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BiteIndexPage

    title = "Knowledge bites"
    slug = "knowledge-bites"


class StandardsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardsIndexPage

    title = "Standards"
    slug = "standards"


class FrameworkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FrameworkPage

    title = factory.Sequence(lambda n: f"Framework {n}")
    regulator = factory.SubFactory(RegulatorFactory)
    version = "2016"
    effective_from = datetime.date(2016, 1, 26)
    applies_to = "Registered professionals"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.LazyAttribute(lambda o: f"Standard {o.code}")
    statement = factory.LazyAttribute(lambda o: f"You must meet standard {o.code}.")


class KnowledgeBitePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KnowledgeBitePage

    title = factory.Sequence(lambda n: f"Knowledge bite {n}")
    summary = "A short summary."
    body = factory.LazyFunction(list)


def build_home():
    """Make a HomePage the default site's root and return it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "CPD"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


def standards_block(*standards, heading="Relevant standards"):
    return {
        "type": "standards",
        "value": {"heading": heading, "standards": [s.pk for s in standards]},
    }


def statistic_block(text, *footnotes):
    return {
        "type": "statistic",
        "value": {
            "text": text,
            "footnotes": [
                {"after": after, "source": source, "url": ""} for after, source in footnotes
            ],
        },
    }


def every_block_body(*standards):
    """A body using every block type once."""
    return [
        {"type": "heading", "value": {"text": "General issues", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Social media is an unavoidable part of our lives.</p>"},
        {
            "type": "quotation",
            "value": {"quote": "The genie is out.", "attribution": "D. Turner, 2015"},
        },
        {"type": "list", "value": {"style": "bulleted", "items": ["One point", "Another point"]}},
        {
            "type": "risks",
            "value": {"heading": "Risks", "risks": [{"title": "A risk", "detail": ""}]},
        },
        standards_block(*standards),
        {"type": "callout", "value": {"label": "Note", "text": "<p>Read with other training.</p>"}},
        statistic_block("There are 1.5 billion users.", ("1.5 billion", "Statista")),
        {
            "type": "references",
            "value": {
                "heading": "References",
                "references": [{"citation": "<p>TURNER</p>", "url": ""}],
            },
        },
    ]
