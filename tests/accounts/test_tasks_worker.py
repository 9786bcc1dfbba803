"""The password reset email, sent by a real Celery worker through Redis.

Needs Redis at 127.0.0.1:6379 and a database the worker can share with the test: run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpd \\
        .venv/bin/pytest tests/accounts -m celery_worker -p no:xdist
"""

import email
import email.policy
import re
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.celery_worker import (
    REDIS_HOST,
    REDIS_PORT,
    require_redis,
    shared_database_url,
    start_worker,
    stop_worker,
    tasks_sent_to,
)

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

# A database of its own, so the test neither eats nor leaves messages in anyone else's.
BROKER_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/15"
WORKER_WAIT_SECONDS = 45
NEW_PASSWORD = "a long and entirely new passphrase"
MESSAGE_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
RESET_PATH = re.compile(r"http://testserver(/accounts/reset/\S+/\S+/)")


WORKER_SETTINGS = (
    # config.settings.test runs tasks eagerly; the worker gets the same settings without.
    "from config.settings.test import *  # noqa: F403\nCELERY_TASK_ALWAYS_EAGER = False\n"
)


def wait_for_message(worker, mail_dir):
    deadline = time.monotonic() + WORKER_WAIT_SECONDS
    while time.monotonic() < deadline:
        files = sorted(mail_dir.glob("*.log"))
        # The backend writes the file in one go, and closes it before the task ends.
        if files and files[0].stat().st_size:
            raw = files[0].read_bytes().split(MESSAGE_SEPARATOR)[0]
            return email.message_from_bytes(raw, policy=email.policy.default)
        if worker.poll() is not None:
            pytest.fail(
                f"the worker stopped (exit {worker.returncode}):\n{worker.log_path.read_text()}"
            )
        time.sleep(0.25)
    pytest.fail(
        f"no email within {WORKER_WAIT_SECONDS} s; worker log:\n{worker.log_path.read_text()}"
    )


def test_a_worker_emails_a_reset_link_that_sets_a_new_password(client, tmp_path, settings):
    require_redis()
    database_url = shared_database_url()
    user = UserFactory(email="sam@example.com")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()

    with tasks_sent_to(settings, BROKER_URL):
        worker = start_worker(
            tmp_path,
            "accounts-test",
            broker_url=BROKER_URL,
            database_url=database_url,
            settings_source=WORKER_SETTINGS,
            env={
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(mail_dir),
            },
        )
        try:
            response = client.post(reverse("accounts:password_reset"), {"email": "Sam@Example.com"})
            assert response.status_code == 302
            message = wait_for_message(worker, mail_dir)
        finally:
            stop_worker(worker)

    assert message["To"] == "sam@example.com"
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = RESET_PATH.search(body).group(1)

    response = client.get(link, follow=True)
    assert "Choose a new password" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("accounts:password_reset_complete")
    client.post(reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD})
    assert client.session[SESSION_KEY] == str(user.pk)
