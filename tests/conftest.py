import datetime
from types import SimpleNamespace

import pytest

from tests.learning.factories import (
    BiteIndexPageFactory,
    FrameworkPageFactory,
    KnowledgeBitePageFactory,
    RegulatorFactory,
    StandardPageFactory,
    StandardsIndexPageFactory,
    build_home,
    every_block_body,
)


@pytest.fixture(autouse=True)
def wagtail_roots(request):
    """Give every database test the locale and root nodes Wagtail's migrations create.

    A transactional test (a real Celery worker, concurrency, the browser) ends with a
    flush that empties them too, and tests that run after it on the same worker need
    them back. (A serialized rollback would restore them, but it fails with an
    IntegrityError once another flush has recreated the content types under new ids.)
    """
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if not ({"db", "transactional_db"} & names) and marker is None:
        return
    transactional = "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))
    # Autouse fixtures run first: set the database up before touching it.
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def content(db):
    """A small site: HCPC 2008 (superseded) and Social Work England frameworks, one bite."""
    home = build_home()
    bites = BiteIndexPageFactory(parent=home)
    standards = StandardsIndexPageFactory(parent=home)
    hcpc = RegulatorFactory(
        code="hcpc", name="Health and Care Professions Council", short_name="HCPC"
    )
    swe = RegulatorFactory(
        code="swe",
        name="Social Work England",
        short_name="Social Work England",
        regulates="social workers in England",
        regulates_since=datetime.date(2019, 12, 2),
        previous_regulator=hcpc,
    )
    hcpc_2008 = FrameworkPageFactory(
        parent=standards,
        title="HCPC Standards of conduct, performance and ethics (2008)",
        slug="hcpc-2008",
        regulator=hcpc,
        version="2008",
        effective_from=datetime.date(2008, 7, 1),
        superseded_on=datetime.date(2016, 1, 26),
    )
    swe_2019 = FrameworkPageFactory(
        parent=standards,
        title="Social Work England professional standards",
        slug="swe-2019",
        regulator=swe,
        version="2019",
        effective_from=datetime.date(2019, 12, 2),
    )
    confidentiality = StandardPageFactory(
        parent=hcpc_2008,
        code="2",
        slug="standard-2",
        statement="You must respect the confidentiality of service users",
    )
    conduct = StandardPageFactory(
        parent=hcpc_2008,
        code="13",
        slug="standard-13",
        statement="You must behave with honesty and integrity",
    )
    social_media = StandardPageFactory(
        parent=swe_2019,
        code="5.6",
        slug="5-6",
        statement="I will not use technology, social media or other forms of electronic "
        "communication unlawfully, unethically, or in a way that brings the profession "
        "into disrepute.",
    )
    conduct.current_equivalents.add(social_media)
    conduct.save_revision().publish()
    bite = KnowledgeBitePageFactory(
        parent=bites,
        title="Social workers - social media",
        slug="social-workers-social-media",
        summary="How to use social media without crossing professional boundaries.",
        body=every_block_body(confidentiality, conduct),
    )
    bite.save_revision().publish()
    return SimpleNamespace(
        home=home,
        bites=bites,
        standards=standards,
        hcpc=hcpc,
        swe=swe,
        hcpc_2008=hcpc_2008,
        swe_2019=swe_2019,
        confidentiality=confidentiality,
        conduct=conduct,
        social_media=social_media,
        bite=bite,
    )
