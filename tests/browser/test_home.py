"""The signed-in home, as a practitioner with overdue training sees it."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, url

pytestmark = pytest.mark.browser

HCPC_PRACTITIONER = "practitioner5@example.com"  # the demo's overdue learner (HCPC)


def make_expired_module_overdue(email):
    """Move the team's due date for the learner's expired module to a week ago.

    As loaded, the demo's "expired: overdue" learner is not overdue under training's
    rules: an expired module is due again on its expiry date or the assignment's due date,
    whichever is later, and the demo's assignment is due in three weeks.
    """
    import datetime as dt

    from django.utils import timezone

    from training.models import Assignment, Completion

    today = timezone.localdate()
    expired = Completion.objects.filter(user__email=email, expires_on__lte=today)
    Assignment.objects.filter(
        module_id__in=expired.values("module_id"), team__members__email=email
    ).update(due_date=today - dt.timedelta(days=7))


def overdue_modules(email):
    """Return (title, url, due date) of the learner's overdue modules, as My training has them."""
    from accounts.models import User
    from training.rules import Status
    from training.selectors import my_training

    items = my_training(user=User.objects.get(email=email)).items
    return [
        (item.module.title, item.url, item.standing.due_date)
        for item in items
        if item.standing.status == Status.OVERDUE
    ]


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_an_overdue_practitioner_sees_what_is_overdue_with_its_date_and_a_link(
    page, live_server, demo
):
    make_expired_module_overdue(HCPC_PRACTITIONER)
    overdue = overdue_modules(HCPC_PRACTITIONER)
    assert overdue, "the demo gives practitioner5 overdue training"
    title, module_url, due = overdue[0]

    sign_in(page, live_server, HCPC_PRACTITIONER, demo["password"])
    assert page.url == url(live_server, "/")
    expect(page.get_by_role("heading", level=1, name="Your training and CPD")).to_be_visible()
    overdue_count = "1 module is" if len(overdue) == 1 else f"{len(overdue)} modules are"
    expect(page.get_by_text(f"{overdue_count} overdue")).to_be_visible()
    link = page.get_by_role("link", name=title, exact=True)
    expect(link).to_have_attribute("href", module_url)
    item = page.locator(".govuk-task-list__item", has=link)
    expect(item).to_contain_text(f"Was due by {due.day} {due:%B %Y}")
    expect(item.locator(".govuk-tag")).to_have_text("Overdue")
    expect(
        page.get_by_role("heading", name="Where you stand with Health and Care Professions Council")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Go to My CPD")).to_have_attribute("href", "/reflections/")
    expect(page.get_by_role("heading", name="Latest knowledge bites")).to_be_visible()

    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page_width(page) <= width, f"the home is wider than {width} px"
        assert_accessible(page)

    link.click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
