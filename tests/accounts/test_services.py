import datetime
from smtplib import SMTPException
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ValidationError

from accounts import selectors, services, tasks
from accounts.models import Registration
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def request_reset(email, **kwargs):
    services.password_reset_request(
        email=email, domain=kwargs.get("domain", "cpd.example.org"), use_https=True
    )


# password_reset_request


def test_a_reset_request_is_enqueued_only_when_the_transaction_commits(
    mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="sam@example.com")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request_reset("sam@example.com")
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1


def test_a_reset_request_hands_the_task_plain_values(django_capture_on_commit_callbacks):
    user = UserFactory(email="sam@example.com")
    with (
        mock.patch.object(tasks.send_password_reset_email, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        request_reset("Sam@Example.com")
    delay.assert_called_once_with(user_id=user.pk, domain="cpd.example.org", use_https=True)


@pytest.mark.parametrize(
    "account",
    [
        {"email": "someone.else@example.com"},
        {"email": "sam@example.com", "is_active": False},
        {"email": "sam@example.com", "password": None},
    ],
    ids=["no such account", "deactivated", "no usable password"],
)
def test_a_reset_request_for_an_account_that_cannot_use_it_sends_nothing(
    account, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(**{k: v for k, v in account.items() if k != "password"})
    if "password" in account:
        user.set_unusable_password()
        user.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        request_reset("sam@example.com")
    assert callbacks == []
    assert mailoutbox == []


# password_reset_email_send


def test_the_reset_email_links_to_the_confirm_page_on_the_given_domain(mailoutbox):
    user = UserFactory(email="sam@example.com", first_name="Siân O'Brien")
    assert services.password_reset_email_send(
        user_id=user.pk, domain="cpd.example.org", use_https=True
    )
    message = mailoutbox[0]
    assert message.to == ["sam@example.com"]
    assert message.subject == "Reset your password for Social care CPD"
    assert "Dear Siân O'Brien," in message.body  # plain text: nothing HTML-escaped
    assert "https://cpd.example.org/accounts/reset/" in message.body


def test_no_reset_email_goes_to_an_account_deactivated_since_the_request(mailoutbox):
    user = UserFactory(is_active=False)
    assert not services.password_reset_email_send(user_id=user.pk, domain="x", use_https=True)
    assert mailoutbox == []


# send_password_reset_email


def test_the_reset_task_sends_the_email(mailoutbox):
    user = UserFactory()
    tasks.send_password_reset_email.delay(
        user_id=user.pk, domain="cpd.example.org", use_https=False
    )
    assert "http://cpd.example.org/accounts/reset/" in mailoutbox[0].body


def test_the_reset_task_retries_with_backoff_when_the_mail_server_fails():
    task = tasks.send_password_reset_email
    assert issubclass(SMTPException, task.autoretry_for)
    assert issubclass(ConnectionRefusedError, task.autoretry_for)
    assert task.retry_backoff
    assert task.max_retries == 5


# registration_update


def test_registration_update_creates_then_replaces_the_one_registration():
    user = UserFactory()
    services.registration_update(
        user=user,
        regulator="swe",
        profession="social_worker",
        registration_number="SW1",
        renewal_date=datetime.date(2026, 11, 30),
    )
    services.registration_update(
        user=user,
        regulator="scw",
        profession="social_care_worker",
        registration_number="",
        renewal_date=None,
    )
    registration = Registration.objects.get(user=user)
    assert (registration.regulator, registration.profession) == ("scw", "social_care_worker")
    assert registration.renewal_date is None


def test_registration_update_refuses_values_the_model_does_not_allow():
    registration = RegistrationFactory()
    with pytest.raises(ValidationError):
        services.registration_update(
            user=registration.user,
            regulator="gmc",
            profession="social_worker",
            registration_number="x" * 40,
            renewal_date=None,
        )
    assert Registration.objects.get(pk=registration.pk).regulator == registration.regulator


# sign_in_failures_clear


def test_clearing_sign_in_failures_forgets_that_account_only():
    for username in ("sam@example.com", "alex@example.com"):
        AccessAttempt.objects.create(
            username=username,
            ip_address="203.0.113.1",
            user_agent="test",
            failures_since_start=10,
            get_data="",
            post_data="",
            http_accept="",
            path_info="",
        )
    services.sign_in_failures_clear(email="sam@example.com")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["alex@example.com"]


# selectors


def test_sign_in_email_is_the_stored_spelling_whatever_the_case_typed():
    UserFactory(email="Sam.Jones@example.com")
    assert selectors.user_sign_in_email(email=" SAM.JONES@example.COM ") == "Sam.Jones@example.com"
    assert selectors.user_sign_in_email(email=" Nobody@Example.com") == "nobody@example.com"


def test_teams_for_user_lists_teams_joined_and_managed():
    user = UserFactory()
    joined = TeamFactory(members=[user])
    managed = TeamFactory(managers=[user])
    TeamFactory()
    assert selectors.teams_for_user(user=user) == {"member_of": [joined], "manages": [managed]}
