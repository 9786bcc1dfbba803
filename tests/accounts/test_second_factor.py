"""Managers and administrators sign in with a password and then a code; no one else is asked.

The code comes from an authenticator app (TOTP) or, once each, from a recovery code. The
reflections pages a manager reads and the Wagtail admin require it.
"""

import datetime
import re
from base64 import b32decode
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor
from accounts.decorators import second_factor_required
from accounts.demo import (
    DEMO_RECOVERY_CODES,
    DEMO_TOTP_KEY,
    demo_second_factor_reset,
    demo_users_load,
)
from accounts.permissions import EDITOR_GROUP, needs_second_factor
from accounts.services import recovery_codes_replace
from tests.accounts.factories import DEFAULT_PASSWORD, TeamFactory, UserFactory
from tests.accounts.otp import app_for, code_for, verified_login

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")
CODE = reverse("accounts:second_factor_code")
RECOVERY = reverse("accounts:second_factor_recovery")
SET_UP = reverse("accounts:second_factor_set_up")
RECOVERY_CODES = reverse("accounts:recovery_codes")
NEW_RECOVERY_CODES = reverse("accounts:recovery_codes_new")
PROFILE = reverse("accounts:profile")
SHARED = reverse("reflections:shared_list")
WRONG_CODE = "The code is not correct, check your app and try again"
WRONG_RECOVERY_CODE = "The recovery code is not correct, or it has been used"
KEY_ON_PAGE = re.compile(r'id="app-key">\s*([A-Z2-7]{4}(?: [A-Z2-7]{4})+)\s*<')


@pytest.fixture
def manager():
    user = UserFactory(email="grace@example.com")
    TeamFactory(managers=[user], members=[UserFactory()])
    return user


@pytest.fixture
def administrator():
    return UserFactory(email="alex@example.com", is_superuser=True, is_staff=True)


def editor_group():
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def sign_in(client, user, next_url=None):
    url = f"{SIGN_IN}?next={next_url}" if next_url else SIGN_IN
    return client.post(url, {"username": user.email, "password": DEFAULT_PASSWORD})


def signed_in_as(client):
    return client.session.get(SESSION_KEY)


def is_verified(client):
    return DEVICE_ID_SESSION_KEY in client.session


def next_of(url):
    return parse_qs(urlsplit(url).query).get("next", [None])[0]


def path_of(url):
    return urlsplit(url).path


def wait_out_throttling(device):
    """Move the last failure back in time, as if the user had waited."""
    device.refresh_from_db()
    device.throttling_failure_timestamp = timezone.now() - datetime.timedelta(hours=1)
    device.save(update_fields=["throttling_failure_timestamp"])


# Who is asked


def test_managers_and_administrators_need_a_second_factor_and_no_one_else(manager, administrator):
    editor = UserFactory()
    editor.groups.add(editor_group())
    assert needs_second_factor(manager)
    assert needs_second_factor(administrator)
    assert not needs_second_factor(UserFactory())
    assert not needs_second_factor(editor)
    assert not needs_second_factor(AnonymousUser())


def test_a_practitioner_is_never_asked_for_a_code(client):
    practitioner = UserFactory()
    TeamFactory(members=[practitioner])
    response = sign_in(client, practitioner, next_url=SHARED)
    assert response.status_code == 302
    assert response.url == SHARED
    assert signed_in_as(client) == str(practitioner.pk)
    assert client.get(SHARED).status_code == 200
    assert client.get(CODE).status_code == 302
    assert path_of(client.get(CODE).url) == "/"


def test_an_editor_who_manages_no_one_is_not_asked_for_the_admin(client):
    editor = UserFactory()
    editor.groups.add(editor_group())
    response = sign_in(client, editor)
    assert response.url == "/"
    assert client.get("/admin/").status_code == 200


# Password, then the code from the app


def test_a_manager_gives_the_password_then_the_code_and_is_signed_in(client, manager):
    device = app_for(manager)
    response = sign_in(client, manager)
    assert response.status_code == 302
    assert path_of(response.url) == CODE
    # The password alone does not sign them in.
    assert signed_in_as(client) is None

    html = client.get(response.url).content.decode()
    assert re.search(
        r'<h1 class="govuk-label-wrapper">\s*<label for="id_code" class="govuk-label govuk-label--l">'
        r"\s*Enter the 6-digit code from your authenticator app\s*</label>",
        html,
    )
    assert 'id="id_code_hint"' in html
    assert re.search(r'<input type="text" name="code"[^>]*inputmode="numeric"', html)
    assert 'autocomplete="one-time-code"' in html
    assert ">Use a recovery code instead</a>" in html

    response = client.post(response.url, {"code": code_for(device)})
    assert response.status_code == 302
    assert response.url == "/"
    assert signed_in_as(client) == str(manager.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(SHARED).status_code == 200


def test_an_administrator_gives_the_password_then_the_code(client, administrator):
    device = app_for(administrator)
    response = sign_in(client, administrator, next_url="/admin/")
    response = client.post(response.url, {"code": code_for(device)})
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_typed_with_spaces_is_accepted(client, manager):
    device = app_for(manager)
    sign_in(client, manager)
    code = code_for(device)
    client.post(CODE, {"code": f" {code[:3]} {code[3:]} "})
    assert signed_in_as(client) == str(manager.pk)


def test_a_wrong_code_says_so_and_does_not_sign_in(client, manager):
    device = app_for(manager)
    sign_in(client, manager)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(CODE, {"code": wrong})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "govuk-error-summary" in html
    assert f'<a href="#id_code">{WRONG_CODE}</a>' in html
    assert re.search(rf'class="govuk-error-message">.*?{WRONG_CODE}', html, re.S)
    assert signed_in_as(client) is None
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


@pytest.mark.parametrize(
    "code, message",
    [
        ("", "Enter the 6-digit code"),
        ("12a456", "The code must be 6 digits"),
        ("12345", "The code must be 6 digits"),
    ],
    ids=["empty", "a letter", "too short"],
)
def test_a_missing_or_malformed_code_says_what_to_enter(client, manager, code, message):
    app_for(manager)
    sign_in(client, manager)
    html = client.post(CODE, {"code": code}).content.decode()
    assert f'<a href="#id_code">{message}</a>' in html
    assert signed_in_as(client) is None


def test_wrong_codes_make_the_next_try_wait(client, manager):
    device = app_for(manager)
    sign_in(client, manager)
    for _ in range(3):
        wait_out_throttling(device)
        client.post(CODE, {"code": "000000" if code_for(device) != "000000" else "111111"})
    # django-otp now refuses to check even the right code for 4 seconds.
    html = client.post(CODE, {"code": code_for(device)}).content.decode()
    assert "You have entered too many wrong codes. Wait 4 seconds, then try again" in html
    assert signed_in_as(client) is None
    wait_out_throttling(device)
    client.post(CODE, {"code": code_for(device)})
    assert signed_in_as(client) == str(manager.pk)
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_a_code_works_only_once(client, manager):
    device = app_for(manager)
    code = code_for(device)
    sign_in(client, manager)
    client.post(CODE, {"code": code})
    client.post(reverse("accounts:logout"))
    sign_in(client, manager)
    html = client.post(CODE, {"code": code}).content.decode()
    assert WRONG_CODE in html
    assert signed_in_as(client) is None


def test_the_code_step_without_a_password_first_sends_you_to_sign_in(client, manager):
    app_for(manager)
    for step in (CODE, RECOVERY, SET_UP):
        response = client.get(step)
        assert response.status_code == 302
        assert response.url == SIGN_IN
        assert client.post(step, {"code": "123456"}).url == SIGN_IN
    response = client.get(f"{CODE}?next={SHARED}")
    assert path_of(response.url) == SIGN_IN
    assert next_of(response.url) == SHARED


def test_the_password_step_lapses_after_ten_minutes(client, manager):
    device = app_for(manager)
    sign_in(client, manager)
    session = client.session
    session[second_factor.PENDING_SESSION_KEY]["started"] -= second_factor.PENDING_SECONDS + 1
    session.save()
    response = client.post(CODE, {"code": code_for(device)})
    assert response.url == SIGN_IN
    assert signed_in_as(client) is None


def test_a_password_change_after_the_password_step_ends_it(client, manager):
    device = app_for(manager)
    sign_in(client, manager)
    manager.set_password("a different and long passphrase")
    manager.save()
    response = client.post(CODE, {"code": code_for(device)})
    assert response.url == SIGN_IN
    assert signed_in_as(client) is None


def test_the_password_step_gives_a_new_session_key(client, manager):
    app_for(manager)
    client.get(SIGN_IN)
    before = client.session.session_key
    sign_in(client, manager)
    assert client.session.session_key != before


def test_the_latest_password_wins_over_someone_already_signed_in(client, manager):
    practitioner = UserFactory()
    device = app_for(manager)
    client.force_login(practitioner)
    sign_in(client, manager)
    client.post(CODE, {"code": code_for(device)})
    assert signed_in_as(client) == str(manager.pk)
    assert is_verified(client)


# Where you go afterwards


def test_the_next_address_is_kept_through_every_step(client, manager):
    device = app_for(manager)
    response = sign_in(client, manager, next_url=SHARED)
    assert next_of(response.url) == SHARED
    html = client.get(response.url).content.decode()
    assert f'href="{RECOVERY}?next=%2Freflections%2Fshared%2F"' in html
    response = client.post(response.url, {"code": code_for(device)})
    assert response.url == SHARED


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/", "http://testserver.evil.example/"]
)
def test_a_next_address_on_another_site_is_refused(client, manager, evil):
    device = app_for(manager)
    response = sign_in(client, manager, next_url=evil)
    assert next_of(response.url) is None
    # Nor is it followed when typed into the code step's address.
    response = client.post(f"{CODE}?next={evil}", {"code": code_for(device)})
    assert response.url == "/"
    assert signed_in_as(client) == str(manager.pk)


# Recovery codes


def test_a_recovery_code_works_once(client, manager):
    app_for(manager)
    codes = recovery_codes_replace(user=manager)
    response = sign_in(client, manager, next_url=SHARED)
    recovery_url = f"{RECOVERY}?next={SHARED}"
    html = client.get(recovery_url).content.decode()
    assert re.search(r'class="govuk-label govuk-label--l">\s*Enter a recovery code', html)
    assert "Use your authenticator app instead" in html

    # Typed with capitals and a space, as people copy them.
    response = client.post(recovery_url, {"code": f"{codes[0][:4].upper()} {codes[0][4:]}"})
    assert response.url == SHARED
    assert signed_in_as(client) == str(manager.pk)
    assert is_verified(client)
    assert "You have 9 recovery codes left" in client.get(SHARED).content.decode()

    client.post(reverse("accounts:logout"))
    sign_in(client, manager)
    html = client.post(RECOVERY, {"code": codes[0]}).content.decode()
    assert f'<a href="#id_code">{WRONG_RECOVERY_CODE}</a>' in html
    assert signed_in_as(client) is None
    assert (
        '<a href="#id_code">Enter a recovery code</a>'
        in client.post(RECOVERY, {"code": ""}).content.decode()
    )


def test_a_recovery_code_of_someone_else_does_not_work(client, manager):
    app_for(manager)
    recovery_codes_replace(user=manager)
    other_codes = recovery_codes_replace(user=UserFactory())
    sign_in(client, manager)
    assert WRONG_RECOVERY_CODE in client.post(RECOVERY, {"code": other_codes[0]}).content.decode()


# Setting up an app


def key_from(html):
    return b32decode(KEY_ON_PAGE.search(html).group(1).replace(" ", ""))


def test_a_manager_without_an_app_sets_one_up_and_gets_recovery_codes_once(client, manager):
    response = sign_in(client, manager, next_url=SHARED)
    assert path_of(response.url) == SET_UP
    assert next_of(response.url) == SHARED
    response = client.get(response.url)
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert '<h1 class="govuk-heading-l">Set up an authenticator app</h1>' in html
    assert re.search(r'<svg [^>]*role="img"[^>]*aria-labelledby="qr-code-title"', html)
    assert '<title id="qr-code-title">QR code to scan with your authenticator app</title>' in html
    assert "style=" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    key = key_from(html)
    device = TOTPDevice.objects.get(user=manager)
    assert key == device.bin_key and not device.confirmed

    response = client.post(f"{SET_UP}?next={SHARED}", {"code": f"{totp(key):06d}"})
    assert path_of(response.url) == RECOVERY_CODES
    assert signed_in_as(client) == str(manager.pk)
    assert is_verified(client)
    device.refresh_from_db()
    assert device.confirmed

    response = client.get(response.url)
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "Your authenticator app is set up" in html
    assert "You will not be shown them again" in html
    codes = re.findall(r'<code class="app-secret-key">([a-z2-7]{8})</code>', html)
    assert len(codes) == 10
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    assert f'href="{SHARED}"' in html
    # Shown once.
    assert client.get(RECOVERY_CODES).url == PROFILE


def test_a_wrong_code_while_setting_up_keeps_the_same_key(client, manager):
    sign_in(client, manager)
    key = key_from(client.get(SET_UP).content.decode())
    response = client.post(SET_UP, {"code": f"{(totp(key) + 1) % 1_000_000:06d}"})
    html = response.content.decode()
    assert WRONG_CODE in html
    assert key_from(html) == key
    assert signed_in_as(client) is None
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_a_set_up_started_elsewhere_gets_another_key(client, manager):
    sign_in(client, manager)
    first_key = key_from(client.get(SET_UP).content.decode())
    elsewhere = Client()
    sign_in(elsewhere, manager)
    second_key = key_from(elsewhere.get(SET_UP).content.decode())
    assert first_key != second_key
    # The first set-up's key no longer counts.
    html = client.post(SET_UP, {"code": f"{totp(first_key):06d}"}).content.decode()
    assert WRONG_CODE in html


def test_an_app_already_set_up_cannot_be_replaced_by_setting_up_again(client, manager):
    device = app_for(manager)
    sign_in(client, manager)
    response = client.get(SET_UP)
    assert path_of(response.url) == CODE
    assert list(TOTPDevice.objects.filter(user=manager)) == [device]


# The pages that require it


def test_an_unverified_manager_is_sent_to_the_code_and_comes_back(client, manager):
    device = app_for(manager)
    client.force_login(manager)
    response = client.get(SHARED)
    assert response.status_code == 302
    assert path_of(response.url) == CODE
    assert next_of(response.url) == SHARED
    response = client.post(response.url, {"code": code_for(device)})
    assert response.url == SHARED
    assert client.get(SHARED).status_code == 200


def test_an_unverified_manager_without_an_app_is_sent_to_set_one_up(client, manager):
    client.force_login(manager)
    response = client.get(SHARED)
    assert path_of(response.url) == SET_UP
    assert next_of(response.url) == SHARED


def test_a_verified_manager_reads_the_shared_records(client, manager):
    verified_login(client, manager)
    assert client.get(SHARED).status_code == 200
    detail = reverse("reflections:shared_detail", args=[999_999])
    assert client.get(detail).status_code == 404  # through the door; no such record


def test_shared_detail_needs_the_second_factor_too(client, manager):
    client.force_login(manager)
    detail = reverse("reflections:shared_detail", args=[1])
    response = client.get(detail)
    assert response.status_code == 302
    assert next_of(response.url) == detail


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(SHARED)
    assert path_of(response.url) == SIGN_IN
    assert next_of(response.url) == SHARED


def request_for(user, *, device=None):
    request = RequestFactory().get("/team/report/?week=3")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = user
    if device is not None:
        request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    OTPMiddleware(lambda r: None)._install_lazy_accessors(request)
    return request


def test_the_decorator_lets_a_view_run_only_once_a_manager_is_verified(manager):
    @second_factor_required
    def report(request):
        return HttpResponse("the team report")

    device = app_for(manager)
    unverified = report(request_for(manager))
    assert unverified.status_code == 302
    assert path_of(unverified.url) == CODE
    assert next_of(unverified.url) == "/team/report/?week=3"
    assert report(request_for(manager, device=device)).content == b"the team report"
    assert report(request_for(UserFactory())).status_code == 200
    assert path_of(report(request_for(AnonymousUser())).url) == SIGN_IN
    assert report.__name__ == "report"


# The Wagtail admin


def test_an_administrator_needs_the_code_for_the_admin(client, administrator):
    device = app_for(administrator)
    client.force_login(administrator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert path_of(response.url) == CODE
    assert next_of(response.url) == "/admin/pages/"
    client.post(response.url, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_signing_in_through_the_admins_own_form_still_needs_the_code(client, administrator):
    device = app_for(administrator)
    response = client.post(
        "/admin/login/", {"username": administrator.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    response = client.get("/admin/")
    assert path_of(response.url) == CODE
    response = client.post(response.url, {"code": code_for(device)})
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_manager_who_edits_needs_the_code_for_the_admin(client, manager):
    manager.groups.add(editor_group())
    client.force_login(manager)
    assert path_of(client.get("/admin/").url) == SET_UP
    verified_login(client, manager)
    assert client.get("/admin/").status_code == 200


def test_the_admin_sign_in_and_sign_out_pages_are_not_held_back(client, administrator):
    client.force_login(administrator)
    # Wagtail sends someone already signed in on to the admin, which then asks for the code.
    assert client.get("/admin/login/").url == "/admin/"
    response = client.post("/admin/logout/")
    assert path_of(response.url) != CODE
    assert signed_in_as(client) is None


# Your account: new recovery codes


def test_a_manager_gets_new_recovery_codes_and_the_old_ones_stop_working(client, manager):
    old_codes = recovery_codes_replace(user=manager)
    verified_login(client, manager)
    html = client.get(PROFILE).content.decode()
    assert "Signing in with a code" in html
    assert "10 left" in html
    assert f'href="{NEW_RECOVERY_CODES}"' in html

    html = client.get(NEW_RECOVERY_CODES).content.decode()
    assert "Your current recovery codes will stop working" in html
    response = client.post(NEW_RECOVERY_CODES)
    assert path_of(response.url) == RECOVERY_CODES
    html = client.get(response.url).content.decode()
    new_codes = re.findall(r'<code class="app-secret-key">([a-z2-7]{8})</code>', html)
    assert len(new_codes) == 10
    assert f'href="{PROFILE}"' in html
    stored = set(StaticToken.objects.filter(device__user=manager).values_list("token", flat=True))
    assert stored == set(new_codes)
    assert not stored & set(old_codes)


def test_new_recovery_codes_need_the_code_first_and_a_post(client, manager):
    recovery_codes_replace(user=manager)
    before = set(StaticToken.objects.values_list("token", flat=True))
    client.force_login(manager)
    assert path_of(client.post(NEW_RECOVERY_CODES).url) == SET_UP
    assert set(StaticToken.objects.values_list("token", flat=True)) == before


def test_practitioners_have_no_recovery_codes_page(client):
    client.force_login(UserFactory())
    assert client.get(NEW_RECOVERY_CODES).status_code == 404
    assert "Signing in with a code" not in client.get(PROFILE).content.decode()


# Lockout still applies to the password step


def test_ten_wrong_passwords_still_lock_a_manager_out(client, manager):
    app_for(manager)
    for _ in range(10):
        client.post(SIGN_IN, {"username": manager.email, "password": "wrong"})
    assert sign_in(client, manager).status_code == 429
    assert signed_in_as(client) is None


def test_failed_passwords_are_forgotten_once_the_code_is_right(client, manager):
    device = app_for(manager)
    for _ in range(9):
        client.post(SIGN_IN, {"username": manager.email, "password": "wrong"})
    sign_in(client, manager)
    assert AccessAttempt.objects.filter(username=manager.email).exists()
    client.post(CODE, {"code": code_for(device)})
    assert signed_in_as(client) == str(manager.pk)
    assert not AccessAttempt.objects.filter(username=manager.email).exists()


# The demo accounts and the commands


def test_the_demo_manager_and_administrator_get_the_demo_app_and_codes(content):
    demo_users_load(password="a demo password", home_page=content.home)
    demo_users_load(password="a demo password", home_page=content.home)
    for email in ("manager@example.com", "admin@example.com"):
        devices = TOTPDevice.objects.filter(user__email=email)
        assert [(d.bin_key, d.confirmed) for d in devices] == [(DEMO_TOTP_KEY, True)]
        tokens = StaticToken.objects.filter(device__user__email=email)
        assert sorted(tokens.values_list("token", flat=True)) == sorted(
            code.replace("-", "") for code in DEMO_RECOVERY_CODES
        )
    for email in ("practitioner1@example.com", "editor@example.com"):
        assert not TOTPDevice.objects.filter(user__email=email).exists()


def test_loading_the_demo_again_gives_back_used_recovery_codes(client, manager):
    device = demo_second_factor_reset(user=manager)
    sign_in(client, manager)
    client.post(RECOVERY, {"code": DEMO_RECOVERY_CODES[0]})
    assert signed_in_as(client) == str(manager.pk)
    assert StaticToken.objects.filter(device__user=manager).count() == 9
    assert demo_second_factor_reset(user=manager).pk == device.pk
    assert StaticToken.objects.filter(device__user=manager).count() == 10


def test_demo_totp_code_prints_the_code_the_demo_app_shows(client):
    manager = UserFactory(email="manager@example.com")
    TeamFactory(managers=[manager])
    demo_second_factor_reset(user=manager)
    out = StringIO()
    call_command("demo_totp_code", "manager@example.com", stdout=out, stderr=StringIO())
    code = out.getvalue().strip()
    assert re.fullmatch(r"[0-9]{6}", code)
    sign_in(client, manager)
    client.post(CODE, {"code": code})
    assert signed_in_as(client) == str(manager.pk)


def test_demo_totp_code_refuses_other_accounts_and_other_keys(manager):
    app_for(manager)
    with pytest.raises(CommandError, match="not a demo account"):
        call_command("demo_totp_code", manager.email, stdout=StringIO())
    real = UserFactory(email="admin@example.com", is_superuser=True)
    app_for(real)  # a random key: someone really set this one up
    with pytest.raises(CommandError, match="no demo app"):
        call_command("demo_totp_code", "admin@example.com", stdout=StringIO())


def test_demo_totp_code_refuses_production_settings(settings):
    settings.SETTINGS_MODULE = "config.settings.production"
    with pytest.raises(CommandError, match="production"):
        call_command("demo_totp_code", stdout=StringIO())


def test_second_factor_reset_makes_the_next_sign_in_set_up_a_new_app(client, manager):
    app_for(manager)
    recovery_codes_replace(user=manager)
    out = StringIO()
    call_command("second_factor_reset", manager.email, stdout=out)
    assert "Removed 2 device(s)" in out.getvalue()
    assert path_of(sign_in(client, manager).url) == SET_UP
