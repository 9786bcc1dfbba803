"""Search in Chromium: results and the no-results help, narrow and wide, checked with axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, url

QUIZ_TITLE = "Check your understanding: social media"


@pytest.mark.parametrize("width", [390, 1280])
def test_search_results_and_no_results_help_fit_the_screen(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url(live_server, "/search/"))
    page.get_by_label("Search terms").fill("friend request")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    results = page.get_by_role("list", name="2 results")
    expect(results.get_by_role("link", name=QUIZ_TITLE)).to_be_visible()
    expect(results).to_contain_text("Quiz")
    expect(results).to_contain_text("Knowledge bite")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)

    page.get_by_label("Search terms").fill("confidentiallity")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="0 results")).to_be_visible()
    expect(page.get_by_role("link", name="browse the standards")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.get_by_role("link", name="confidentiality", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"^[1-9]\d* results?$"))).to_be_visible()
