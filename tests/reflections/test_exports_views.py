"""CPD export pages: choosing, waiting, downloading; an export is its owner's alone."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from reflections.models import Export, ExportStatus
from tests.accounts.factories import RegistrationFactory, UserFactory
from tests.reflections.factories import CompleteRecordFactory, RecordFactory

pytestmark = pytest.mark.django_db

NEW = reverse("reflections:export_new")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def owner(client):
    user = UserFactory()
    RegistrationFactory(user=user, regulator="hcpc")
    client.force_login(user)
    return user


def post_data(records, **changes):
    data = {"format": "csv", "layout": "swe", "records": [r.id for r in records]}
    data.update(changes)
    return data


def test_the_form_defaults_to_the_learners_regulator_and_lists_complete_records(client, owner):
    complete = CompleteRecordFactory(owner=owner, title="Finished reading")
    RecordFactory(owner=owner, title="Half-written draft")
    CompleteRecordFactory(title="Another learner's record")
    html = client.get(NEW).content.decode()
    checked = re.findall(r'<input[^>]*name="layout"[^>]*value="(\w+)"\s*checked', html)
    assert checked == ["hcpc"]
    assert "Finished reading" in html and f'value="{complete.id}"' in html
    assert "Half-written draft" not in html and "Another learner" not in html


def test_my_cpd_links_to_the_export_page_once_there_are_records(client, owner):
    assert NEW not in client.get(reverse("reflections:my_cpd")).content.decode()
    CompleteRecordFactory(owner=owner)
    assert NEW in client.get(reverse("reflections:my_cpd")).content.decode()


def test_posting_prepares_the_export_and_its_owner_downloads_it(
    client, owner, django_capture_on_commit_callbacks
):
    record = CompleteRecordFactory(owner=owner, title="=1+1")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, post_data([record]))
    export = Export.objects.get(owner=owner)
    assert response.status_code == 302
    assert response.url == reverse("reflections:export_detail", args=[export.id])

    page = client.get(response.url)
    assert "Your export is ready" in page.content.decode()
    assert page["Cache-Control"] == "no-store"

    download = client.get(reverse("reflections:export_download", args=[export.id]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="cpd-swe-')
    assert download["Cache-Control"] == "no-store"
    body = b"".join(download.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf") and b"'=1+1" in body


def test_an_hcpc_summary_over_500_words_is_refused_with_a_clear_message(client, owner):
    records = CompleteRecordFactory.create_batch(4, owner=owner)
    response = client.post(
        NEW,
        post_data(
            records,
            layout="hcpc",
            summary="word " * 501,
            statement_records=[r.id for r in records],
        ),
    )
    assert response.status_code == 400
    assert "Summary of practice must be 500 words or fewer (it has 501)" in (
        response.content.decode()
    )
    assert not Export.objects.exists()


@pytest.mark.parametrize("count", [3, 7])
def test_the_hcpc_statement_needs_4_to_6_activities(client, owner, count):
    records = CompleteRecordFactory.create_batch(7, owner=owner)
    response = client.post(
        NEW,
        post_data(records, layout="hcpc", statement_records=[r.id for r in records[:count]]),
    )
    assert response.status_code == 400
    assert "Choose 4 to 6 activities for your statement" in response.content.decode()


def test_an_hcpc_profile_with_a_summary_and_5_activities_is_accepted(
    client, owner, django_capture_on_commit_callbacks
):
    records = CompleteRecordFactory.create_batch(6, owner=owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            NEW,
            post_data(
                records,
                format="json",
                layout="hcpc",
                summary="word " * 500,
                statement_records=[r.id for r in records[:5]],
            ),
        )
    assert response.status_code == 302
    export = Export.objects.get(owner=owner)
    assert export.status == ExportStatus.DONE
    assert export.options["statement_ids"] == sorted(r.id for r in records[:5])


def test_a_record_outside_the_chosen_dates_is_named(client, owner):
    record = CompleteRecordFactory(owner=owner, title="Old course", start_date=dt.date(2024, 5, 1))
    response = client.post(
        NEW,
        post_data([record], date_from_0="1", date_from_1="1", date_from_2="2026"),
    )
    assert response.status_code == 400
    assert "Old course (1 May 2024) is outside the dates you chose" in response.content.decode()


def test_another_learners_record_cannot_be_chosen(client, owner):
    theirs = CompleteRecordFactory()
    response = client.post(NEW, post_data([theirs]))
    assert response.status_code == 400
    assert "Choose records from the list" in response.content.decode()
