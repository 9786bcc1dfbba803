import copy
import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from tests.db_snapshot import Snapshot, forget_cached_rows
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

# The migrated tables' snapshot and the key to the database, for pytest_runtest_teardown.
MIGRATED = pytest.StashKey()
# Set on a test whose transactional_db flushes every table when it ends.
FLUSHES = pytest.StashKey()


@pytest.fixture(autouse=True)
def wagtail_roots(request):
    """Give every database test the locale and root nodes Wagtail's migrations create.

    A transactional test (a real Celery worker, concurrency) ends with a flush that
    empties them too; pytest_runtest_teardown puts them back, and this makes sure.
    (A serialized rollback would restore them, but it fails with an IntegrityError once
    another flush has recreated the content types under new ids.)
    """
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if not ({"db", "transactional_db"} & names) and marker is None:
        return
    transactional = "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))
    if transactional:
        from django.db import connection

        # A flush inside shared_db's transaction would empty the tables under the module's
        # other tests, and the live server or worker would not see uncommitted rows anyway.
        assert not connection.in_atomic_block, (
            "a transactional test ran inside another fixture's transaction: keep it in a "
            "module without shared_db fixtures"
        )
        request.getfixturevalue("migrated_database")  # before anything is committed
        request.node.stash[FLUSHES] = True
    # Autouse fixtures run first: set the database up before touching it.
    request.getfixturevalue("transactional_db" if transactional else "db")
    ensure_wagtail_roots()


def ensure_wagtail_roots():
    """Create Wagtail's default locale and root page and collection where they are missing."""
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


@pytest.fixture(scope="session")
def migrated_database(request, django_db_setup, django_db_blocker):
    """The tables as migrated, to put back after any test that commits rows.

    Every fixture that commits asks for this first, and every other test rolls back, so
    between tests the database stays as migrated: rows built once per session (the demo,
    `content`) are kept as the difference from it, and copied back on top of it.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        ensure_wagtail_roots()
        snapshot = Snapshot.take(connection, "snapshot_migrated")
    request.config.stash[MIGRATED] = (snapshot, django_db_blocker)
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()
        # Django drops the test database once no connection is open to it.
        connection.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the migrated tables back after a transactional test, once its flush is done.

    The flush empties every table, Wagtail's pages, site and groups too, and makes the
    content types and permissions again under new ids; the rows built once per session
    refer to the old ones. (A fixture cannot do this: with the django_db marker,
    pytest-django opens the database before any of ours, so it flushes after them.)
    """
    result = yield
    # With no next item the test database is already gone.
    if item.stash.get(FLUSHES, False) and nextitem is not None:
        migrated, django_db_blocker = item.config.stash[MIGRATED]
        with django_db_blocker.unblock():
            migrated.restore()
    return result


@pytest.fixture(scope="session")
def demo_database(migrated_database, django_db_blocker):
    """The demo, loaded once per session (per xdist worker), as a snapshot to restore.

    `load_demo` takes seconds; copying its rows back takes a fraction of that. A test that
    needs the demo committed (the browser tests) restores this, then migrated_database.
    """
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo", stdout=StringIO())
        demo = Snapshot.take(connection, "snapshot_demo", changed_since=migrated_database)
        migrated_database.restore()
    yield demo
    with django_db_blocker.unblock():
        demo.drop()


@pytest.fixture(scope="module")
def shared_db(django_db_setup, django_db_blocker):
    """A transaction around a module's shared rows, rolled back when the module is done.

    What TestCase.setUpTestData does for a class: a module-scoped fixture builds its rows
    once, inside `with shared_db.unblock():`, and every test of the module (through `db`)
    runs in a savepoint within this transaction, so what one test changes is undone
    before the next while the shared rows stay. The fixture should hand each test a deep
    copy of its objects, as setUpTestData does, so that changed attributes do not leak
    either. Transactional tests cannot run inside it: keep them in other modules.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        # As for TestCase's class-wide transaction: a durable block may nest inside.
        atomic._from_testcase = True
        atomic.__enter__()
        ensure_wagtail_roots()
    yield django_db_blocker
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        forget_cached_rows()


def prebuild(migrated_database, name, build):
    """Run `build` once on the migrated tables and keep what it made, then put them back.

    Returns the rows it left, as a snapshot to restore into each test's transaction, and
    the objects it returned, to deep-copy for each test as setUpTestData does.
    """
    from django.db import connection, transaction

    with transaction.atomic():
        objects = build()
    rows = Snapshot.take(connection, name, changed_since=migrated_database)
    migrated_database.restore()
    return SimpleNamespace(rows=rows, objects=objects)


@pytest.fixture(scope="session")
def prebuilt_content(migrated_database, django_db_blocker):
    """`content`, built once per session (per xdist worker)."""
    with django_db_blocker.unblock():
        built = prebuild(migrated_database, "snapshot_content", build_content)
    yield built
    with django_db_blocker.unblock():
        built.rows.drop()


@pytest.fixture
def content(db, prebuilt_content):
    """A small site: HCPC 2008 (superseded) and Social Work England frameworks, one bite.

    Its rows are copied into the test's transaction from a snapshot (a tenth of the time
    building it takes), and the test gets its own deep copy of the objects, as
    setUpTestData hands out.
    """
    prebuilt_content.rows.restore()
    return copy.deepcopy(prebuilt_content.objects)


def build_content():
    """Build the `content` site and return its pages and regulators."""
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
