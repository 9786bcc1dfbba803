"""Signing in with a second factor in Chromium: the demo manager's code, a recovery code,
and an administrator setting up an authenticator app. Every page passes axe."""

import re
from base64 import b32decode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.demo import DEMO_RECOVERY_CODES
from tests.browser.conftest import APP_CODE_LABEL, app_code, assert_accessible, sign_in, url

MANAGER = "manager@example.com"
ADMINISTRATOR = "admin@example.com"
WRONG_CODE = "The code is not correct, check your app and try again"
KEY = re.compile(r"^[A-Z2-7]{4}( [A-Z2-7]{4})+$")
# django-otp makes the next try wait a second after a wrong code.
AFTER_A_WRONG_CODE_MS = 1_100


def continue_(page, name="Continue"):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_the_demo_manager_signs_in_with_a_password_then_a_code(page, live_server, demo):
    sign_in(page, live_server, MANAGER, demo["password"])
    expect(page.get_by_role("heading", level=1, name=APP_CODE_LABEL)).to_be_visible()
    code = page.get_by_label(APP_CODE_LABEL)
    expect(code).to_have_attribute("inputmode", "numeric")
    expect(code).to_have_attribute("autocomplete", "one-time-code")
    assert_accessible(page)

    right = app_code(MANAGER)
    code.fill(f"{(int(right) + 1) % 1_000_000:06d}")
    continue_(page)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name=WRONG_CODE)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)

    page.wait_for_timeout(AFTER_A_WRONG_CODE_MS)
    page.get_by_label(APP_CODE_LABEL).fill(app_code(MANAGER))
    continue_(page)
    assert page.url == url(live_server, "/")
    page.goto(url(live_server, "/reflections/shared/"))
    expect(page.get_by_role("heading", name="Records shared with you", level=1)).to_be_visible()


def test_the_demo_manager_signs_in_with_a_recovery_code_instead(page, live_server, demo):
    page.goto(url(live_server, "/reflections/shared/"))  # asks for sign-in, then comes back
    page.get_by_label("Email address").fill(MANAGER)
    page.get_by_label("Password").fill(demo["password"])
    continue_(page, name="Sign in")
    with page.expect_navigation():
        page.get_by_role("link", name="Use a recovery code instead").click()
    expect(page.get_by_role("heading", level=1, name="Enter a recovery code")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Enter a recovery code").fill(DEMO_RECOVERY_CODES[0].upper())
    continue_(page)
    expect(page.get_by_role("heading", name="Records shared with you", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Important")).to_contain_text(
        "You have 9 recovery codes left"
    )


def test_an_administrator_without_an_app_sets_one_up_and_saves_recovery_codes(
    page, live_server, demo
):
    TOTPDevice.objects.filter(user__email=ADMINISTRATOR).delete()
    sign_in(page, live_server, ADMINISTRATOR, demo["password"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(
        page.get_by_role("img", name="QR code to scan with your authenticator app")
    ).to_be_visible()
    assert_accessible(page)

    # Type the key as shown, as someone whose phone cannot scan would.
    key = page.get_by_text(KEY).inner_text()
    code = totp(b32decode(key.replace(" ", "")))
    page.get_by_label("Enter the 6-digit code the app shows").fill(f"{code:06d}")
    continue_(page, name="Confirm and continue")

    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    expect(page.get_by_role("alert")).to_contain_text("Your authenticator app is set up")
    expect(page.get_by_role("main").get_by_role("listitem")).to_have_count(10)
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="I have saved my recovery codes").click()
    assert page.url == url(live_server, "/")

    page.goto(url(live_server, "/accounts/your-account/"))
    expect(page.get_by_role("main")).to_contain_text("10 left")
    with page.expect_navigation():
        page.get_by_role("link", name="Get new recovery codes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get new recovery codes")
    assert_accessible(page)
