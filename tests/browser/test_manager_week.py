"""A manager's week, in one browser run: home, the overdue, a reminder, a learner, assign,
download. Every page on the way: axe clean at 390 and 1280 px and no wider than the screen
(at 320 px too), as tests/browser/test_practitioner_day.py checks a practitioner's day.
"""

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import sign_in_with_code
from tests.browser.test_practitioner_day import PHONE, Journey
from tests.browser.test_training_journeys import SECOND_MODULE, add_second_module

pytestmark = pytest.mark.browser

MANAGER = "manager@example.com"
TEAM = "Children's services team A"
LEARNER, LEARNER_EMAIL = "Asha Patel", "practitioner1@example.com"
CHOSEN, CHOSEN_EMAIL = "Ciarán Murphy", "practitioner2@example.com"
SHARED, PRIVATE = "Shared: a friend request", "Private: my own thoughts"


def test_a_managers_week_from_the_team_summary_to_the_xlsx(page, live_server, demo, mailoutbox):
    from accounts.api import User
    from tests.reflections.factories import CompleteRecordFactory

    add_second_module()
    asha = User.objects.get(email=LEARNER_EMAIL)
    CompleteRecordFactory(owner=asha, title=SHARED, shared_with_manager=True)
    CompleteRecordFactory(owner=asha, title=PRIVATE)
    chosen = User.objects.get(email=CHOSEN_EMAIL)
    mailoutbox.clear()
    journey = Journey(page, live_server, None)
    page.set_viewport_size({"width": PHONE, "height": 900})
    main = page.get_by_role("main")

    # Signed in with the second factor, the manager lands on the team summary.
    sign_in_with_code(page, live_server, MANAGER, demo["password"])
    expect(main.get_by_role("heading", name="Your teams' training", level=2)).to_be_visible()
    journey.check("manager-home")

    # The overdue view, one click away.
    journey.click(main.get_by_role("link", name=re.compile(rf"overdue training \({TEAM}\)$")))
    expect(page.get_by_role("heading", name="Team training report", level=1)).to_be_visible()
    expect(page.get_by_label("Status")).to_have_value("overdue")
    journey.check("report-overdue")

    # One reminder, asked first, sent once however often the button is pressed.
    link = main.get_by_role("link", name=re.compile(r"^Send a reminder to .+ about .+$")).first
    person = re.match(
        r"^Send a reminder to (.+) about ", link.evaluate("e => e.textContent").strip()
    )[1]
    journey.click(link)
    journey.check("reminder-confirm")
    with page.expect_navigation():
        main.get_by_role("button", name="Send reminder").dblclick()
    expect(page.get_by_role("alert")).to_contain_text("1 reminder sent.")
    page.wait_for_load_state("networkidle")
    assert len(mailoutbox) == 1, [m.subject for m in mailoutbox]
    assert person in {u.get_full_name() for u in User.objects.filter(email__in=mailoutbox[0].to)}

    # A learner's page: their training and scores, and only the record they shared.
    journey.go("/team-training/")
    journey.click(main.get_by_role("link", name=LEARNER).first)
    expect(page.get_by_role("heading", level=1)).to_have_text(LEARNER)
    expect(main.get_by_role("link", name=SHARED)).to_be_visible()
    expect(main).not_to_contain_text(PRIVATE)
    journey.check("learner")

    # Assign the new module to one chosen person, with a due date: they are emailed.
    mailoutbox.clear()
    journey.go("/team-training/assignments/")
    journey.click(main.get_by_role("link", name=f"Assign a module to {TEAM}"))
    main.get_by_label(SECOND_MODULE).check()
    main.get_by_label("Only the people I choose").check()
    main.get_by_label("Find a person by name").fill(CHOSEN.split()[0])
    main.get_by_label(CHOSEN).check()
    due = dt.date.today() + dt.timedelta(days=30)
    main.get_by_label("Day").fill(str(due.day))
    main.get_by_label("Month").fill(str(due.month))
    main.get_by_label("Year").fill(str(due.year))
    journey.check("assign")
    journey.click(main.get_by_role("button", name="Assign"))
    expect(page.get_by_role("alert")).to_contain_text(f"{SECOND_MODULE} assigned")
    page.wait_for_load_state("networkidle")
    assert [m.to for m in mailoutbox] == [[chosen.email]]
    assert SECOND_MODULE in mailoutbox[0].body

    # The report as a spreadsheet: dates come back as dates.
    journey.go("/team-training/")
    with page.expect_download() as download:
        main.get_by_role("link", name="Excel (XLSX)").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    header = [cell.value for cell in sheet[1]]
    due_column = next(i for i, name in enumerate(header) if "due" in str(name).lower())
    due_dates = [row[due_column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(value, dt.datetime | dt.date) for value in due_dates), header
    assert not any(isinstance(value, str) for value in due_dates if value is not None)
