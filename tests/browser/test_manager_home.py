"""A manager's way in: the second factor, the home's team summary, the overdue people.

And the header for every role: at most two rows at 1280 px (the service name and the
account links, then the sections), every item in the Menu toggle at 390 px.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_in_with_code, url

MANAGER = "manager@example.com"
TEAM = "Children's services team A"
PHONE, DESKTOP = 390, 1280
# The demo's overdue people: the HCPC guidance module was due 2 weeks ago (README.md).
OVERDUE = ["Asha Patel", "Ciarán Murphy", "Daniel Osei"]


def check_both_widths(page):
    """Axe clean and no sideways scrolling at phone and desktop width; end at desktop."""
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"
        assert_accessible(page)


def header_rows(page):
    """Return the service navigation's height in rows: its height over the service name's
    (one row: the name's box is as tall as a row of links)."""
    return page.evaluate(
        """() => {
            const box = (selector) => document.querySelector(selector).getBoundingClientRect();
            return box('.govuk-service-navigation').height
                / box('.govuk-service-navigation__service-name').height;
        }"""
    )


def test_a_manager_lands_on_the_team_summary_and_opens_the_overdue_people(page, live_server, demo):
    sign_in_with_code(page, live_server, MANAGER, demo["password"])
    assert page.url == url(live_server, "/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Your teams' training", level=2)).to_be_visible()
    card = main.locator(".app-team-card").filter(has=page.get_by_role("heading", name=TEAM))
    expect(card).to_contain_text("People in the team")
    # Above the manager's own training.
    headings = main.get_by_role("heading", level=2).all_inner_texts()
    assert headings.index("Your teams' training") < headings.index("Your training")
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Team training")).to_be_visible()
    assert header_rows(page) < 2.5
    check_both_widths(page)

    overdue = card.get_by_role("link", name=f"3 people with overdue training ({TEAM})")
    expect(overdue).to_have_text(re.compile(r"^3 people"))
    expiring = re.compile(r"^1 person with training expiring in 30 days")
    expect(card.get_by_role("link", name=expiring)).to_have_count(1)
    with page.expect_navigation():
        overdue.click()
    expect(page.get_by_role("heading", name="Team training report", level=1)).to_be_visible()
    expect(page.get_by_label("Status")).to_have_value("overdue")
    people = page.get_by_role("region", name="People and modules").get_by_role("rowheader")
    expect(people).to_have_count(3)
    for name, person in zip(OVERDUE, people.all(), strict=True):
        expect(person).to_contain_text(name)
    # "Team training" is marked as the section the report belongs to.
    expect(menu.get_by_role("link", name="Team training")).to_have_attribute("aria-current", "page")
    assert_accessible(page)


ROLES = {
    # email: (signs in with a code, sees "Team training")
    "practitioner1@example.com": (False, False),
    "manager@example.com": (True, True),
    "editor@example.com": (False, False),
    "admin@example.com": (True, True),
}
EVERYONES_ITEMS = [
    "Knowledge bites",
    "Standards",
    "Search",
    "My training",
    "My CPD",
    "My quiz results",
]
ACCOUNT_ITEMS = ["Your account", "Sign out"]


@pytest.mark.parametrize("email", ROLES)
def test_the_header_fits_two_rows_and_every_item_is_in_the_menu(page, live_server, demo, email):
    with_code, team_training = ROLES[email]
    (sign_in_with_code if with_code else sign_in)(page, live_server, email, demo["password"])
    page.goto(url(live_server, "/knowledge-bites/"))
    items = EVERYONES_ITEMS + (["Team training"] if team_training else [])
    menu = page.get_by_role("navigation", name="Menu")

    # Desktop: two rows, every item visible and reached by Tab in reading order.
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    rows = header_rows(page)
    assert 1.5 < rows < 2.5, f"the header is {rows:.2f} rows tall for {email}"
    expect(menu.get_by_role("link", name="Team training")).to_have_count(int(team_training))
    page.locator("body").focus()
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
        if reached[-1] == "Sign out":
            break
    expected = ["Skip to main content", "Social care CPD", *items, *ACCOUNT_ITEMS]
    assert reached == expected
    assert_accessible(page)

    # Phone: everything in the Menu toggle, nothing sideways.
    page.set_viewport_size({"width": PHONE, "height": 900})
    for name in items + ["Your account"]:
        expect(menu.get_by_role("link", name=name)).to_be_hidden()
    menu.get_by_role("button", name="Menu").click()
    for name in items + ["Your account"]:
        expect(menu.get_by_role("link", name=name)).to_be_visible()
    expect(menu.get_by_role("button", name="Sign out")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert_accessible(page)
