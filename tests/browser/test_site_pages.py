"""Feedback from the phase banner, and the Contact and Cookies pages, as a reader finds them."""

import pytest
from playwright.sync_api import expect

from core.models import Feedback
from tests.browser.conftest import assert_accessible, url

pytestmark = pytest.mark.browser

BITE_PATH = "/knowledge-bites/social-workers-social-media/"
WIDTHS = (390, 1280)


def assert_fits(page, width):
    """Fail when the page scrolls sideways at this width."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_feedback_from_a_bite_is_stored_and_leads_back_to_the_bite(page, live_server, demo):
    page.goto(url(live_server, BITE_PATH))
    banner = page.locator(".govuk-phase-banner")
    banner.get_by_role("link", name="give your feedback").click()

    expect(page.get_by_role("heading", level=1, name="Give feedback")).to_be_visible()
    expect(page.get_by_text(BITE_PATH)).to_be_visible()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        assert_fits(page, width)

    # Nothing said: the GOV.UK error summary, and the page is still the bite's.
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Enter what went wrong, or what could be better"
    )
    assert_accessible(page)

    page.get_by_label("What went wrong, or what could be better?").fill(
        "The quiz link is hard to find."
    )
    page.get_by_label("Email address (optional)").fill("asha@example.com")
    page.get_by_role("button", name="Send feedback").click()

    expect(page.get_by_role("heading", level=1, name="Thank you for your feedback")).to_be_visible()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        assert_fits(page, width)
    feedback = Feedback.objects.get()
    assert (feedback.page, feedback.contact_email) == (BITE_PATH, "asha@example.com")

    page.get_by_role("link", name="Go back to the page you were on").click()
    expect(page).to_have_url(url(live_server, BITE_PATH))


@pytest.mark.parametrize(
    ("link", "heading"),
    [("Contact", "Contact"), ("Cookies", "Cookies")],
)
def test_contact_and_cookies_are_reached_from_the_footer(page, live_server, demo, link, heading):
    page.goto(url(live_server, BITE_PATH))
    page.get_by_role("contentinfo").get_by_role("link", name=link, exact=True).click()

    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        assert_fits(page, width)
