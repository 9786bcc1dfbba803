"""A manager sends a reminder from the team report: asked first, sent once even after a
double click, and listed on the "Reminders sent" page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_with_code, url

pytestmark = pytest.mark.browser

MANAGER = "manager@example.com"
PHONE, DESKTOP = 390, 1280


def check_both_widths(page):
    """Axe clean and nothing wider than the screen, on a phone and on a desktop."""
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"
        assert_accessible(page)


def test_a_manager_reminds_one_overdue_learner_once_despite_a_double_click(
    page, live_server, demo, mailoutbox
):
    # Loading the demo (once a session, maybe in this test) emailed its assignments.
    mailoutbox.clear()
    sign_in_with_code(page, live_server, MANAGER, demo["password"])
    page.goto(url(live_server, "/team-training/?status=overdue"))

    # Everyone overdue in this view: asked first, naming how many and which modules.
    page.get_by_role("button", name="Send a reminder to everyone overdue in this view").click()
    expect(
        page.get_by_role("heading", name=re.compile(r"^Send a reminder to \d+ people\?$"))
    ).to_be_visible()
    check_both_widths(page)
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", name="Team training report", level=1)).to_be_visible()
    assert mailoutbox == []

    # One person about one module, from their row.
    link = page.get_by_role("link", name=re.compile(r"^Send a reminder to .+ about .+$")).first
    label = link.evaluate("element => element.textContent").strip()
    person, module = re.match(r"^Send a reminder to (.+) about (.+)$", label).groups()
    link.click()
    expect(
        page.get_by_role("heading", name=f"Send a reminder to {person}?", level=1)
    ).to_be_visible()
    expect(page.get_by_text(module, exact=True)).to_be_visible()
    check_both_widths(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Send reminder").dblclick()
    expect(page.get_by_role("alert")).to_contain_text("1 reminder sent.")
    page.wait_for_load_state("networkidle")
    assert len(mailoutbox) == 1
    assert module in mailoutbox[0].subject

    # The log says who, which module, when and by whom.
    page.get_by_role("navigation", name="Team training").get_by_role(
        "link", name="Reminders sent"
    ).click()
    expect(page.get_by_role("heading", name="Reminders sent", level=1)).to_be_visible()
    first_row = page.get_by_role("table").get_by_role("row").nth(1)
    expect(first_row).to_contain_text(person)
    expect(first_row).to_contain_text(module)
    check_both_widths(page)
