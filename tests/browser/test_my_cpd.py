"""My CPD in Chromium on a small phone: no sideways scrolling, standards in full, sharing
that asks first and names the manager, signing out that says so, and a first visit."""

import re

import pytest
from playwright.sync_api import expect

from learning.models import StandardPage
from reflections.models import Record
from tests.browser.conftest import assert_accessible, sign_in, url

PRACTITIONER = "practitioner1@example.com"  # Asha Patel: two demo records.
NEW_PRACTITIONER = "practitioner2@example.com"  # Ciarán Murphy, NISCC: no records.
MANAGER_NAME = "Grace Okafor"  # Manages the demo team.
RECORD_TITLE = "Social media and professional boundaries"  # A complete demo record.


# The innermost elements that reach past the right edge: what a failure names.
OVERFLOWING = """width => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > width + 0.5)
  .filter(el => ![...el.children].some(child => child.getBoundingClientRect().right > width + 0.5))
  .slice(0, 5)
  .map(el => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}px`)"""


def assert_no_sideways_scrolling(page):
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{page.url} is {scroll_width}px wide at {width}px: {page.evaluate(OVERFLOWING, width)}"
    )


def link_longest_standards(email, count=3):
    """Link the practitioner's demo record to the standards with the longest statements."""
    standards = sorted(StandardPage.objects.live(), key=lambda s: len(s.statement))[-count:]
    record = Record.objects.get(owner__email=email, title=RECORD_TITLE)
    record.standards.set(standards)
    return standards


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_my_cpd_fits_a_small_phone_with_every_standard_named_in_full(
    page, live_server, demo, width
):
    standards = link_longest_standards(PRACTITIONER)
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, PRACTITIONER, demo["password"])
    page.goto(url(live_server, "/reflections/"))
    expect(page.get_by_role("heading", name="My CPD", level=1)).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)

    # The table scrolls inside its own labelled box, which the keyboard can reach.
    region = page.get_by_role("region", name="Your records")
    expect(region).to_have_attribute("tabindex", "0")
    expect(region.get_by_role("table", name="Your records")).to_contain_text(RECORD_TITLE)

    # The filter names each standard in full (no "2.10 ..."), and the choice is repeated
    # in full below it, since a narrow select cannot show it all.
    chosen = standards[-1]
    select = page.get_by_label("Standard", exact=True)
    option_text = select.locator(f'option[value="{chosen.id}"]').inner_text()
    assert chosen.statement in option_text
    assert option_text.startswith(f"{chosen.get_parent().title}, {chosen.code}: ")
    select.select_option(str(chosen.id))
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("main")).to_contain_text(f"Records linked to: {option_text}")
    expect(page.get_by_role("link", name=RECORD_TITLE)).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)

    # The record's own page lists its standards in full too.
    page.get_by_role("link", name=RECORD_TITLE).click()
    expect(page.get_by_role("heading", name=RECORD_TITLE, level=1)).to_be_visible()
    for standard in standards:
        expect(page.get_by_role("main")).to_contain_text(standard.statement)
    assert_no_sideways_scrolling(page)


def test_a_first_visit_says_what_a_record_is_for_and_how_to_start(page, live_server, demo):
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, live_server, NEW_PRACTITIONER, demo["password"])
    page.goto(url(live_server, "/reflections/"))
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", name="Start your first record", level=2)).to_be_visible()
    expect(main).to_contain_text("What Northern Ireland Social Care Council asks:")
    expect(main).not_to_contain_text("No records match.")
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Record CPD").click()
    expect(page).to_have_url(re.compile(r"/reflections/\d+/edit/$"))


@pytest.mark.parametrize("width", [390, 1280])
def test_sharing_asks_first_naming_the_manager_and_stopping_does_too(
    page, live_server, demo, width
):
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, PRACTITIONER, demo["password"])
    page.goto(url(live_server, "/reflections/"))
    page.get_by_role("link", name=RECORD_TITLE).click()

    page.get_by_role("button", name="Share with my manager").click()
    expect(
        page.get_by_role("heading", name="Share this record with your manager?", level=1)
    ).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("listitem").filter(has_text=MANAGER_NAME)).to_have_count(1)
    expect(main).to_contain_text("This record only")
    expect(main).to_contain_text("You can stop sharing at any time")
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    assert not Record.objects.get(owner__email=PRACTITIONER, title=RECORD_TITLE).shared_with_manager

    page.get_by_role("button", name="Share this record").click()
    expect(page.get_by_role("alert")).to_contain_text("Your manager can now read this record")
    expect(page.get_by_role("heading", name=RECORD_TITLE, level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Stop sharing with my manager").click()
    expect(page.get_by_role("heading", name="Stop sharing this record?", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(MANAGER_NAME)
    assert_accessible(page)
    page.get_by_role("button", name="Stop sharing", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Your manager can no longer read this record")
    expect(page.get_by_role("button", name="Share with my manager")).to_be_visible()


@pytest.mark.parametrize("width", [320, 1280])
def test_signing_out_says_so_and_offers_the_way_back(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, PRACTITIONER, demo["password"])
    menu = page.get_by_role("navigation", name="Menu")
    menu_toggle = page.get_by_role("button", name="Menu")
    if menu_toggle.is_visible():
        menu_toggle.click()
    with page.expect_navigation():
        menu.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="You have signed out", level=1)).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name="Sign in again")).to_be_visible()
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Sign in again").click()
    expect(page.get_by_label("Email address")).to_be_visible()
