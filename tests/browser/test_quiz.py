"""The demo scenario quiz in Chromium: by keyboard alone, axe on every page, and without JavaScript.

The helpers read each question page as a screen-reader user meets it: one group (fieldset)
per answer, holding radios or checkboxes. They never assume the demo's question count or
its option order (options are shuffled per attempt), so the score may differ between runs;
the assertions do not depend on it.
"""

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEFAULT_TIMEOUT_MS, assert_accessible, sign_in, url

BITE_PATH = "/knowledge-bites/social-workers-social-media/"
QUIZ_PATH = f"{BITE_PATH}check-your-understanding/"
QUIZ_TITLE = "Check your understanding: social media"
PRACTITIONER = "practitioner1@example.com"
NEW_LEARNER = "practitioner2@example.com"  # Has no quiz attempts in the demo.
QUESTION_HEADING = re.compile(r"^Question (\d+) of (\d+)$")
CHECK_HEADING = "Check your answers before you submit"
RESULT_HEADING = re.compile(r"^(You passed|You did not pass this time)$")
CONFIDENCE_LEGEND = "How sure are you of your answer?"
MAX_TABS = 200


def has_focus(locator):
    """Return True when the element the locator finds, or one inside it, has focus."""
    return locator.evaluate("element => element.contains(document.activeElement)")


def tab_to(page, locator):
    """Press Tab until the element the locator finds (or one inside it) has focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if has_focus(locator):
            return
    pytest.fail(f"Tab never reached {locator}")


def press_and_wait(page, key):
    """Press a key that leaves the page (a link or a submit button) and wait for the next."""
    with page.expect_navigation():
        page.keyboard.press(key)


def answer_groups(page):
    """Return the question page's answer groups (fieldsets) as (group, "radio"|"checkbox")."""
    groups = page.get_by_role("main").get_by_role("group")
    return [
        (group, "checkbox" if group.get_by_role("checkbox").count() else "radio")
        for group in (groups.nth(index) for index in range(groups.count()))
    ]


def question_type(page, groups):
    """Name the question type from the inputs a reader meets, as the quiz's blocks name it."""
    if any(kind == "checkbox" for _, kind in groups):
        return "multiple_response"
    radio_groups = sum(kind == "radio" for _, kind in groups)
    # A quiz may also ask how sure the learner is: one more radio group, not a response.
    radio_groups -= page.get_by_role("group", name=CONFIDENCE_LEGEND).count()
    return "situational_judgement" if radio_groups > 1 else "single_best_answer"


def focused_is_checked(page):
    return page.evaluate("() => document.activeElement.checked === true")


def choose_radio_by_keyboard(page, group):
    """Tab into a radio group, move with the arrow key and select with Space.

    Tab lands on the checked radio, or the first when none is; ArrowDown moves to the next
    (so a second pass changes the answer), and Space selects the radio that has focus.
    """
    tab_to(page, group)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert focused_is_checked(page), "Space did not select the focused radio"


def tick_checkboxes_by_keyboard(page, group, how_many=2):
    """Tab to the group's first checkboxes and tick each with Space."""
    tab_to(page, group)
    for position in range(how_many):
        if position:
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        assert focused_is_checked(page), "Space did not tick the focused checkbox"


def answer_by_keyboard(page):
    """Answer every group on the question page by keyboard; return the question type."""
    groups = answer_groups(page)
    assert groups, f"No answer groups on {page.url}"
    for group, kind in groups:
        if kind == "checkbox":
            tick_checkboxes_by_keyboard(page, group)
        else:
            choose_radio_by_keyboard(page, group)
    return question_type(page, groups)


def save_and_continue_by_keyboard(page):
    tab_to(page, page.get_by_role("button", name="Save and continue"))
    press_and_wait(page, "Enter")


def question_number(page):
    """Return (number, total) from the "Question N of M" heading, or None on another page."""
    match = QUESTION_HEADING.match(page.get_by_role("heading", level=1).inner_text().strip())
    return (int(match[1]), int(match[2])) if match else None


def assert_error_summary(page):
    expect(page).to_have_title(re.compile(r"^Error:"))
    problem = page.get_by_role("alert")
    expect(problem.get_by_role("heading", name="There is a problem")).to_be_visible()
    return problem


def attempt_id(page):
    match = re.search(r"/quizzes/attempts/(\d+)/", page.url)
    assert match, f"Not an attempt page: {page.url}"
    return int(match[1])


@contextmanager
def page_in_new_context(browser, *, expected_error_status=None, **context_options):
    """Yield a page in its own browser context, failing on script errors as `page` does.

    For what conftest's `page` cannot do: a context with other options (no JavaScript), or a
    page that provokes an error status on purpose, which Chromium reports on the console.
    """
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", **context_options
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    errors = []
    expected = f"status of {expected_error_status}" if expected_error_status else None
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}")
            if message.type == "error" and not (expected and expected in message.text)
            else None
        ),
    )
    try:
        yield page
    finally:
        context.close()
    assert not errors, "The browser reported errors:\n" + "\n".join(errors)


def test_a_learner_takes_the_demo_quiz_by_keyboard_alone_and_every_page_passes_axe(
    page, live_server, demo
):
    sign_in(page, live_server, PRACTITIONER, demo["password"])
    page.goto(url(live_server, BITE_PATH))
    section = page.get_by_role("region", name="Check your understanding")
    expect(section).to_be_visible()
    assert_accessible(page)

    tab_to(page, section.get_by_role("link", name=QUIZ_TITLE))
    press_and_wait(page, "Enter")
    expect(page.get_by_role("heading", name=QUIZ_TITLE, level=1)).to_be_visible()
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Start now"))
    press_and_wait(page, "Enter")
    expect(page.get_by_role("heading", name=QUESTION_HEADING, level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Back", exact=True)).to_be_visible()

    # Saving with nothing chosen shows the GOV.UK error summary, which takes focus.
    save_and_continue_by_keyboard(page)
    problem = assert_error_summary(page)
    expect(problem.get_by_role("link")).not_to_have_count(0)
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_accessible(page)

    types = {}
    while (position := question_number(page)) is not None:
        number, total = position
        assert number == len(types) + 1, f"Expected question {len(types) + 1}, got {number}"
        kind = answer_by_keyboard(page)
        if kind not in types.values():
            assert_accessible(page)  # Once per question type, answers chosen.
        types[number] = kind
        save_and_continue_by_keyboard(page)
    assert len(types) == total
    assert set(types.values()) == {
        "single_best_answer",
        "multiple_response",
        "situational_judgement",
    }, f"The demo should have every question type: {types}"

    expect(page.get_by_role("heading", name=CHECK_HEADING, level=1)).to_be_visible()
    assert_accessible(page)

    # Change one single-best-answer question: ArrowDown picks the next option.
    changed = next(number for number, kind in types.items() if kind == "single_best_answer")
    change = page.get_by_role("link", name=f"Change question {changed}", exact=True)
    row = page.locator(".govuk-summary-list__row").filter(has=change)
    before = row.get_by_role("definition").first.inner_text()
    tab_to(page, change)
    press_and_wait(page, "Enter")
    expect(page.get_by_role("heading", name=f"Question {changed} of {total}")).to_be_visible()
    (group, _), *_ = answer_groups(page)
    choose_radio_by_keyboard(page, group)
    save_and_continue_by_keyboard(page)
    expect(page.get_by_role("heading", name=CHECK_HEADING, level=1)).to_be_visible()
    expect(row.get_by_role("definition").first).not_to_have_text(before)

    tab_to(page, page.get_by_role("button", name="Submit answers"))
    press_and_wait(page, "Enter")
    expect(page.get_by_role("heading", name=RESULT_HEADING, level=1)).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text(re.compile(r"Your score: \d+%"))
    expect(main.get_by_role("heading", name="Summary", level=2)).to_be_visible()
    # Every question has its feedback: open when missed, in a closed details when right.
    expect(main.locator(f"#question-{total}")).to_have_count(1)
    expect(main.get_by_text("Feedback", exact=True)).not_to_have_count(0)
    expect(main.locator("a", has_text=re.compile(r" standard "))).not_to_have_count(0)
    assert_accessible(page)

    menu = page.get_by_role("navigation", name="Menu")
    tab_to(page, menu.get_by_role("link", name="My quiz results"))
    press_and_wait(page, "Enter")
    expect(page.get_by_role("heading", name="My quiz results", level=1)).to_be_visible()
    results = page.get_by_role("table", name="Your submitted quiz attempts, newest first")
    # Chromium puts a space before the visually hidden ", attempt 1": the span is positioned.
    attempt_link = re.compile(rf"^{re.escape(QUIZ_TITLE)} ?, attempt 1$")
    expect(results.get_by_role("link", name=attempt_link)).to_be_visible()
    assert_accessible(page)


def test_the_quiz_pages_pass_axe_signed_out_before_any_result_and_with_missing_answers(
    browser, live_server, demo
):
    with page_in_new_context(browser, expected_error_status=400) as page:
        page.goto(url(live_server, BITE_PATH))
        section = page.get_by_role("region", name="Check your understanding")
        expect(section).to_contain_text(re.compile(r"Test your judgement on \d+ scenarios"))
        section.get_by_role("link", name=QUIZ_TITLE).click()
        expect(page.get_by_role("heading", name=QUIZ_TITLE, level=1)).to_be_visible()
        expect(page.get_by_role("button", name="Start now")).to_have_count(0)
        assert_accessible(page)

        # Signing in from the quiz page comes back to it, ready to start.
        page.get_by_role("link", name="Sign in to take this quiz").click()
        page.get_by_label("Email address").fill(NEW_LEARNER)
        page.get_by_label("Password").fill(demo["password"])
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name=QUIZ_TITLE, level=1)).to_be_visible()
        expect(page.get_by_role("button", name="Start now")).to_be_visible()
        assert_accessible(page)

        menu = page.get_by_role("navigation", name="Menu")
        menu.get_by_role("link", name="My quiz results").click()
        expect(page.get_by_role("heading", name="My quiz results", level=1)).to_be_visible()
        expect(page.get_by_role("main")).to_contain_text("You have not submitted a quiz yet.")
        assert_accessible(page)

        page.goto(url(live_server, QUIZ_PATH))
        page.get_by_role("button", name="Start now").click()
        expect(page.get_by_role("heading", name=QUESTION_HEADING, level=1)).to_be_visible()

        # Skip every question: straight to the check page, then submit.
        page.goto(url(live_server, f"/quizzes/attempts/{attempt_id(page)}/check/"))
        expect(page.get_by_role("heading", name=CHECK_HEADING, level=1)).to_be_visible()
        expect(page.get_by_role("link", name="Answer question 1", exact=True)).to_be_visible()
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Submit answers").click()
        assert navigation.value.status == 400
        problem = assert_error_summary(page)
        expect(problem).to_contain_text("Answer every question before you submit")
        assert_accessible(page)


def test_a_question_is_answered_and_the_next_one_shown_without_javascript(
    browser, live_server, demo
):
    with page_in_new_context(browser, java_script_enabled=False) as page:
        sign_in(page, live_server, PRACTITIONER, demo["password"])
        page.goto(url(live_server, QUIZ_PATH))
        page.get_by_role("button", name="Start now").click()
        expect(page.get_by_role("heading", name=QUESTION_HEADING, level=1)).to_be_visible()
        number, total = question_number(page)
        assert total > 1, "The demo quiz should have more than one question"

        for group in page.get_by_role("main").get_by_role("group").all():
            group.get_by_role("radio").or_(group.get_by_role("checkbox")).first.check()
        page.get_by_role("button", name="Save and continue").click()

        expect(
            page.get_by_role("heading", name=f"Question {number + 1} of {total}", level=1)
        ).to_be_visible()


# A failed quiz leads somewhere: a summary, links to what was missed, try again, the module.

MODULE_TITLE = "Social media and professional boundaries"
MODULE_PATH = "/training/social-media-and-professional-boundaries/"
RATING_LABELS = {
    4: "Very appropriate",
    3: "Appropriate, but not ideal",
    2: "Inappropriate, but not awful",
    1: "Very inappropriate",
}
WIDTHS = (390, 1280)


def snapshot_question(attempt, number):
    from quizzes.models import Attempt

    return Attempt.objects.get(id=attempt).snapshot["questions"][number - 1]


def answer_from_the_key(page, question, right):
    """Answer a question page by its labels, right or wrong, reading the key from the attempt."""
    if question["type"] == "situational_judgement":
        for position, option in enumerate(question["options"], 1):
            rating = option["expert_rating"] if right else 5 - option["expert_rating"]
            group = page.get_by_role("group", name=f"Response {position}: {option['text']}")
            group.get_by_label(RATING_LABELS[rating], exact=True).check()
        return
    chosen = [o for o in question["options"] if bool(o["correct"]) == right]
    if question["type"] == "single_best_answer":
        chosen = chosen[:1]
    for option in chosen:
        page.get_by_label(option["text"], exact=True).check()


def assert_fits(page, width):
    """Check the page has no sideways scrolling at this width."""
    page.set_viewport_size({"width": width, "height": 900})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width}px wide at {width}px"


def assert_accessible_and_fits(page):
    for width in WIDTHS:
        assert_fits(page, width)
        assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_failed_quiz_summarises_what_was_missed_and_leads_to_another_try_and_the_module(
    page, live_server, demo
):
    from quizzes.models import Attempt

    sign_in(page, live_server, NEW_LEARNER, demo["password"])
    page.goto(url(live_server, QUIZ_PATH))
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", name=QUESTION_HEADING, level=1)).to_be_visible()
    attempt = attempt_id(page)

    # Only the first question right: a fail.
    seen_types = set()
    while (position := question_number(page)) is not None:
        number, total = position
        question = snapshot_question(attempt, number)
        if question["type"] == "multiple_response":
            hint = page.get_by_role("main").get_by_text("Select all that apply.")
            expect(hint).to_have_count(1)
        if question["type"] not in seen_types:
            seen_types.add(question["type"])
            assert_accessible_and_fits(page)
        answer_from_the_key(page, question, right=number == 1)
        with page.expect_navigation():
            page.get_by_role("button", name="Save and continue").click()
    assert total > 2, "The demo quiz should have more than two questions"
    expect(page.get_by_role("heading", name=CHECK_HEADING, level=1)).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text(re.compile(r"\.: (Very|Appropriate|In)"))
    page.get_by_role("button", name="Submit answers").click()

    # The summary comes first: score, pass mark, and a link per missed question.
    expect(page.get_by_role("heading", name="You did not pass this time", level=1)).to_be_visible()
    main = page.get_by_role("main")
    summary = main.locator("dl").first
    expect(summary).to_contain_text(re.compile(r"Score\s*\d+(\.\d{1,2})? out of \d+ \(\d+%\)"))
    expect(summary).to_contain_text("Pass mark")
    expect(summary).to_contain_text("70%")
    expect(summary).to_contain_text(f"1 of {total}")
    expect(main).not_to_contain_text(re.compile(r"\d\.\d0 out of"))
    missed = main.get_by_role("list", name="Questions you missed").get_by_role("link")
    expect(missed).to_have_count(total - 1)
    expect(missed.first).to_have_attribute("href", "#question-2")
    # The right one is collapsed; the missed ones are open, each with its own reflect button.
    right = main.locator("details#question-1")
    expect(right).not_to_have_attribute("open", "")
    expect(main.get_by_role("button", name=re.compile(r"^Reflect on this question"))).to_have_count(
        total - 1
    )
    expect(main.get_by_role("button", name="Reflect on this quiz")).to_be_visible()
    assert_accessible_and_fits(page)

    missed.first.click()
    expect(page).to_have_url(re.compile(r"#question-2$"))
    expect(main.locator("#question-2").get_by_role("heading", level=3)).to_be_in_viewport()
    right.locator("summary").click()
    expect(right).to_have_attribute("open", "")
    assert_accessible_and_fits(page)

    # Chromium puts a space before the visually hidden ": <title>", as for "attempt 1" above.
    back = main.get_by_role("link", name=re.compile(rf"^Back to the module ?: {MODULE_TITLE}$"))
    expect(back).to_have_attribute("href", MODULE_PATH)
    back.click()
    expect(page.get_by_role("heading", name=MODULE_TITLE, level=1)).to_be_visible()

    page.go_back()
    expect(page.get_by_role("heading", name="You did not pass this time", level=1)).to_be_visible()
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", name=f"Question 1 of {total}", level=1)).to_be_visible()
    new_attempt = attempt_id(page)
    assert new_attempt != attempt
    assert Attempt.objects.get(id=new_attempt).number == 2
