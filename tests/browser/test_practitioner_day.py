"""A practitioner's day, once per regulator: home, read, quiz, reflect, retake, complete, export.

Each journey is a new practitioner who joins the demo team (so the demo's two modules are
theirs to do), registered with one of the four regulators. Every page on the way is checked
at phone width (390 px) and desktop width (1280 px): axe clean and nothing wider than the
screen; and at 320 px, nothing wider than the screen (WCAG 2.2 1.4.10, reflow). The quiz
is answered from the attempt's own key (options are shuffled per attempt): wrongly first,
then rightly.

With JOURNEY_SCREENSHOTS set to a folder, the Social Work England journey saves a small
screenshot of each step there (docs/journeys/ holds the ones committed).
"""

import os
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, url

BITE_TITLE = "Social workers - social media"
MODULE = "Social media and professional boundaries"
QUIZ_TITLE = "Check your understanding: social media"
QUESTION_HEADING = re.compile(r"^Question (\d+) of (\d+)$")
NARROWEST, PHONE, DESKTOP = 320, 390, 1280
SCREENSHOTS = os.environ.get("JOURNEY_SCREENSHOTS", "")

# regulator: (how the home names it, profession, the export layout to ask for). The HCPC
# profile needs 4 to 6 activities for its statement, more than a first day gives, so the
# HCPC registrant exports every field instead.
REGULATORS = {
    "swe": ("Social Work England", "social_worker", "Social Work England CPD record"),
    "hcpc": ("Health and Care Professions Council", "other", "Every field of each record"),
    "niscc": ("Northern Ireland Social Care Council", "social_worker", "NISCC PRTL summary"),
    "scw": ("Social Care Wales", "social_care_worker", "Social Care Wales CPD record"),
}


class Journey:
    """Walks the pages at phone width, checking each at both widths, and keeps screenshots."""

    def __init__(self, page, live_server, shots):
        self.page = page
        self.live_server = live_server
        self.shots = shots
        self.step = 0

    def check(self, name):
        """Check the page at both widths (axe, no sideways scrolling) and that it reflows
        at 320 px (WCAG 1.4.10); screenshot it at phone width."""
        page = self.page
        for width in (NARROWEST, DESKTOP, PHONE):
            page.set_viewport_size({"width": width, "height": 900})
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"
            if width != NARROWEST:
                assert_accessible(page)
        if self.shots:
            self.step += 1
            self.shots.mkdir(parents=True, exist_ok=True)
            path = self.shots / f"{self.step:02d}-{name}.png"
            page.screenshot(path=path)
            # 256 colours are plenty for these pages and keep docs/journeys small.
            Image.open(path).quantize(colors=256).save(path, optimize=True)

    def go(self, path):
        self.page.goto(url(self.live_server, path))

    def click(self, locator):
        with self.page.expect_navigation():
            locator.click()


def join_demo_team(regulator, profession):
    """Make a practitioner registered with the regulator, in the demo team; return the email."""
    from accounts.api import DEMO_TEAM, Team
    from accounts.demo import demo_password
    from tests.accounts.factories import RegistrationFactory, UserFactory

    user = UserFactory(
        email=f"journey-{regulator}@example.com",
        first_name="Jo",
        last_name="Journey",
        password=demo_password(),
    )
    RegistrationFactory(user=user, regulator=regulator, profession=profession)
    Team.objects.get(name=DEMO_TEAM).members.add(user)
    return user.email


def attempt_on(page):
    from quizzes.models import Attempt

    match = re.search(r"/quizzes/attempts/(\d+)/", page.url)
    assert match, f"Not an attempt page: {page.url}"
    return Attempt.objects.get(id=int(match[1]))


def answer_question(page, question, *, rightly):
    """Answer one question page from the snapshot's key, rightly or wrongly, by label."""
    main = page.get_by_role("main")
    options = question["options"]
    if question["type"] == "single_best_answer":
        choice = next(o for o in options if o["correct"] == rightly)
        main.get_by_label(choice["text"], exact=True).check()
    elif question["type"] == "multiple_response":
        for option in options:
            if option["correct"] == rightly:
                main.get_by_label(option["text"], exact=True).check()
    else:
        from quizzes.blocks import RATING_SCALE

        labels = dict(RATING_SCALE)
        for number, option in enumerate(options, 1):
            rating = option["expert_rating"] if rightly else 5 - option["expert_rating"]
            group = main.get_by_role("group", name=f"Response {number}: {option['text']}")
            group.get_by_label(str(labels[rating]), exact=True).check()
    confidence = main.get_by_role("group", name="How sure are you of your answer?")
    if confidence.count():
        confidence.get_by_label("Fairly sure").check()


def take_quiz(journey, *, rightly):
    """From the quiz page's start button to the result page; return the attempt."""
    page = journey.page
    journey.click(page.get_by_role("button", name=re.compile("Start now|Try again")))
    attempt = attempt_on(page)
    while (heading := page.get_by_role("heading", level=1).inner_text().strip()) and (
        match := QUESTION_HEADING.match(heading)
    ):
        number = int(match[1])
        answer_question(page, attempt.snapshot["questions"][number - 1], rightly=rightly)
        journey.click(page.get_by_role("button", name="Save and continue"))
    journey.click(page.get_by_role("button", name="Submit answers"))
    return attempt


def complete_records(page):
    """The count of complete records on the home's "Where you stand" card."""
    card = (
        page.get_by_role("main")
        .locator(".govuk-summary-card")
        .filter(has=page.get_by_role("heading", name=re.compile("^Where you stand with ")))
    )
    row = card.locator(".govuk-summary-list__row").filter(has_text="Complete records")
    return int(row.locator("dd").inner_text().strip())


@pytest.mark.parametrize("regulator", list(REGULATORS))
def test_a_practitioners_day_from_the_home_page_to_a_shared_record(
    page, live_server, demo, regulator
):
    from reflections.reflective_models import MODELS

    name, profession, layout = REGULATORS[regulator]
    email = join_demo_team(regulator, profession)
    shots = Path(SCREENSHOTS) if SCREENSHOTS and regulator == "swe" else None
    journey = Journey(page, live_server, shots)
    page.set_viewport_size({"width": PHONE, "height": 900})
    main = page.get_by_role("main")

    # Signed in, the home says what is overdue and what is due, with dates.
    sign_in(page, live_server, email, demo["password"])
    expect(page).to_have_url(url(live_server, "/"))
    expect(main.get_by_role("heading", name="Your training", exact=True)).to_be_visible()
    expect(main.get_by_text("Overdue", exact=True)).to_be_visible()
    expect(main.get_by_text(re.compile(r"Was due by \d+ \w+ \d{4}"))).to_be_visible()
    expect(main.get_by_text(re.compile(r"^\s*Due by \d+ \w+ \d{4}"))).to_be_visible()
    expect(main.get_by_role("heading", name=f"Where you stand with {name}")).to_be_visible()
    records_before = complete_records(page)
    journey.check("home")

    # The module, and the bite it asks for, read.
    journey.click(main.get_by_role("link", name=MODULE))
    expect(page.get_by_role("heading", name=MODULE, level=1)).to_be_visible()
    expect(main.get_by_role("heading", name="You have done 0 of 3 steps")).to_be_visible()
    journey.check("module")
    journey.click(main.get_by_role("link", name=f"Read: {BITE_TITLE}"))
    expect(page.get_by_role("heading", name=BITE_TITLE, level=1)).to_be_visible()
    journey.check("bite")
    journey.click(main.get_by_role("button", name="I have read this"))

    # The quiz, failed: a summary of what was missed, and what to do next.
    journey.click(main.get_by_role("link", name=QUIZ_TITLE))
    journey.check("quiz")
    first = take_quiz(journey, rightly=False)
    expect(page.get_by_role("heading", name="You did not pass this time")).to_be_visible()
    expect(main.get_by_role("heading", name="Questions you missed", exact=True)).to_be_visible()
    expect(main.get_by_role("link", name=re.compile("^Back to the module"))).to_be_visible()
    expect(main.get_by_role("button", name="Try again")).to_be_visible()
    journey.check("quiz-not-passed")
    result_path = f"/quizzes/attempts/{first.id}/"

    # Reflect on the first missed question: the record names the question, not the scenario,
    # and asks the questions of the learner's regulator's reflective model.
    journey.click(main.get_by_role("button", name="Reflect on this question (question 1)"))
    question = first.snapshot["questions"][0]
    expect(main).to_contain_text(question["prompt"])
    model = MODELS[regulator]
    for prompt in (model.description, model.learning, model.impact):
        expect(page.get_by_label(str(prompt.label), exact=True)).to_be_visible()
    journey.check("record-from-question")
    page.get_by_label(str(model.learning.label), exact=True).fill(
        "A request from someone I supported is a boundary question first, not a social one."
    )
    page.get_by_label(str(model.impact.label), exact=True).fill(
        "I will decline such requests politely and tell my supervisor when one arrives."
    )
    page.get_by_label("Time spent, in hours").fill("0.5")
    journey.click(main.get_by_role("button", name="Complete record"))
    expect(page.get_by_role("alert")).to_contain_text("Your record is complete")
    journey.check("record-complete")
    record_url = page.url

    # Back to the result: try again, pass, and the module is complete.
    journey.go(result_path)
    take_quiz(journey, rightly=True)
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()
    journey.check("quiz-passed")
    journey.click(main.get_by_role("link", name=re.compile("^Back to the module")))
    expect(main.get_by_role("heading", name="You have done every step")).to_be_visible()
    journey.check("module-complete")

    # The home: the module is no longer to do, and the CPD standing counts the record.
    journey.go("/")
    expect(main.get_by_role("link", name=MODULE)).to_have_count(0)
    assert complete_records(page) == records_before + 1
    journey.check("home-after")

    # Export the record as the regulator's form, as a PDF.
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("button", name="Menu").click()  # Folded away at phone width.
    journey.click(menu.get_by_role("link", name="My CPD"))
    journey.check("my-cpd")
    journey.click(main.get_by_role("link", name="Export your CPD records (PDF, CSV or JSON)"))
    page.get_by_label("PDF document").check()
    page.get_by_label(layout).check()
    records = page.get_by_role("group", name="Records").get_by_role("checkbox")
    for index in range(records.count()):
        records.nth(index).check()
    journey.check("export")
    journey.click(main.get_by_role("button", name="Prepare the export"))
    expect(page.get_by_role("heading", name="Your export is ready")).to_be_visible()
    journey.check("export-ready")
    with page.expect_download() as download:
        main.get_by_role("link", name=re.compile(r"^Download ")).click()
    assert download.value.suggested_filename.endswith(".pdf")

    # Share the record: the confirmation names the manager and what they will see.
    page.goto(record_url)
    journey.click(main.get_by_role("button", name="Share with my manager"))
    expect(page.get_by_role("heading", name="Share this record with your manager?")).to_be_visible()
    expect(main).to_contain_text("manager@example.com")
    journey.check("share")
    journey.click(main.get_by_role("button", name="Share this record"))
    expect(page.get_by_role("alert")).to_be_visible()
    expect(main.get_by_role("button", name="Stop sharing with my manager")).to_be_visible()
    journey.check("shared")

    # Sign out, and be told so.
    menu.get_by_role("button", name="Menu").click()
    journey.click(menu.get_by_role("button", name="Sign out"))
    expect(page.get_by_role("heading", name="You have signed out")).to_be_visible()
    journey.check("signed-out")
