"""The manager's report pages at any width, and the assignment form without dead ends.

The demo manager (second factor and all) opens the team report, the standards heatmap,
the assignments and the assignment form at 320, 390 and 1280 px: nothing is wider than
the screen (wide tables scroll inside their own labelled region) and axe finds nothing.
On the form, the people picker is revealed by choosing its option and filters by name,
and assigning a module the team already has links to that assignment.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_with_code, url

MANAGER = "manager@example.com"
WIDTHS = (320, 390, 1280)
MODULE = "Social media and professional boundaries"


def check_widths(page):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"
        assert_accessible(page)


@pytest.fixture
def manager(page, live_server, demo):
    sign_in_with_code(page, live_server, MANAGER, demo["password"])
    return page


@pytest.mark.parametrize(
    "path",
    [
        "/team-training/",
        "/team-training/?status=overdue",
        "/team-training/standards/",
        "/team-training/assignments/",
    ],
)
def test_the_managers_pages_fit_every_width(manager, live_server, path):
    manager.goto(url(live_server, path))
    check_widths(manager)


def test_the_report_grid_scrolls_in_a_labelled_focusable_region(manager, live_server):
    manager.set_viewport_size({"width": 320, "height": 900})
    manager.goto(url(live_server, "/team-training/"))
    region = manager.get_by_role("region", name="People and modules")
    expect(region).to_have_attribute("tabindex", "0")
    region.focus()
    expect(region).to_be_focused()
    # The grid is wider than the phone, so it scrolls inside the region, not the page.
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    # The table of what expires soon shows the expiry date, as its grid cell does.
    expiring = manager.locator("table[aria-labelledby=expiring-heading] tbody tr").first
    day = expiring.locator("td").nth(2).inner_text()
    name = expiring.locator("td").first.inner_text()
    cell = manager.locator("tr", has=manager.get_by_role("rowheader", name=name)).get_by_text(
        f"expires {day}"
    )
    expect(cell).to_be_visible()


def test_the_people_picker_is_revealed_and_filters_by_name(manager, live_server):
    manager.goto(url(live_server, "/team-training/assignments/"))
    with manager.expect_navigation():
        manager.get_by_role("link", name="Assign a module to").first.click()
    check_widths(manager)
    for width in (390, 1280):
        manager.set_viewport_size({"width": width, "height": 900})
        people = manager.get_by_role("group", name="People")
        expect(people).to_be_hidden()
        manager.get_by_label("Only the people I choose").check()
        expect(people).to_be_visible()
        find = manager.get_by_label("Find a person by name")
        expect(find).to_be_visible()
        find.fill("megan")
        expect(manager.get_by_label("Megan Evans")).to_be_visible()
        expect(manager.get_by_label("Asha Patel")).to_be_hidden()
        expect(manager.get_by_text("1 of 5 people shown, 0 chosen")).to_be_visible()
        manager.get_by_label("Megan Evans").check()
        find.press("Enter")  # filters; does not send the form
        expect(manager.get_by_text("1 of 5 people shown, 1 chosen")).to_be_visible()
        find.fill("")
        expect(manager.get_by_label("Asha Patel")).to_be_visible()
        expect(manager.get_by_label("Megan Evans")).to_be_checked()  # still chosen
        manager.get_by_label("Megan Evans").uncheck()
        scroll_width = manager.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width
        assert_accessible(manager)
        manager.get_by_label("Everyone in the team, including people who join later").check()
        expect(people).to_be_hidden()


def test_assigning_a_module_the_team_has_links_to_changing_it(manager, live_server):
    manager.goto(url(live_server, "/team-training/assignments/"))
    with manager.expect_navigation():
        manager.get_by_role("link", name="Assign a module to").first.click()
    manager.get_by_label(MODULE).check()
    manager.get_by_label("Day").fill("1")
    manager.get_by_label("Month").fill("1")
    manager.get_by_label("Year").fill("2099")
    with manager.expect_navigation():
        manager.get_by_role("button", name="Assign").click()
    expect(manager.get_by_text("There is a problem")).to_be_visible()
    check_widths(manager)
    with manager.expect_navigation():
        manager.get_by_role("link", name="Change that assignment", exact=True).click()
    expect(manager.get_by_role("heading", level=1)).to_have_text(f"Change “{MODULE}”")
    check_widths(manager)
