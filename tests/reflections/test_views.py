import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import RegulatorCode
from reflections.models import Record, RecordStatus
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.reflections.factories import CompleteRecordFactory, RecordFactory

pytestmark = pytest.mark.django_db

CANARY = "CANARY-7f3e9 reflection text"


def form_data(record, **changes):
    data = {
        "version": record.version,
        "title": record.title,
        "activity_type": record.activity_type,
        "start_date_0": "2",
        "start_date_1": "3",
        "start_date_2": "2026",
        "hours": "1.5",
        "reflective_model": "driscoll",
        "description": record.description,
        "learning": record.learning,
        "impact": record.impact,
    }
    data.update(changes)
    return data


def test_reflect_on_this_starts_a_draft_from_the_bite(client, content):
    user = UserFactory()
    client.force_login(user)
    html = client.get(content.bite.url).content.decode()
    assert "Reflect on this bite" in html
    response = client.post(reverse("reflections:new"), {"bite": content.bite.id})
    record = Record.objects.get(owner=user)
    assert response["Location"] == reverse("reflections:edit", args=[record.id])
    assert (
        "Reflection on Social workers - social media"
        in client.get(response["Location"]).content.decode()
    )


def test_save_draft_without_javascript_saves_and_says_when(client):
    record = RecordFactory()
    client.force_login(record.owner)
    response = client.post(
        reverse("reflections:edit", args=[record.id]),
        form_data(record, title="New title", save="Save draft"),
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.title, record.version) == ("New title", 2)
    assert "Draft saved at" in client.get(response["Location"]).content.decode()


def test_autosave_returns_the_time_and_the_new_version(client):
    record = RecordFactory()
    client.force_login(record.owner)
    response = client.post(
        reverse("reflections:autosave", args=[record.id]), form_data(record, learning="Typed")
    )
    body = response.json()
    assert (
        response.status_code == 200
        and body["version"] == 2
        and body["message"].startswith("Saved at ")
    )
    record.refresh_from_db()
    assert record.learning == "Typed"


def test_a_second_tab_is_told_the_record_changed_and_keeps_its_text(client):
    record = RecordFactory()
    client.force_login(record.owner)
    client.post(
        reverse("reflections:autosave", args=[record.id]), form_data(record, learning="Tab one")
    )
    stale = client.post(
        reverse("reflections:autosave", args=[record.id]), form_data(record, learning="Tab two")
    )
    assert stale.status_code == 409 and "another tab" in stale.json()["message"]
    page = client.post(
        reverse("reflections:edit", args=[record.id]),
        form_data(record, learning="Tab two text", save="Save draft"),
    )
    assert page.status_code == 409
    html = page.content.decode()
    assert "changed in another tab" in html and "Tab two text" in html
    record.refresh_from_db()
    assert record.learning == "Tab one"


def test_an_oversized_answer_gets_a_clear_limit_and_nothing_is_saved(client):
    record = RecordFactory()
    client.force_login(record.owner)
    response = client.post(
        reverse("reflections:edit", args=[record.id]),
        form_data(record, title="Changed", learning="x" * 100_000, save="Save draft"),
    )
    assert response.status_code == 400
    assert "must be 10,000 characters or fewer" in response.content.decode()
    record.refresh_from_db()
    assert (record.title, record.version) == (
        RecordFactory._meta.model.objects.get(id=record.id).title,
        1,
    )
    assert record.title != "Changed"


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"start_date_2": "2999"}, "must be today or in the past"),
        ({"hours": "-2"}, "Time spent must be 0 hours or more"),
        ({"hours": "lots"}, "Time spent must be a number"),
        ({"start_date_1": "13"}, "must be a real date"),
        ({"end_date_0": "1", "end_date_1": "1", "end_date_2": "2026"}, "same as or after"),
    ],
)
def test_impossible_dates_and_times_are_refused_with_a_message(client, changes, message):
    record = RecordFactory()
    client.force_login(record.owner)
    response = client.post(
        reverse("reflections:edit", args=[record.id]),
        form_data(record, save="Save draft", **changes),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    record.refresh_from_db()
    assert record.version == 1


def test_the_privacy_guard_names_what_it_found_and_completes_once_confirmed(client):
    record = RecordFactory()
    client.force_login(record.owner)
    url = reverse("reflections:edit", args=[record.id])
    data = form_data(record, learning="Her NHS number is 943 476 5919.", complete="Complete record")
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "an NHS number" in html.lower() or "NHS number" in html
    assert "I have checked this record identifies no one" in html
    record.refresh_from_db()
    assert record.status == RecordStatus.DRAFT and "943 476 5919" in record.learning
    data.update(version=record.version, identifiers_checked="on")
    assert client.post(url, data).status_code == 302
    record.refresh_from_db()
    assert record.status == RecordStatus.COMPLETE


def test_a_script_in_a_record_is_escaped_on_the_page(client):
    record = CompleteRecordFactory(
        title="<script>alert(1)</script>", learning="<img src=x onerror=alert(1)>"
    )
    client.force_login(record.owner)
    html = client.get(reverse("reflections:detail", args=[record.id])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


@pytest.mark.parametrize("name", ["reflections:edit", "reflections:detail", "reflections:delete"])
def test_another_users_record_is_not_found(client, name):
    record = RecordFactory(learning=CANARY)
    client.force_login(UserFactory())
    response = client.get(reverse(name, args=[record.id]))
    assert response.status_code == 404
    assert CANARY not in response.content.decode()


def test_another_users_record_cannot_be_autosaved_shared_or_deleted(client):
    record = CompleteRecordFactory()
    client.force_login(UserFactory())
    assert (
        client.post(
            reverse("reflections:autosave", args=[record.id]), form_data(record)
        ).status_code
        == 404
    )
    assert (
        client.post(reverse("reflections:share", args=[record.id]), {"share": "yes"}).status_code
        == 404
    )
    assert client.post(reverse("reflections:delete", args=[record.id])).status_code == 404
    record.refresh_from_db()
    assert not record.shared_with_manager


def test_a_manager_reads_a_record_only_while_it_is_shared(client):
    practitioner, manager = UserFactory(), UserFactory()
    team = TeamFactory()
    team.members.add(practitioner)
    team.managers.add(manager)
    record = CompleteRecordFactory(owner=practitioner, learning=CANARY)
    verified_login(client, manager)
    manager_pages = [
        reverse("reflections:shared_list"),
        reverse("reflections:my_cpd"),
        reverse("quizzes:my_results"),
        "/",
    ]
    detail = reverse("reflections:shared_detail", args=[record.id])
    assert all(CANARY not in client.get(url).content.decode() for url in manager_pages)
    assert client.get(detail).status_code == 404

    client.force_login(practitioner)
    client.post(reverse("reflections:share", args=[record.id]), {"share": "yes"})
    verified_login(client, manager)
    assert CANARY in client.get(detail).content.decode()
    assert record.title in client.get(reverse("reflections:shared_list")).content.decode()

    client.force_login(practitioner)
    client.post(reverse("reflections:share", args=[record.id]), {"share": "no"})
    verified_login(client, manager)
    assert client.get(detail).status_code == 404
    assert all(CANARY not in client.get(url).content.decode() for url in manager_pages)


def test_a_manager_of_another_team_never_sees_a_shared_record(client):
    record = CompleteRecordFactory(shared_with_manager=True, learning=CANARY)
    TeamFactory().members.add(record.owner)
    other_manager = UserFactory()
    TeamFactory().managers.add(other_manager)
    verified_login(client, other_manager)
    assert client.get(reverse("reflections:shared_detail", args=[record.id])).status_code == 404
    assert CANARY not in client.get(reverse("reflections:shared_list")).content.decode()


def test_my_cpd_shows_where_a_social_work_england_registrant_stands(client):
    user = UserFactory()
    RegistrationFactory(user=user, regulator=RegulatorCode.SOCIAL_WORK_ENGLAND)
    CompleteRecordFactory(owner=user, peer_learning="We talked it through.")
    client.force_login(user)
    html = client.get(reverse("reflections:my_cpd")).content.decode()
    assert "Where you stand with Social Work England" in html
    assert re.search(r"1 December 20\d\d to 30 November 20\d\d", html)  # the registration year


def my_cpd_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reflections:my_cpd")).status_code == 200
    return len(queries)


def test_my_cpd_takes_the_same_number_of_queries_for_1_and_40_records(client):
    user = UserFactory()
    RegistrationFactory(user=user)
    CompleteRecordFactory(owner=user)
    client.force_login(user)
    one = my_cpd_queries(client)
    CompleteRecordFactory.create_batch(39, owner=user)
    assert my_cpd_queries(client) == one == MY_CPD_QUERIES


MY_CPD_QUERIES = 14  # with the header's role read (accounts.context_processors.roles)


def test_delete_my_records_asks_first(client):
    record = RecordFactory()
    client.force_login(record.owner)
    assert (
        "Delete all your reflective records?"
        in client.get(reverse("reflections:delete_all")).content.decode()
    )
    client.post(reverse("reflections:delete_all"))  # no confirmation: nothing happens
    assert Record.objects.filter(id=record.id).exists()
    client.post(reverse("reflections:delete_all"), {"confirm": "yes"})
    assert not Record.objects.filter(id=record.id).exists()


def test_my_cpd_filters_by_year_type_and_standard(client, content):
    user = UserFactory()
    cited = CompleteRecordFactory(owner=user, title="Cites a standard", activity_type="reading")
    cited.standards.add(content.conduct)
    CompleteRecordFactory(owner=user, title="Supervision one", activity_type="supervision")
    CompleteRecordFactory(owner=user, title="Last year", start_date="2025-05-01")
    client.force_login(user)
    url = reverse("reflections:my_cpd")

    def titles(**params):
        html = client.get(url, params).content.decode()
        return {t for t in ("Cites a standard", "Supervision one", "Last year") if t in html}

    assert titles() == {"Cites a standard", "Supervision one", "Last year"}
    assert titles(year=2025) == {"Last year"}
    assert titles(type="supervision") == {"Supervision one"}
    assert titles(standard=content.conduct.id) == {"Cites a standard"}
    assert titles(year="not-a-year", standard="x") == {
        "Cites a standard",
        "Supervision one",
        "Last year",
    }


def test_unshared_record_text_reaches_no_admin_listing_and_no_log(client, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    record = RecordFactory(learning=CANARY)
    client.force_login(record.owner)
    client.post(
        reverse("reflections:autosave", args=[record.id]),
        form_data(record, learning=CANARY + " edited"),
    )
    client.post(
        reverse("reflections:edit", args=[record.id]),
        form_data(record, title="x" * 300, save="Save draft"),
    )
    administrator = UserFactory(is_superuser=True, is_staff=True)
    verified_login(client, administrator)
    for url in (
        "/admin/",
        "/admin/snippets/",
        "/admin/pages/search/?q=CANARY",
        "/admin/reports/site-history/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert CANARY not in response.content.decode(), url
    assert CANARY not in caplog.text
