"""Keyboard alone: every link and button is reachable with Tab, and a journey needs no mouse."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in, url

BITE_TITLE = "Social workers - social media"
BITE_PATH = "/knowledge-bites/social-workers-social-media/"
MAX_TABS = 200

# Number every focusable element so that each can be told apart from its twins (the bite
# page links the same source twice, for example).
NUMBER_ELEMENTS = """() => document
    .querySelectorAll("a, button, input, select, textarea, summary, [tabindex]")
    .forEach((element, index) => { element.dataset.tabTest = String(index); })"""

# The focused element, described for a failure message, and whether its focus is shown:
# GOV.UK Frontend draws focus as a box-shadow or a coloured (not transparent) outline.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        && !/rgba\\(.*, 0\\)$|transparent/.test(style.outlineColor);
    return {
        key: element.dataset.tabTest ?? element.outerHTML.slice(0, 80),
        label: (element.getAttribute("href") || "") + " " + element.innerText.trim(),
        focusShown: outline || style.boxShadow !== "none",
    };
}"""


def tab_through(page):
    """Press Tab until focus leaves the page or comes round again; return what it reached."""
    reached = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (reached and focused["key"] == reached[0]["key"]):
            break
        reached.append(focused)
    return reached


def tab_to(page, locator):
    """Press Tab until the element the locator finds has focus; fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {locator}")


def assert_tab_reaches_every_visible_link_and_button(page):
    """Fail unless Tab reaches each visible link and button and each shows its focus."""
    page.evaluate(NUMBER_ELEMENTS)
    expected = page.locator("a:visible, button:visible").evaluate_all(
        """elements => elements.map(element => ({
            key: element.dataset.tabTest,
            label: (element.getAttribute("href") || "") + " " + element.innerText.trim(),
        }))"""
    )

    reached = tab_through(page)

    reached_keys = {focused["key"] for focused in reached}
    missed = [element["label"] for element in expected if element["key"] not in reached_keys]
    assert not missed, f"Tab never reached: {missed}"
    unshown = [focused["label"] for focused in reached if not focused["focusShown"]]
    assert not unshown, f"No visible focus indicator on: {unshown}"


@pytest.mark.parametrize("path", ["/", BITE_PATH], ids=["home", "bite"])
def test_tab_reaches_every_visible_link_and_button_and_shows_focus(page, live_server, demo, path):
    page.goto(url(live_server, path))

    assert_tab_reaches_every_visible_link_and_button(page)


def test_tab_reaches_the_signed_in_menu_and_the_account_page(page, live_server, demo):
    sign_in(page, live_server, "practitioner1@example.com", demo["password"])
    page.goto(url(live_server, "/accounts/your-account/"))

    assert_tab_reaches_every_visible_link_and_button(page)


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, live_server, demo):
    page.goto(url(live_server, "/"))

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("main")).to_be_focused()


def test_a_keyboard_user_reaches_a_bite_from_the_home_page(page, live_server, demo):
    page.goto(url(live_server, "/"))

    tab_to(
        page,
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Knowledge bites"),
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Knowledge bites", level=1)).to_be_visible()
    tab_to(page, page.get_by_role("main").get_by_role("link", name=BITE_TITLE))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=BITE_TITLE, level=1)).to_be_visible()


def test_tab_reaches_every_control_of_the_training_pages(page, live_server, demo):
    from tests.browser.conftest import sign_in_with_code

    sign_in(page, live_server, "practitioner1@example.com", demo["password"])
    page.goto(url(live_server, "/my-training/"))
    assert_tab_reaches_every_visible_link_and_button(page)
    page.context.clear_cookies()
    sign_in_with_code(page, live_server, "manager@example.com", demo["password"])
    for path in ("/team-training/", "/team-training/assignments/", "/team-training/standards/"):
        page.goto(url(live_server, path))
        assert_tab_reaches_every_visible_link_and_button(page)
        # The report's selects and the scrolling table region take focus too.
        for control in page.locator("select:visible, [tabindex='0']:visible").all():
            tab_to(page, control)
