"""Journeys through the site in Chromium, each page checked with axe at WCAG 2.2 AA."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import NOT_FOUND_PATH, assert_accessible, sign_in, url

BITE_TITLE = "Social workers - social media"
BITE_PATH = "/knowledge-bites/social-workers-social-media/"
PRACTITIONER = "practitioner1@example.com"  # Registered with Social Work England in the demo.


def test_a_reader_follows_a_bite_to_a_cited_standard_and_searches(page, live_server, demo):
    page.goto(url(live_server, "/"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Knowledge bites").click()
    expect(page.get_by_role("heading", name="Knowledge bites", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name=BITE_TITLE).click()
    expect(page.get_by_role("heading", name=BITE_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("blockquote")).to_contain_text("The social networking genie")
    expect(page.get_by_role("figure")).to_contain_text("Denise Turner")
    expect(page.get_by_role("heading", name="Risks")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="footnote 1", exact=True).click()
    expect(page).to_have_url(re.compile(r"#fn-1$"))
    # The note is now the starting point for keyboard users: Tab goes to its source link.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=re.compile("Facebook users worldwide"))).to_be_focused()
    page.get_by_role("link", name="Back to content at footnote 1").click()
    expect(page).to_have_url(re.compile(r"#fnref-1$"))
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="footnote 2", exact=True)).to_be_focused()

    page.get_by_role("link", name="HCPC 2008 standard 2", exact=True).click()
    expect(page.get_by_role("heading", name="Standard 2", level=1)).to_be_visible()
    citing = page.get_by_role("heading", name="Knowledge bites that cite this standard")
    expect(citing).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name=BITE_TITLE)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^All standards in HCPC")).click()
    expect(
        page.get_by_role("heading", name=re.compile(r"^HCPC Standards"), level=1)
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Standards").click()
    expect(page.get_by_role("heading", name="Standards", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Search").click()
    expect(page.get_by_role("searchbox", name="Search terms")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Search terms").fill("confidentiality")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    results = page.get_by_role("list", name=re.compile(r"\d+ results?"))
    expect(results).to_be_visible()
    assert_accessible(page)

    results.get_by_role("link", name=re.compile(r"^Standard 2:")).click()
    expect(page.get_by_role("heading", name="Standard 2", level=1)).to_be_visible()


def test_a_social_work_england_registrant_is_told_the_hcpc_standards_no_longer_apply(
    page, live_server, demo
):
    page.goto(url(live_server, "/"))
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    problem = page.get_by_role("alert")
    expect(problem.get_by_role("heading", name="There is a problem")).to_be_visible()
    # GOV.UK Frontend moves focus to the summary, so a screen reader announces it first.
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.get_by_label("Email address")).to_have_accessible_description(
        re.compile("Enter your email address")
    )
    assert_accessible(page)
    problem.get_by_role("link", name="Enter your email address").click()
    expect(page.get_by_label("Email address")).to_be_focused()

    sign_in(page, live_server, PRACTITIONER, demo["password"])
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(url(live_server, BITE_PATH))
    standards = page.get_by_role("region", name="Relevant HCPC Registrant standards")
    expect(standards).to_contain_text("These HCPC standards no longer apply to you.")
    expect(standards).to_contain_text("Social Work England has regulated")
    equivalent = standards.get_by_role("link", name="Social Work England 2019 standard 5.6")
    expect(equivalent).to_be_visible()
    assert_accessible(page)
    equivalent.click()
    expect(page.get_by_role("heading", name="Standard 5.6", level=1)).to_be_visible()

    menu.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(PRACTITIONER)
    assert_accessible(page)

    menu.get_by_role("button", name="Sign out").click()
    expect(menu.get_by_role("link", name="Sign in")).to_be_visible()
    expect(menu.get_by_role("button", name="Sign out")).to_have_count(0)
    expect(menu.get_by_role("link", name="Your account")).to_have_count(0)


def test_the_supporting_pages_pass_axe(page, live_server, demo):
    page.goto(url(live_server, "/"))
    footer = page.get_by_role("contentinfo")
    footer.get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", name="Accessibility statement", level=1)).to_be_visible()
    assert_accessible(page)

    footer.get_by_role("link", name="Privacy notice").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Privacy")
    assert_accessible(page)

    page.goto(url(live_server, "/accounts/sign-in/"))
    page.get_by_role("link", name="I have forgotten my password").click()
    expect(page.get_by_label("Email address")).to_be_visible()
    assert_accessible(page)

    response = page.goto(url(live_server, NOT_FOUND_PATH))
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found", level=1)).to_be_visible()
    assert_accessible(page)
