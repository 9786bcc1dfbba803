import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ") if part}


def test_public_pages_send_the_security_headers(client, content):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in " ".join(directives.get("style-src", []))


def test_error_pages_send_the_security_headers_too(client, content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_admin_may_frame_its_own_previews_but_no_one_else_may(client, content):
    response = client.get("/admin/login/")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]


def test_signed_in_session_expires_after_thirty_idle_minutes(client, content):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/")
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == ""  # a browser-session cookie: it goes when the browser closes
    session = Session.objects.get(session_key=cookie.value)
    idle_allowed = session.expire_date - timezone.now()
    assert 29 * 60 < idle_allowed.total_seconds() <= 30 * 60


def run_manage(args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x9Q2#kL7" * 6,
    "ALLOWED_HOSTS": "cpd.example.org",
    "DATABASE_URL": "sqlite:////tmp/cpd-deploy-check.sqlite3",
}


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage(["check"], env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_cookies_are_secure_and_host_only():
    result = run_manage(
        [
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
            "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, s.DEBUG)",
        ],
        PRODUCTION_ENV,
    )
    assert result.stdout.split() == ["True", "True", "__Host-sessionid", "False"], result.stderr


def test_production_email_links_use_the_sites_address_not_localhost():
    script = "from django.conf import settings as s; print(s.WAGTAILADMIN_BASE_URL)"
    result = run_manage(["shell", "--no-imports", "-c", script], PRODUCTION_ENV)
    assert result.stdout.split() == ["https://cpd.example.org"], result.stderr
    chosen = {**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "https://learning.example.org"}
    result = run_manage(["shell", "--no-imports", "-c", script], chosen)
    assert result.stdout.split() == ["https://learning.example.org"], result.stderr


def test_base_settings_default_to_no_debug_and_no_secret():
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings.base as b; print(b.DEBUG, b.SECRET_KEY)"],
        cwd=BASE_DIR,
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "None"], result.stderr
