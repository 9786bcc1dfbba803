"""A training module's steps, as a learner works through them."""

import pytest
from playwright.sync_api import expect

from accounts.demo import demo_password
from tests.browser.conftest import assert_accessible, sign_in, url

pytestmark = pytest.mark.browser

MODULE = "/training/social-media-and-professional-boundaries/"


def test_a_learner_sees_a_step_done_after_marking_the_bite_read(page, live_server, demo):
    page.goto(url(live_server, "/training/"))
    assert_accessible(page)
    page.get_by_role("link", name="Social media and professional boundaries").click()
    expect(page.get_by_role("link", name="Sign in to track your progress")).to_be_visible()
    assert_accessible(page)

    sign_in(page, live_server, "practitioner2@example.com", demo_password())
    page.goto(url(live_server, MODULE))
    expect(page.get_by_role("heading", name="You have done 0 of 3 steps")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Read: Social workers - social media").click()
    page.get_by_role("button", name="I have read this").click()
    expect(page.get_by_text("You marked this as read on")).to_be_visible()
    assert_accessible(page)
    page.goto(url(live_server, MODULE))
    expect(page.get_by_role("heading", name="You have done 1 of 3 steps")).to_be_visible()
    page.get_by_role("button", name="Record your reflection").click()
    expect(page.get_by_label("Time spent, in hours")).to_have_value("0.75")
