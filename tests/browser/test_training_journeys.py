"""Training as a manager and a practitioner use it: assign, report, heatmap, do the module."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quizzes.blocks import RATING_SCALE
from tests.browser.conftest import assert_accessible, sign_in, sign_in_with_code, url

pytestmark = pytest.mark.browser

MANAGER = "manager@example.com"
PRACTITIONER = "practitioner2@example.com"  # the demo's "Not started" practitioner
MODULE = "Social media and professional boundaries"
HCPC_MODULE = "Using social media: the HCPC's guidance"
SECOND_MODULE = "Recording and confidentiality"
STATUSES = ("Not started", "In progress", "Completed", "Expires soon", "Overdue")


def add_second_module():
    """Publish another module, so the manager has something new to assign."""
    from learning.models import KnowledgeBitePage
    from training.models import TrainingIndexPage, TrainingModulePage

    index = TrainingIndexPage.objects.get()
    bite = KnowledgeBitePage.objects.live().first()
    module = index.add_child(
        instance=TrainingModulePage(
            title=SECOND_MODULE,
            slug="recording-and-confidentiality",
            summary="Read the bite.",
            estimated_minutes=20,
            steps=[{"type": "bite", "value": bite.id}],
        )
    )
    module.save_revision().publish()


def test_a_manager_assigns_a_module_reads_the_report_and_heatmap_and_downloads_the_csv(
    page, live_server, demo
):
    add_second_module()
    sign_in_with_code(page, live_server, MANAGER, demo["password"])
    page.goto(url(live_server, "/my-training/"))
    page.get_by_role("link", name="Your team's training report").click()

    expect(page.get_by_role("heading", name="Team training report", level=1)).to_be_visible()
    table = page.get_by_role("region", name="People and modules").get_by_role("table")
    for status in STATUSES:
        expect(table.get_by_text(status, exact=True).first).to_be_visible()
    expect(table.get_by_role("rowheader", name=re.compile("Asha Patel"))).to_be_visible()
    expect(page.get_by_role("img", name="Completions per week")).to_be_visible()
    assert_accessible(page)

    # Filter to the overdue: only the three people with overdue training are left.
    page.get_by_label("Status").select_option(label="Overdue")
    page.get_by_role("button", name="Apply").click()
    rows = page.get_by_role("region", name="People and modules").get_by_role("row")
    expect(rows).to_have_count(4)  # the header row and three people
    for index in range(1, 4):
        expect(rows.nth(index)).to_contain_text("Overdue")
    assert_accessible(page)

    # Assign the new module to the whole team, by keyboard.
    page.get_by_role("navigation", name="Team training").get_by_role(
        "link", name="Assignments"
    ).click()
    assert_accessible(page)
    page.get_by_role("link", name="Assign a module to Children's services team A").click()
    expect(page.get_by_role("heading", name="Assign a module", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Assign").click()  # nothing chosen: told what to fix
    expect(page.get_by_role("alert")).to_contain_text("Select a training module")
    assert_accessible(page)
    page.get_by_label(SECOND_MODULE).focus()
    page.keyboard.press("Space")
    page.get_by_label("Everyone in the team").check()
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2099")
    page.get_by_role("button", name="Assign").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(
        f"{SECOND_MODULE} assigned to Children's services team A, due by 1 March 2099"
    )
    expect(page.get_by_role("cell", name=SECOND_MODULE, exact=True)).to_be_visible()

    page.get_by_role("navigation", name="Team training").get_by_role(
        "link", name="Team report"
    ).click()
    expect(page.get_by_role("columnheader", name=SECOND_MODULE)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["Module"] for row in rows} == {MODULE, HCPC_MODULE, SECOND_MODULE}
    assert {row["Status"] for row in rows} == set(STATUSES)
    assert {row["Status"] for row in rows if row["Module"] == SECOND_MODULE} == {"Not started"}

    page.get_by_role("navigation", name="Team training").get_by_role(
        "link", name="Standards heatmap"
    ).click()
    expect(page.get_by_role("heading", name="Standards heatmap", level=1)).to_be_visible()
    heatmap = page.get_by_role("table")
    expect(heatmap.get_by_role("columnheader", name="Correct")).to_be_visible()
    expect(heatmap.get_by_role("rowheader").first).to_be_visible()
    assert_accessible(page)


def pass_quiz_in_the_browser(page):
    """Answer each question with the key (read from the attempt's snapshot) and submit."""
    from quizzes.models import Attempt

    page.get_by_role("button", name="Start now").click()
    attempt = Attempt.objects.filter(user__email=PRACTITIONER).latest("started_at")
    ratings = {str(value): str(label) for value, label in RATING_SCALE}
    for question in attempt.snapshot["questions"]:
        main = page.get_by_role("main")
        if question["type"] == "situational_judgement":
            for option in question["options"]:
                group = main.get_by_role("group", name=re.compile(re.escape(option["text"][:40])))
                group.get_by_label(ratings[str(option["expert_rating"])], exact=True).check()
        else:
            for option in question["options"]:
                if option["correct"]:
                    main.get_by_label(option["text"], exact=True).check()
        page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Submit answers").click()


def test_a_practitioner_completes_the_module_step_by_step(page, live_server, demo):
    sign_in(page, live_server, PRACTITIONER, demo["password"])
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My training").click()
    expect(page.get_by_role("heading", name="My training", level=1)).to_be_visible()
    expect(page.get_by_text("You have completed 0 of 2")).to_be_visible()
    task = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=MODULE))
    expect(task).to_contain_text("Not started")
    assert_accessible(page)

    task.get_by_role("link", name=MODULE).click()
    page.get_by_role("link", name="Read: Social workers - social media").click()
    page.get_by_role("button", name="I have read this").click()
    page.goto(url(live_server, "/my-training/"))
    expect(task).to_contain_text("In progress")

    task.get_by_role("link", name=MODULE).click()
    page.get_by_role("link", name=re.compile(r"^Pass: ")).click()
    pass_quiz_in_the_browser(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto(url(live_server, "/my-training/"))
    task.get_by_role("link", name=MODULE).click()
    expect(page.get_by_role("heading", name="You have done 2 of 3 steps")).to_be_visible()
    page.get_by_role("button", name="Record your reflection").click()
    for textarea in page.get_by_role("main").get_by_role("textbox").all():
        if textarea.evaluate("e => e.tagName") == "TEXTAREA" and not textarea.input_value():
            textarea.fill("Keeping my accounts private protects the people I support.")
    page.get_by_role("button", name="Complete record").click()
    expect(page.get_by_role("alert")).to_contain_text("Your record is complete")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My training").click()
    expect(page.get_by_text("You have completed 1 of 2")).to_be_visible()
    expect(task).to_contain_text("Completed")
    assert_accessible(page)


def test_an_administrator_prepares_and_downloads_the_report_of_every_team(page, live_server, demo):
    from tests.accounts.factories import TeamFactory, UserFactory

    for n in range(5):  # six teams in all: more than one page's worth, so a summary first
        TeamFactory(name=f"Adult services team {n + 1}", members=[UserFactory()])
    sign_in_with_code(page, live_server, "admin@example.com", demo["password"])
    page.goto(url(live_server, "/team-training/"))
    expect(
        page.get_by_role("heading", name="Training across the organisation", level=1)
    ).to_be_visible()
    assert_accessible(page)

    # The same file was asked for a moment ago (another tab) and is still being prepared:
    # pressing the button again finds it rather than starting another.
    from accounts.models import Team, User
    from core.prepared_files.services import prepared_file_render
    from tests.training.factories import ReportFileFactory
    from training.files import REPORT_FILES

    waiting = ReportFileFactory(
        owner=User.objects.get(email="admin@example.com"),
        team_ids=sorted(Team.objects.values_list("id", flat=True)),
    )
    page.get_by_label("CSV").check()
    page.get_by_role("button", name="Prepare the file").click()
    expect(page.get_by_role("heading", name="Preparing your file", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("This page checks again by itself")
    assert_accessible(page)
    # The worker finishes; the page, asking every 5 seconds, shows it in place and moves
    # focus to the new heading, which a screen reader then reads out.
    prepared_file_render(kind=REPORT_FILES, file_id=waiting.id)
    ready = page.get_by_role("heading", name="Your file is ready", level=1)
    expect(ready).to_be_visible(timeout=15_000)
    expect(ready).to_be_focused()
    expect(page).to_have_title(re.compile("^Your file is ready"))
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the training report as CSV").click()
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["Team"] for row in rows} == {
        "Children's services team A"
    }  # the others: none assigned
    assert {row["Status"] for row in rows} == set(STATUSES)

    page.get_by_role("link", name="Back to the training report").click()
    files = page.get_by_role("table", name="Your files")
    expect(files.get_by_role("link", name=re.compile("^Ready"))).to_be_visible()
    assert_accessible(page)
