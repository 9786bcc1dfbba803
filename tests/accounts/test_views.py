import datetime
import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from accounts.models import Registration
from tests.accounts.factories import (
    DEFAULT_PASSWORD,
    RegistrationFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")
SIGN_OUT = reverse("accounts:logout")
RESET = reverse("accounts:password_reset")
PROFILE = reverse("accounts:profile")
NEW_PASSWORD = "a long and entirely new passphrase"
RESET_LINK = re.compile(r"http://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)")


def sign_in(client, email, password=DEFAULT_PASSWORD):
    return client.post(SIGN_IN, {"username": email, "password": password})


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


# Signing in and out


def test_sign_in_form_names_the_email_field_username_for_axes_but_labels_it_email(client):
    html = client.get(SIGN_IN).content.decode()
    assert re.search(r"<form [^>]*novalidate", html)
    assert re.search(r'<label for="id_username"[^>]*>\s*Email address\s*</label>', html)
    assert re.search(r'<input type="email" name="username"[^>]*autocomplete="email"', html)
    assert re.search(
        r'<input type="password" name="password"[^>]*autocomplete="current-password"', html
    )
    assert reverse("accounts:password_reset") in html


def test_a_person_signs_in_with_their_email_address(client):
    user = UserFactory(email="sam@example.com")
    response = sign_in(client, "sam@example.com")
    assert response.status_code == 302
    assert response.url == "/"
    assert signed_in_user_id(client) == str(user.pk)


def test_sign_in_ignores_the_case_of_the_email_address(client):
    user = UserFactory(email="Sam.Jones@example.com")
    response = sign_in(client, "  sam.JONES@EXAMPLE.com ")
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_sign_in_goes_back_to_the_page_that_asked_for_it(client):
    UserFactory(email="sam@example.com")
    response = client.post(
        f"{SIGN_IN}?next={PROFILE}", {"username": "sam@example.com", "password": DEFAULT_PASSWORD}
    )
    assert response.url == PROFILE


@pytest.mark.parametrize(
    "email, password",
    [("sam@example.com", "wrong password"), ("nobody@example.com", DEFAULT_PASSWORD)],
    ids=["wrong password", "no such account"],
)
def test_a_failed_sign_in_gives_one_message_that_does_not_say_which_part_was_wrong(
    client, email, password
):
    UserFactory(email="sam@example.com")
    response = sign_in(client, email, password)
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Enter a correct email address and password" in html
    assert "<title>Error: Sign in" in html
    assert signed_in_user_id(client) is None


def test_an_empty_sign_in_form_says_what_to_enter(client):
    html = client.post(SIGN_IN, {"username": "", "password": ""}).content.decode()
    assert 'href="#id_username">Enter your email address</a>' in html
    assert 'href="#id_password">Enter your password</a>' in html


def test_a_deactivated_account_cannot_sign_in(client):
    UserFactory(email="gone@example.com", is_active=False)
    response = sign_in(client, "gone@example.com")
    assert "Enter a correct email address and password" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_signing_out_takes_a_post(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(SIGN_OUT)
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_a_get_to_sign_out_does_not_sign_out(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(SIGN_OUT)
    assert response.status_code == 405
    assert signed_in_user_id(client) == str(user.pk)


def test_signing_out_lands_on_a_page_that_says_so_with_ways_back(client):
    client.force_login(UserFactory())
    response = client.post(SIGN_OUT, follow=True)
    assert response.redirect_chain == [(reverse("accounts:signed_out"), 302)]
    html = response.content.decode()
    assert re.search(r"<h1 [^>]*>You have signed out</h1>", html)
    assert re.search(rf'<a class="govuk-link" href="{SIGN_IN}">Sign in again</a>', html)
    assert '<a class="govuk-link" href="/">Go to the home page</a>' in html
    assert signed_in_user_id(client) is None


def test_the_signed_out_page_sends_someone_still_signed_in_home(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:signed_out"))
    assert response.status_code == 302
    assert response.url == "/"


# Password reset


def request_reset(client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(RESET, {"email": email})


def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="sam@example.com", first_name="Sam")
    response = request_reset(client, "SAM@example.com", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sam@example.com"]
    assert "Dear Sam," in message.body
    link = RESET_LINK.search(message.body).group(1)

    # Django swaps the token in the address for one kept in the session.
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert "Choose a new password" in response.content.decode()
    set_password_url = response.redirect_chain[-1][0]

    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.url == reverse("accounts:password_reset_complete")
    assert client.get(response.url).status_code == 200

    assert signed_in_user_id(client) is None
    sign_in(client, "sam@example.com", DEFAULT_PASSWORD)
    assert signed_in_user_id(client) is None
    sign_in(client, "sam@example.com", NEW_PASSWORD)
    assert signed_in_user_id(client) == str(user.pk)


def test_a_reset_link_works_only_once(client, mailoutbox, django_capture_on_commit_callbacks):
    UserFactory(email="sam@example.com")
    request_reset(client, "sam@example.com", django_capture_on_commit_callbacks)
    link = RESET_LINK.search(mailoutbox[0].body).group(1)
    response = client.get(link, follow=True)
    client.post(
        response.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    html = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in html
    assert "Choose a new password" not in html


def test_a_new_password_must_pass_the_password_rules(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="sam@example.com")
    request_reset(client, "sam@example.com", django_capture_on_commit_callbacks)
    link = RESET_LINK.search(mailoutbox[0].body).group(1)
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": "short", "new_password2": "short"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "This password is too short" in html


def test_password_reset_for_an_unknown_email_shows_the_same_page_and_sends_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="sam@example.com")
    response = request_reset(client, "stranger@example.com", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_password_reset_asks_for_an_email_address_in_the_right_format(client, mailoutbox):
    response = client.post(RESET, {"email": "not an address"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_email">Enter an email address in the correct format' in html
    assert mailoutbox == []


# Your account


def test_your_account_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url == f"{SIGN_IN}?next={PROFILE}"


def test_your_account_shows_name_email_and_teams(client):
    user = UserFactory(first_name="Sam", last_name="Jones", email="sam@example.com")
    TeamFactory(name="Adults East", members=[user])
    TeamFactory(name="Duty team", managers=[user])
    TeamFactory(name="Someone else's team")
    client.force_login(user)
    html = client.get(PROFILE).content.decode()
    assert "Sam Jones" in html
    assert "sam@example.com" in html
    assert "Adults East" in html
    assert "Teams you manage" in html
    assert "Duty team" in html
    assert "Someone else" not in html


def registration_data(**overrides):
    return {
        "regulator": "swe",
        "profession": "social_worker",
        "registration_number": "sw123456",
        "renewal_date_0": "30",
        "renewal_date_1": "11",
        "renewal_date_2": "2026",
        **overrides,
    }


def test_a_practitioner_records_their_registration(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(PROFILE, registration_data())
    assert response.status_code == 302
    registration = Registration.objects.get(user=user)
    assert registration.regulator == "swe"
    assert registration.profession == "social_worker"
    assert registration.registration_number == "SW123456"
    assert registration.renewal_date == datetime.date(2026, 11, 30)
    assert "Your registration details have been saved" in client.get(PROFILE).content.decode()


def test_a_practitioner_changes_their_registration(client):
    registration = RegistrationFactory(regulator="hcpc", registration_number="SW000001")
    client.force_login(registration.user)
    html = client.get(PROFILE).content.decode()
    assert 'value="SW000001"' in html
    assert re.search(r'value="hcpc"[^>]*checked', html)

    client.post(
        PROFILE,
        registration_data(
            regulator="niscc",
            profession="social_care_worker",
            registration_number="7654321",
            renewal_date_0="",
            renewal_date_1="",
            renewal_date_2="",
        ),
    )
    registration.refresh_from_db()
    assert registration.regulator == "niscc"
    assert registration.profession == "social_care_worker"
    assert registration.registration_number == "7654321"
    assert registration.renewal_date is None
    assert Registration.objects.count() == 1


def assert_refused(client, data, message, registration):
    before = Registration.objects.values().get(pk=registration.pk)
    response = client.post(PROFILE, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert message in html
    assert Registration.objects.values().get(pk=registration.pk) == before
    return html


def test_an_oversized_registration_number_is_refused(client):
    registration = RegistrationFactory()
    client.force_login(registration.user)
    assert_refused(
        client,
        registration_data(registration_number="1" * 33),
        "Registration number must be 32 characters or fewer",
        registration,
    )


def test_a_script_in_the_registration_number_is_refused_and_shown_escaped(client):
    registration = RegistrationFactory()
    client.force_login(registration.user)
    html = assert_refused(
        client,
        registration_data(registration_number="<script>alert(1)</script>"),
        "Registration number must only include letters, numbers",
        registration,
    )
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_unknown_regulator_is_refused(client):
    registration = RegistrationFactory()
    client.force_login(registration.user)
    assert_refused(
        client,
        registration_data(regulator="<b>gmc</b>"),
        "Select a valid choice",
        registration,
    )


@pytest.mark.parametrize(
    "day, month, year, message",
    [
        ("31", "2", "2026", "Renewal date must be a real date"),
        ("30", "", "2026", "Renewal date must include a month"),
        ("30", "11", "26", "Year must include 4 numbers"),
        ("<i>", "11", "2026", "Renewal date must be a real date"),
    ],
)
def test_an_impossible_or_partial_renewal_date_is_refused(client, day, month, year, message):
    registration = RegistrationFactory()
    client.force_login(registration.user)
    assert_refused(
        client,
        registration_data(renewal_date_0=day, renewal_date_1=month, renewal_date_2=year),
        message,
        registration,
    )


def test_a_name_containing_markup_is_shown_as_text(client):
    user = UserFactory(first_name="<script>alert(1)</script>", last_name="Jones")
    TeamFactory(name="<img src=x onerror=alert(1)>", members=[user])
    client.force_login(user)
    html = client.get(PROFILE).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Jones" in html
    assert "<img src=x" not in html


def test_back_links_say_back_not_a_menu_label(client):
    """The header's menu labels must not leak into a back link included without `only`."""
    html = client.get(RESET).content.decode()
    assert re.search(r'class="govuk-back-link">\s*Back\s*</a>', html), html
