"""Feedback from the phase banner: stored once, only ever about a page on this site, read
by administrators in the admin; and the Contact and Cookies pages say true things."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings

from accounts.permissions import EDITOR_GROUP
from core import services
from core.models import Feedback
from core.services import feedback_create
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.accounts.otp import verified_login

pytestmark = pytest.mark.django_db

BITE = "/knowledge-bites/social-media/"
TOO_LONG = "A sentence about the quiz page. " * 40  # 1,280 characters


def send(client, **fields):
    data = {"page": BITE, "doing": "", "details": "The quiz button did nothing.", **fields}
    return client.post("/feedback/", data)


@pytest.fixture
def administrator(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    verified_login(client, user)
    return user


@pytest.fixture
def editor():
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory()
    user.groups.add(group)
    return user


# The form


def test_the_form_is_about_the_page_named_in_the_link(client):
    response = client.get("/feedback/", {"page": BITE})

    assert response.status_code == 200
    assert f'value="{BITE}"'.encode() in response.content
    assert b"csrfmiddlewaretoken" in response.content
    # The back link returns there too.
    assert f'<a href="{BITE}" class="govuk-back-link">Back</a>'.encode() in response.content


def test_sending_the_form_stores_one_row_and_thanks_with_a_link_back(client):
    client.get("/feedback/", {"page": BITE})
    response = send(client, doing="Check my answers")

    assert response.status_code == 302
    assert response["Location"] == "/feedback/thank-you/?page=%2Fknowledge-bites%2Fsocial-media%2F"
    feedback = Feedback.objects.get()
    assert feedback.page == BITE
    assert feedback.doing == "Check my answers"
    assert feedback.details == "The quiz button did nothing."
    assert feedback.contact_email == ""
    assert feedback.user is None

    thanks = client.get(response["Location"])
    assert b"Thank you for your feedback" in thanks.content
    assert f'href="{BITE}"'.encode() in thanks.content


def test_a_signed_in_person_is_recorded_and_their_email_kept_when_they_ask_for_a_reply(client):
    user = UserFactory()
    client.force_login(user)
    send(client, contact_email="reply@example.com")

    feedback = Feedback.objects.get()
    assert feedback.user == user
    assert feedback.contact_email == "reply@example.com"


def test_an_email_address_for_a_reply_must_look_like_one(client):
    response = send(client, contact_email="asha at example")

    assert response.status_code == 200
    assert (
        b"Enter an email address in the correct format, like name@example.com" in response.content
    )
    assert b'href="#id_contact_email"' in response.content
    assert not Feedback.objects.exists()


def test_nothing_to_say_is_refused_with_the_gov_uk_message(client):
    response = send(client, details="   ")

    assert response.status_code == 200
    assert b"Enter what went wrong, or what could be better" in response.content
    assert response.content.startswith(b"<!DOCTYPE html>") or b"<title>Error:" in response.content
    assert not Feedback.objects.exists()


def test_too_long_text_gets_the_gov_uk_message_and_keeps_what_was_typed(client):
    response = send(client, details=TOO_LONG, doing="x" * 501)

    assert response.status_code == 200
    content = response.content.decode()
    assert "What went wrong, or what could be better, must be 1,200 characters or less" in content
    assert "What you were trying to do must be 500 characters or less" in content
    assert "<title>Error:" in content
    assert TOO_LONG.strip() in content
    # No maxlength: the character count lets people see and trim what is over.
    assert not re.search(r"<textarea[^>]*\smaxlength=", content)
    assert not Feedback.objects.exists()


def test_line_breaks_count_once_towards_the_limit(client):
    # 1,200 characters as the character count counts them; 1,399 as the browser sends them.
    details = "\r\n".join(["x" * 5] * 200)[: 1200 + 199]
    assert len(details.replace("\r\n", "\n")) <= 1200 < len(details)

    send(client, details=details)

    assert Feedback.objects.get().details == details.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/knowledge-bites/\nSet-Cookie: x",
        "/" + "a" * 600,
    ],
)
def test_a_page_that_is_not_a_path_on_this_site_is_dropped(client, page):
    form = client.get("/feedback/", {"page": page})
    assert b"evil.example" not in form.content
    assert b"javascript:" not in form.content

    response = send(client, page=page)

    assert Feedback.objects.get().page == ""
    assert response["Location"] == "/feedback/thank-you/"
    thanks = client.get("/feedback/thank-you/", {"page": page})
    assert b"evil.example" not in thanks.content
    assert b"javascript:" not in thanks.content
    assert b'href="/">Go to the home page' in thanks.content


def test_a_double_submit_stores_one_row(client):
    client.get("/feedback/")  # the browser's CSRF cookie, as a real form has
    first = send(client)
    second = send(client)

    assert first.status_code == second.status_code == 302
    assert Feedback.objects.count() == 1


def test_different_feedback_or_a_different_browser_is_stored(client):
    client.get("/feedback/")
    send(client)
    send(client, details="Something else entirely.")
    other = Client()
    other.get("/feedback/")
    send(other)

    assert Feedback.objects.count() == 3


def test_the_same_feedback_a_minute_later_is_stored_again():
    fields = {
        "submitter": "user:1",
        "page": BITE,
        "doing": "",
        "details": "Slow",
        "contact_email": "",
        "user_id": None,
    }
    start = datetime(2026, 12, 2, 12, 0, 59, tzinfo=UTC)

    _, created = feedback_create(**fields, now=start)
    # Across the turn of the minute, still the same submission.
    _, again = feedback_create(**fields, now=start + timedelta(seconds=2))
    _, later = feedback_create(**fields, now=start + timedelta(seconds=61))

    assert (created, again, later) == (True, False, True)
    assert Feedback.objects.count() == 2


def test_two_requests_at_once_store_one_row(monkeypatch):
    # Neither request sees the other's row before inserting: the unique key decides.
    fields = {"submitter": "browser:x", "page": "", "doing": "", "details": "Hi"}
    now = datetime(2026, 12, 2, 12, 0, 10, tzinfo=UTC)
    first, _ = feedback_create(**fields, contact_email="", user_id=None, now=now)
    monkeypatch.setattr(services, "FEEDBACK_DEDUPE_WINDOW", timedelta(seconds=-1))

    second, created = feedback_create(**fields, contact_email="", user_id=None, now=now)

    assert (second, created) == (first, False)
    assert Feedback.objects.count() == 1


def test_storing_feedback_takes_a_lookup_and_an_insert_and_a_repeat_the_lookup(
    django_assert_num_queries,
):
    fields = {"submitter": "user:1", "page": BITE, "doing": "", "details": "Slow"}
    # The insert runs in a savepoint (two more statements), so a clash can be caught.
    with django_assert_num_queries(4):
        feedback_create(**fields, contact_email="", user_id=None)
    with django_assert_num_queries(1):
        feedback_create(**fields, contact_email="", user_id=None)


# The admin


def test_script_in_feedback_is_shown_as_text_in_the_admin(client, administrator):
    send(client, details="<script>alert('x')</script>", doing="<b>bold</b>")
    feedback = Feedback.objects.get()
    assert feedback.details == "<script>alert('x')</script>"  # stored as typed

    listing = client.get("/admin/feedback/")
    inspect = client.get(f"/admin/feedback/inspect/{feedback.pk}/")

    for response in (listing, inspect):
        assert response.status_code == 200
        assert b"&lt;script&gt;alert(" in response.content
        assert b"<script>alert(" not in response.content
        assert b"<b>bold</b>" not in response.content


def test_administrators_search_and_filter_feedback_by_date(client, administrator):
    feedback_create(
        submitter="a",
        page="/standards/",
        doing="",
        details="Standards page is slow",
        contact_email="",
        user_id=None,
        now=datetime(2026, 11, 2, 9, tzinfo=UTC),
    )
    feedback_create(
        submitter="b",
        page="/",
        doing="",
        details="Home page typo",
        contact_email="",
        user_id=None,
        now=datetime(2026, 12, 1, 9, tzinfo=UTC),
    )

    everything = client.get("/admin/feedback/")
    searched = client.get("/admin/feedback/", {"q": "typo"})
    november = client.get(
        "/admin/feedback/", {"created_at_from": "2026-11-01", "created_at_to": "2026-11-30"}
    )

    assert b"Standards page is slow" in everything.content
    assert b"Home page typo" in everything.content
    assert b"Home page typo" in searched.content
    assert b"Standards page is slow" not in searched.content
    assert b"Standards page is slow" in november.content
    assert b"Home page typo" not in november.content


def test_nobody_adds_or_changes_feedback_in_the_admin(client, administrator):
    feedback, _ = feedback_create(
        submitter="a", page="", doing="", details="Hi", contact_email="", user_id=None
    )

    add = client.get("/admin/feedback/new/")
    edit = client.post(f"/admin/feedback/edit/{feedback.pk}/", {"details": "Rewritten"})

    assert add.status_code == edit.status_code == 302  # Wagtail's "permission denied"
    assert Feedback.objects.get().details == "Hi"


def test_the_feedback_listing_is_for_administrators_only(client, editor):
    practitioner = UserFactory()
    client.force_login(practitioner)
    assert client.get("/admin/feedback/")["Location"].startswith("/admin/login/")

    client.force_login(editor)
    refused = client.get("/admin/feedback/")
    home = client.get("/admin/")

    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"
    assert home.status_code == 200
    assert b"/admin/feedback/" not in home.content


def test_administrators_find_feedback_in_the_admin_menu(client, administrator):
    home = client.get("/admin/")

    assert b"/admin/feedback/" in home.content


# Contact and Cookies


@override_settings(SERVICE_CONTACT_EMAIL="learning@care.example")
def test_the_contact_page_gives_the_configured_email_address(client):
    response = client.get("/contact/")

    assert response.status_code == 200
    assert b'href="mailto:learning@care.example"' in response.content
    assert b'href="/feedback/"' in response.content


@override_settings(SESSION_COOKIE_NAME="__Host-sessionid", CSRF_COOKIE_NAME="__Host-csrftoken")
def test_the_cookies_page_names_the_cookies_as_configured(client):
    content = client.get("/cookies/").content.decode()

    assert "__Host-sessionid" in content
    assert "__Host-csrftoken" in content
    assert "When you close your browser, or after 30 minutes without using the site" in content
    assert "1 year" in content
    assert "We do not use analytics" in content
    assert 'A name that starts with "__Host-"' in content


def test_the_cookies_page_explains_host_only_names_only_when_they_are_used(client):
    content = client.get("/cookies/").content.decode()

    assert ">sessionid</h3>" in content
    assert "__Host-" not in content


def test_every_cookie_the_site_sets_is_on_the_cookies_page(client):
    user = UserFactory()
    client.get("/accounts/sign-in/")
    client.post("/accounts/sign-in/", {"username": user.email, "password": DEFAULT_PASSWORD})
    client.post("/accounts/sign-out/")  # sign-out leaves a message for the next page
    set_names = set(client.cookies)
    assert {"sessionid", "csrftoken"} <= set_names

    content = client.get("/cookies/").content.decode()

    for name in set_names:
        assert f">{name}</h3>" in content


def test_the_footer_links_every_site_page(client):
    content = client.get("/cookies/").content.decode()

    for href in ("/accessibility/", "/privacy/", "/cookies/", "/contact/", "/feedback/?page="):
        assert f'class="govuk-footer__link" href="{href}' in content
