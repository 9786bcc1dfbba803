"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live_server.

Every test in this folder is marked `browser` (deselect with `-m "not browser"`). Pages are
found by role and label, as a screen-reader user would find them, and checked with axe-core
at WCAG 2.2 AA.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

from accounts.demo import demo_password

# Playwright's sync API keeps an event loop running in the test thread, and Django refuses
# ORM calls from a thread with a running loop unless told it is safe. Here it is: the loop
# only drives the browser. The Makefile sets this too; the default lets `pytest` run alone.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
# The machine has no network: these stop Chromium from trying (updates, sync, QUIC probes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 10_000
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
HERE = Path(__file__).parent
# A path no page answers: the tests visit it on purpose to check the 404 page.
NOT_FOUND_PATH = "/no-such-page/"


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `browser`."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """Launch headless Chromium once per session."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (`make test` does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # Django keeps other connections while Playwright's event loop runs in this thread
        # (for every test after this one started): left open, the test database could not
        # be dropped at the end.
        connections.close_all()


@pytest.fixture
def page(browser, live_server):
    """Return a page in a fresh context (no cookies carried over), failing on script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    errors = []
    # A test that provokes an error status on purpose says so: page.allow_console_error("410").
    allowed = []
    page.allow_console_error = allowed.append
    # An uncaught exception or a CSP refusal means a feature silently broke for readers.
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}")
            if message.type == "error"
            and not is_expected_console_error(message)
            and not any(text in message.text for text in allowed)
            else None
        ),
    )
    yield page
    context.close()
    assert not errors, "The browser reported errors:\n" + "\n".join(errors)


def is_expected_console_error(message):
    """Return True for the console error a test provokes on purpose: the 404 page's status."""
    return message.location.get("url", "").endswith(NOT_FOUND_PATH) and "404" in message.text


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """Stand in for pytest-django's fixture of this name, in this folder only.

    Its version gives every live-server test transactional_db, which empties every table
    after the test, so each test had to load the demo again (seconds each). Here every
    test starts from a copy of the demo loaded once per session, committed so that the
    live server's thread sees it, and the tables are put back as they were afterwards.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    migrated = request.getfixturevalue("migrated_database")
    demo = request.getfixturevalue("demo_database")
    live_server = request.getfixturevalue("live_server")
    with django_db_blocker.unblock():
        demo.restore()
        live_server._live_server_modified_settings.enable()
        try:
            yield
        finally:
            live_server._live_server_modified_settings.disable()
            migrated.restore()
            # As TransactionTestCase does after each test.
            connections.close_all()


@pytest.fixture
def demo(live_server):
    """The demo content and accounts: already in the database the live server reads.

    Every live-server test starts from the demo (see _live_server_helper); this gives the
    demo accounts' password.
    """
    return {"password": demo_password()}


def url(live_server, path):
    """Return the live server's absolute URL for a path."""
    return f"{live_server.url}{path}"


def assert_accessible(page):
    """Run axe-core on the page and fail, listing each violation, unless there are none."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    violations = [v for v in map(_known_govuk_issues_removed, results.response["violations"]) if v]
    if violations:
        lines = [f"{len(violations)} axe violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    {node['target']}: {node['html'][:200]}")
        pytest.fail("\n".join(lines))


def _known_govuk_issues_removed(violation):
    """Return the violation without the nodes of GOV.UK Frontend's known, accepted issue,
    or None when nothing else is left.

    The one ignored case: GOV.UK Frontend's conditional reveal sets aria-expanded on the
    radio that reveals more questions (the assignment form's people picker). ARIA 1.2 does
    not allow it on a radio, but screen readers announce it and the GOV.UK Design System
    keeps it on purpose after research with users (alphagov/govuk-frontend#979, listed as
    a known issue in #1280). Only aria-allowed-attr on such a radio is ignored.
    """
    if violation["id"] != "aria-allowed-attr":
        return violation
    nodes = [
        node
        for node in violation["nodes"]
        if not (
            'class="govuk-radios__input"' in node["html"]
            and "aria-expanded=" in node["html"]
            and "aria-controls=" in node["html"]
        )
    ]
    return {**violation, "nodes": nodes} if nodes else None


def sign_in(page, live_server, email, password):
    """Sign in through the form, as a person would, and wait for the next page."""
    page.goto(url(live_server, "/accounts/sign-in/"))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


APP_CODE_LABEL = "Enter the 6-digit code from your authenticator app"


def app_code(email):
    """Return the code the user's authenticator app shows now, from its key in the database."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):0{device.digits}d}"


def sign_in_with_code(page, live_server, email, password):
    """Sign in as a manager or administrator: the password, then their app's code."""
    sign_in(page, live_server, email, password)
    page.get_by_label(APP_CODE_LABEL).fill(app_code(email))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
