"""The password reset email, sent by a real Celery worker through Redis.

Needs Redis at 127.0.0.1:6379 and a database the worker can share with the test: run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpd \\
        .venv/bin/pytest tests/accounts -m celery_worker -p no:xdist
"""

import email
import email.policy
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.urls import reverse

from config.celery import app as celery_app
from tests.accounts.factories import UserFactory

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# A database of its own, so the test neither eats nor leaves messages in anyone else's.
BROKER_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/15"
WORKER_WAIT_SECONDS = 45
NEW_PASSWORD = "a long and entirely new passphrase"
MESSAGE_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
RESET_PATH = re.compile(r"http://testserver(/accounts/reset/\S+/\S+/)")


def redis_is_reachable():
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1).close()
    except OSError:
        return False
    return True


def shared_database_url():
    """Return a DATABASE_URL for the test database, or skip when a worker cannot share it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        if connection.creation.is_in_memory_db(db["NAME"]):
            pytest.skip(
                "the SQLite test database is in memory, where a worker process cannot see "
                "it: run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpd"
            )
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    if connection.vendor != "postgresql":
        pytest.skip(f"no way to share a {connection.vendor} test database with a worker")
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    user = quote(db.get("USER") or "postgres", safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def forget_broker_connections(app):
    """Drop pooled broker connections so the next send uses the broker configured now.

    Celery's own after-fork clean-up does the same.
    """
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def celery_on_test_broker(settings):
    """Send tasks to the test broker for a worker to run, rather than running them here."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    conf = celery_app.conf
    saved = {"task_always_eager": conf.task_always_eager, "broker_url": conf.broker_url}
    conf.task_always_eager = False
    conf.broker_url = BROKER_URL
    forget_broker_connections(celery_app)
    celery_app.control.purge()
    try:
        yield celery_app
    finally:
        celery_app.control.purge()
        conf.update(saved)
        forget_broker_connections(celery_app)


def start_worker(tmp_path, database_url, mail_dir):
    # config.settings.test runs tasks eagerly; the worker gets the same settings without.
    settings_dir = tmp_path / "worker_settings"
    settings_dir.mkdir()
    (settings_dir / "accounts_worker_settings.py").write_text(
        "from config.settings.test import *  # noqa: F403\nCELERY_TASK_ALWAYS_EAGER = False\n"
    )
    base_dir = Path(django_settings.BASE_DIR)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(settings_dir), str(base_dir)]),
        "DJANGO_SETTINGS_MODULE": "accounts_worker_settings",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    log = (tmp_path / "worker.log").open("wb")
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "-Q",
        "celery",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "--loglevel=INFO",
        "-n",
        f"accounts-test-{os.getpid()}@%h",
    ]
    return subprocess.Popen(command, cwd=base_dir, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop_worker(worker):
    worker.terminate()
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=5)


def wait_for_message(worker, mail_dir, log_path):
    deadline = time.monotonic() + WORKER_WAIT_SECONDS
    while time.monotonic() < deadline:
        files = sorted(mail_dir.glob("*.log"))
        # The backend writes the file in one go, and closes it before the task ends.
        if files and files[0].stat().st_size:
            raw = files[0].read_bytes().split(MESSAGE_SEPARATOR)[0]
            return email.message_from_bytes(raw, policy=email.policy.default)
        if worker.poll() is not None:
            pytest.fail(f"the worker stopped (exit {worker.returncode}):\n{log_path.read_text()}")
        time.sleep(0.25)
    pytest.fail(f"no email within {WORKER_WAIT_SECONDS} s; worker log:\n{log_path.read_text()}")


def test_a_worker_emails_a_reset_link_that_sets_a_new_password(client, tmp_path, request):
    if not redis_is_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}")
    database_url = shared_database_url()
    request.getfixturevalue("celery_on_test_broker")
    user = UserFactory(email="sam@example.com")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()

    worker = start_worker(tmp_path, database_url, mail_dir)
    try:
        response = client.post(reverse("accounts:password_reset"), {"email": "Sam@Example.com"})
        assert response.status_code == 302
        message = wait_for_message(worker, mail_dir, tmp_path / "worker.log")
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
