"""The manager opens one person's learner page from the team report: their training and
the records they shared, not the ones they kept; readable at 320, 390 and 1280 px."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_in_with_code, url

SHARED = "What supervision taught me about recording"
PRIVATE = "A private note about a hard week"


def add_records(email):
    """Give the demo practitioner one record shared with their manager and one kept."""
    from accounts.api import User
    from tests.reflections.factories import CompleteRecordFactory

    owner = User.objects.get(email=email)
    CompleteRecordFactory(owner=owner, title=SHARED, shared_with_manager=True)
    CompleteRecordFactory(owner=owner, title=PRIVATE)


def test_the_manager_follows_a_name_to_the_learner_page(page, live_server, demo):
    add_records("practitioner1@example.com")
    sign_in_with_code(page, live_server, "manager@example.com", demo["password"])
    page.goto(url(live_server, "/team-training/"))
    with page.expect_navigation():
        page.get_by_role("link", name="Asha Patel").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Asha Patel")
    expect(page.get_by_role("heading", name="Assigned training")).to_be_visible()
    expect(page.get_by_role("region", name="Assigned training")).to_be_visible()
    expect(page.get_by_role("link", name=SHARED)).to_be_visible()
    expect(page.get_by_text(PRIVATE)).to_have_count(0)
    for width in (1280, 390, 320):
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"
        assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=SHARED).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SHARED)


def test_another_person_cannot_open_a_learner_page(page, live_server, demo):
    from accounts.api import User

    colleague = User.objects.get(email="practitioner2@example.com")
    sign_in(page, live_server, "practitioner1@example.com", demo["password"])
    page.allow_console_error("404")
    response = page.goto(url(live_server, f"/team-training/people/{colleague.id}/"))
    assert response is not None and response.status == 404
