"""Failed sign-ins: the 11th attempt within five minutes, per account and address, is refused."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")
FAILURE_LIMIT = 10
HOME_ADDRESS, OFFICE_ADDRESS = "203.0.113.10", "198.51.100.20"


def sign_in(client, email, password, address=HOME_ADDRESS):
    return client.post(SIGN_IN, {"username": email, "password": password}, REMOTE_ADDR=address)


def fail(client, email, times, address=HOME_ADDRESS):
    return [sign_in(client, email, "wrong password", address) for _ in range(times)]


@pytest.fixture
def user():
    return UserFactory(email="sam@example.com")


def test_ten_failures_each_get_the_usual_error(client, user):
    for response in fail(client, user.email, FAILURE_LIMIT):
        assert response.status_code == 200
        assert "Enter a correct email address and password" in response.content.decode()


def test_the_eleventh_attempt_is_refused_even_with_the_right_password(client, user):
    fail(client, user.email, FAILURE_LIMIT)
    response = sign_in(client, user.email, DEFAULT_PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "Sign-in is paused" in html
    assert "paused for 5 minutes" in html
    assert "Trying again before then starts the wait again" in html
    assert reverse("accounts:password_reset") in html
    assert SESSION_KEY not in client.session


def test_nine_failures_then_the_right_password_signs_in(client, user):
    fail(client, user.email, FAILURE_LIMIT - 1)
    response = sign_in(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_changing_the_case_of_the_email_does_not_buy_more_attempts(client, user):
    for index in range(FAILURE_LIMIT):
        email = user.email.upper() if index % 2 else user.email.title()
        assert sign_in(client, email, "wrong password").status_code == 200
    assert sign_in(client, "SAM@EXAMPLE.COM", DEFAULT_PASSWORD).status_code == 429


def test_the_same_account_can_still_sign_in_from_another_address(client, user):
    fail(client, user.email, FAILURE_LIMIT)
    response = sign_in(client, user.email, DEFAULT_PASSWORD, address=OFFICE_ADDRESS)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_other_accounts_can_still_sign_in_from_the_same_address(client, user):
    other = UserFactory(email="alex@example.com")
    fail(client, user.email, FAILURE_LIMIT)
    response = sign_in(client, other.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(other.pk)


def age_attempts(by):
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= by
        attempt.save(update_fields=["attempt_time"])


def test_sign_in_stays_paused_until_five_minutes_have_passed(client, user):
    fail(client, user.email, FAILURE_LIMIT)
    age_attempts(by=datetime.timedelta(minutes=4, seconds=50))
    assert sign_in(client, user.email, DEFAULT_PASSWORD).status_code == 429


def test_the_right_password_works_again_five_minutes_after_the_last_failure(client, user):
    fail(client, user.email, FAILURE_LIMIT)
    age_attempts(by=datetime.timedelta(minutes=5, seconds=1))
    response = sign_in(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_each_refused_attempt_restarts_the_five_minutes(client, user):
    fail(client, user.email, FAILURE_LIMIT)
    age_attempts(by=datetime.timedelta(minutes=4))
    assert sign_in(client, user.email, DEFAULT_PASSWORD).status_code == 429
    age_attempts(by=datetime.timedelta(minutes=4))
    assert sign_in(client, user.email, DEFAULT_PASSWORD).status_code == 429
    age_attempts(by=datetime.timedelta(minutes=5, seconds=1))
    assert sign_in(client, user.email, DEFAULT_PASSWORD).status_code == 302


def test_resetting_the_password_lifts_the_pause(
    client, user, mailoutbox, django_capture_on_commit_callbacks
):
    assert fail(client, user.email, FAILURE_LIMIT + 1)[-1].status_code == 429
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = mailoutbox[0].body.split("http://testserver", 1)[1].split()[0]
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "a long and entirely new passphrase"
    client.post(set_password_url, {"new_password1": new_password, "new_password2": new_password})

    response = sign_in(client, user.email, new_password)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)
