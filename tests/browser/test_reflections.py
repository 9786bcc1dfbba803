"""Reflective-learning records in Chromium: by keyboard alone, autosave, two tabs, sharing.

Each test starts its own record (from the demo knowledge bite, or from a quiz result), so
none depends on the demo's own records. Autosave saves when a field loses focus (and every 30 seconds, which no test
waits for) and says so in the form's status line.
"""

import re
from contextlib import contextmanager

from playwright.sync_api import expect

from tests.browser.conftest import (
    DEFAULT_TIMEOUT_MS,
    assert_accessible,
    sign_in,
    sign_in_with_code,
    url,
)
from tests.browser.test_quiz import (
    assert_error_summary,
    page_in_new_context,
    press_and_wait,
    tab_to,
)

BITE_PATH = "/knowledge-bites/social-workers-social-media/"
QUIZ_PATH = f"{BITE_PATH}check-your-understanding/"
QUIZ_TITLE = "Check your understanding: social media"
PRACTITIONER = "practitioner1@example.com"
MANAGER = "manager@example.com"
REGULATOR = "Social Work England"  # practitioner1's regulator in the demo.
# The questions of the Social Work England CPD record, the model for practitioner1's records.
DESCRIBE = "Describe the activity and why it is relevant to you"
LEARNT = "What did you learn from doing the activity?"
IMPACT = (
    "What positive impact has it had, or will it have, on your practice and the people you "
    "work with?"
)
SAVED = re.compile(r"^Saved at \d\d:\d\d$")
OFFLINE = "Not saved - check your connection, then select Save draft"
CHANGED_ELSEWHERE = "this record was changed in another tab or window"
NHS_NUMBER = "943 476 5919"
IDENTIFYING = f"The young person Kayleigh told me her NHS number, {NHS_NUMBER}."
PRIVACY_WARNING = "Your record may identify someone"
IDENTIFIERS_CHECKED = "I have checked this record identifies no one"
# autosave.mjs ignores leaving a field within a second of its last save (the change waits
# for the 30-second save instead), so a test that saves twice in a row waits this long.
AFTER_LAST_SAVE_MS = 1_100


def autosave_status(page):
    """Return the form's status line, where autosave reports each save."""
    return page.get_by_role("main").get_by_role("status")


def record_id(page):
    """Return the id of the record whose page is open."""
    match = re.search(r"/reflections/(\d+)/", page.url)
    assert match, f"Not a record page: {page.url}"
    return int(match[1])


def start_record(page, live_server):
    """Start a record from the demo bite with the mouse; wait for its edit page."""
    page.goto(url(live_server, BITE_PATH))
    section = page.get_by_role("region", name="Reflect on this")
    with page.expect_navigation():
        section.get_by_role("button", name="Reflect on this bite").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Reflection on "))
    return record_id(page)


def type_and_leave(page, label, text):
    """Type into a field by keyboard, then Tab out of it, which makes autosave save."""
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)
    page.keyboard.press("Tab")


@contextmanager
def context_with_console_check(browser, *, expected=(), **context_options):
    """Yield a browser context whose pages fail the test on script errors.

    Like test_quiz's page_in_new_context, but for several pages in one context and for
    console errors other than an HTTP status (an aborted request): a console error passes
    only when it contains one of the `expected` strings.
    """
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", **context_options
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    errors = []

    def watch(page):
        page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        page.on(
            "console",
            lambda message: (
                errors.append(f"console: {message.text}")
                if message.type == "error" and not any(e in message.text for e in expected)
                else None
            ),
        )

    context.on("page", watch)
    try:
        yield context
    finally:
        context.close()
    assert not errors, "The browser reported errors:\n" + "\n".join(errors)


def test_a_learner_writes_and_completes_a_record_by_keyboard_alone_past_the_privacy_guard(
    browser, live_server, demo
):
    with page_in_new_context(browser, expected_error_status=400) as page:
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        page.goto(url(live_server, BITE_PATH))
        section = page.get_by_role("region", name="Reflect on this")
        tab_to(page, section.get_by_role("button", name="Reflect on this bite"))
        press_and_wait(page, "Enter")

        title = page.get_by_role("heading", level=1)
        expect(title).to_have_text(re.compile(r"^Reflection on "))
        title = title.inner_text()
        expect(page.get_by_role("button", name="Save draft")).to_be_visible()
        expect(autosave_status(page)).to_be_empty()
        assert_accessible(page)

        # Leaving a changed field saves it and says so in the status line.
        tab_to(page, page.get_by_label(LEARNT, exact=True))
        page.keyboard.type("Boundaries online are part of professional boundaries.")
        page.keyboard.press("Tab")
        expect(page.get_by_label(IMPACT, exact=True)).to_be_focused()
        expect(autosave_status(page)).to_have_text(SAVED)

        page.keyboard.type(f"I will check my privacy settings monthly. {IDENTIFYING}")
        page.get_by_label("Time spent, in hours").focus()
        page.keyboard.type("0.5")
        tab_to(page, page.get_by_role("button", name="Complete record"))
        press_and_wait(page, "Enter")

        # The privacy guard: a warning, what it found and where, and the error summary.
        main = page.get_by_role("main")
        expect(main).to_contain_text(PRIVACY_WARNING)
        finding = main.get_by_role("listitem").filter(has_text=f"an NHS number in “{IMPACT}”")
        expect(finding).to_contain_text("943 476 5919")
        problem = assert_error_summary(page)
        expect(page.locator(".govuk-error-summary")).to_be_focused()
        confirm = page.get_by_role("checkbox", name=IDENTIFIERS_CHECKED)
        expect(confirm).not_to_be_checked()
        expect(page.get_by_label(IMPACT, exact=True)).to_have_value(
            re.compile(re.escape(IDENTIFYING))
        )
        assert_accessible(page)

        # The error summary's link leads to the checkbox; Space ticks it.
        tab_to(page, problem.get_by_role("link", name=re.compile("confirm you have checked")))
        page.keyboard.press("Enter")
        expect(confirm).to_be_focused()
        page.keyboard.press("Space")
        expect(confirm).to_be_checked()
        tab_to(page, page.get_by_role("button", name="Complete record"))
        press_and_wait(page, "Space")

        expect(page).to_have_url(re.compile(r"/reflections/\d+/$"))
        expect(page.get_by_role("alert")).to_contain_text("Your record is complete")
        expect(page.get_by_role("main")).to_contain_text("Boundaries online are part of")
        expect(page.get_by_role("button", name="Share with my manager")).to_be_visible()
        assert_accessible(page)

        menu = page.get_by_role("navigation", name="Menu")
        tab_to(page, menu.get_by_role("link", name="My CPD"))
        press_and_wait(page, "Enter")
        expect(page.get_by_role("heading", name="My CPD", level=1)).to_be_visible()
        expect(
            page.get_by_role("heading", name=f"Where you stand with {REGULATOR}")
        ).to_be_visible()
        records = page.get_by_role("table", name="Your records")
        row = records.get_by_role("row").filter(has=page.get_by_role("link", name=title))
        expect(row).to_contain_text("Complete")
        assert_accessible(page)


def test_autosave_says_when_a_save_fails_and_saves_again_once_the_connection_is_back(
    browser, live_server, demo
):
    # An aborted request is a console error in Chromium; here it is the point of the test.
    with context_with_console_check(browser, expected=["net::ERR_FAILED"]) as context:
        page = context.new_page()
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        start_record(page, live_server)

        page.route("**/autosave/", lambda route: route.abort())
        type_and_leave(page, LEARNT, "Written while offline.")
        expect(autosave_status(page)).to_have_text(OFFLINE)
        assert_accessible(page)

        page.unroute("**/autosave/")
        page.wait_for_timeout(AFTER_LAST_SAVE_MS)
        type_and_leave(page, IMPACT, "Written once back online.")
        expect(autosave_status(page)).to_have_text(SAVED)

        # Both changes reached the server: the failed one stayed pending and went with the next.
        page.reload()
        expect(page.get_by_label(LEARNT, exact=True)).to_have_value("Written while offline.")
        expect(page.get_by_label(IMPACT, exact=True)).to_have_value("Written once back online.")


def test_a_record_open_in_two_tabs_is_never_overwritten_and_keeps_the_second_tabs_text(
    browser, live_server, demo
):
    # The server answers the stale tab with 409 Conflict, which Chromium logs.
    with context_with_console_check(browser, expected=["status of 409"]) as context:
        first = context.new_page()
        sign_in(first, live_server, PRACTITIONER, demo["password"])
        number = start_record(first, live_server)
        second = context.new_page()
        second.goto(url(live_server, f"/reflections/{number}/edit/"))

        type_and_leave(first, LEARNT, "Written in the first tab.")
        expect(autosave_status(first)).to_have_text(SAVED)

        type_and_leave(second, LEARNT, "Written in the second tab.")
        expect(autosave_status(second)).to_contain_text(CHANGED_ELSEWHERE)
        expect(second.get_by_label(LEARNT, exact=True)).to_have_value("Written in the second tab.")

        with second.expect_navigation() as navigation:
            second.get_by_role("button", name="Save draft").click()
        assert navigation.value.status == 409
        problem = assert_error_summary(second)
        expect(problem).to_contain_text("This record was changed in another tab or window")
        expect(second.get_by_label(LEARNT, exact=True)).to_have_value("Written in the second tab.")
        assert_accessible(second)

        first.reload()
        expect(first.get_by_label(LEARNT, exact=True)).to_have_value("Written in the first tab.")


def test_autosave_keeps_nothing_in_the_browsers_storage(page, live_server, demo):
    sign_in(page, live_server, PRACTITIONER, demo["password"])
    start_record(page, live_server)
    type_and_leave(page, LEARNT, "Nothing of this belongs in the browser.")
    expect(autosave_status(page)).to_have_text(SAVED)
    assert page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]


def test_a_draft_is_saved_without_javascript(browser, live_server, demo):
    with page_in_new_context(browser, java_script_enabled=False) as page:
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        start_record(page, live_server)
        page.get_by_label(LEARNT, exact=True).fill("Saved by the button alone.")
        page.get_by_role("button", name="Save draft").click()

        expect(page.get_by_role("alert")).to_contain_text(re.compile(r"Draft saved at \d\d:\d\d"))
        expect(page.get_by_label(LEARNT, exact=True)).to_have_value("Saved by the button alone.")
        # The save status beside the buttons says so too, in view of the button just used.
        expect(autosave_status(page)).to_have_text(re.compile(r"^Last saved at \d\d:\d\d$"))


def test_a_quiz_result_starts_a_record_about_the_quiz(browser, live_server, demo):
    with page_in_new_context(browser, java_script_enabled=False) as page:
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        page.goto(url(live_server, QUIZ_PATH))
        page.get_by_role("button", name="Start now").click()
        # Any answers will do: pick the first option of every group on every question.
        while page.get_by_role("button", name="Save and continue").count():
            for group in page.get_by_role("main").get_by_role("group").all():
                group.get_by_role("radio").or_(group.get_by_role("checkbox")).first.check()
            page.get_by_role("button", name="Save and continue").click()
        page.get_by_role("button", name="Submit answers").click()

        page.get_by_role("button", name="Reflect on this quiz").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Reflection on {QUIZ_TITLE}")
        expect(page.get_by_label(DESCRIBE, exact=True)).to_have_value(
            re.compile(rf"I took the quiz “{re.escape(QUIZ_TITLE)}” and scored \d+%")
        )
        expect(page.get_by_role("main")).to_contain_text(f"Prompted by: {QUIZ_TITLE}")


def test_a_manager_reads_a_shared_record_only_while_it_is_shared(browser, live_server, demo):
    with (
        page_in_new_context(browser) as page,
        page_in_new_context(browser, expected_error_status=404) as manager,
    ):
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        start_record(page, live_server)
        title = page.get_by_role("heading", level=1).inner_text()
        page.get_by_label(LEARNT, exact=True).fill("Text only my manager may read.")
        page.get_by_label(IMPACT, exact=True).fill("I will talk it through in supervision.")
        page.get_by_label("Time spent, in hours").fill("1")
        page.get_by_role("button", name="Complete record").click()
        expect(page.get_by_role("alert")).to_contain_text("Your record is complete")

        page.get_by_role("button", name="Share with my manager").click()
        expect(page.get_by_role("main")).to_contain_text("Grace Okafor")  # Asks first.
        page.get_by_role("button", name="Share this record").click()
        expect(page.get_by_role("alert")).to_contain_text("Your manager can now read this record")
        stop_sharing = page.get_by_role("button", name="Stop sharing with my manager")
        expect(stop_sharing).to_be_visible()

        sign_in_with_code(manager, live_server, MANAGER, demo["password"])
        manager.goto(url(live_server, "/reflections/shared/"))
        expect(
            manager.get_by_role("heading", name="Records shared with you", level=1)
        ).to_be_visible()
        assert_accessible(manager)
        manager.get_by_role("link", name=title, exact=True).click()
        expect(manager.get_by_role("heading", name=title, level=1)).to_be_visible()
        main = manager.get_by_role("main")
        expect(main).to_contain_text("Text only my manager may read.")
        expect(main).to_contain_text("Shared by Asha Patel")
        expect(main.get_by_role("button")).to_have_count(0)  # Read only.
        shared_url = manager.url

        stop_sharing.click()
        page.get_by_role("button", name="Stop sharing", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text(
            "Your manager can no longer read this record"
        )
        response = manager.goto(shared_url)
        assert response.status == 404
        expect(manager.get_by_role("main")).not_to_contain_text("Text only my manager may read.")


def test_autosave_warns_beside_the_field_and_announces_the_save_by_the_buttons(
    browser, live_server, demo
):
    for width, height in ((390, 844), (1280, 800)):
        with page_in_new_context(browser) as page:
            page.set_viewport_size({"width": width, "height": height})
            sign_in(page, live_server, PRACTITIONER, demo["password"])
            start_record(page, live_server)
            type_and_leave(page, LEARNT, f"I noted the NHS number {NHS_NUMBER} on my pad.")

            # The status is one polite live region, right after the buttons, and a copy
            # of it sits at the top of the form.
            status = autosave_status(page)
            expect(status).to_have_text(SAVED)
            expect(status).to_have_attribute("role", "status")
            assert status.evaluate(
                "e => e.previousElementSibling.classList.contains('govuk-button-group')"
            )
            expect(page.locator("[data-autosave-status-copy]")).to_have_text(SAVED)

            # The warning sits beside the field it is about, and nowhere else.
            warning = page.locator("#privacy-learning")
            expect(warning).to_contain_text("This may identify someone: an NHS number")
            expect(warning).to_contain_text(NHS_NUMBER)
            expect(page.locator("#privacy-impact")).to_be_empty()
            assert warning.evaluate(
                "e => e.previousElementSibling.contains(document.getElementById('id_learning'))"
            )
            # A warning blocks nothing: the draft was saved with the text.
            page.reload()
            expect(page.get_by_label(LEARNT, exact=True)).to_have_value(
                re.compile(re.escape(NHS_NUMBER))
            )
            expect(page.locator("#privacy-learning")).to_contain_text("an NHS number")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert_accessible(page)

            # Taking the number out clears the warning at the next save.
            page.wait_for_timeout(AFTER_LAST_SAVE_MS)
            page.get_by_label(LEARNT, exact=True).fill("I keep numbers out of my notes.")
            page.keyboard.press("Tab")
            expect(page.locator("#privacy-learning")).to_be_empty()


def test_autosave_does_not_blame_the_connection_when_the_server_fails(browser, live_server, demo):
    with context_with_console_check(browser, expected=["status of 500"]) as context:
        page = context.new_page()
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        start_record(page, live_server)
        page.route(
            "**/autosave/",
            lambda route: route.fulfill(status=500, content_type="text/html", body="<h1>Oops</h1>"),
        )
        type_and_leave(page, LEARNT, "Written while the server is failing.")
        expect(autosave_status(page)).to_have_text(
            "Not saved - something went wrong on our side. Select Save draft to try again."
        )
