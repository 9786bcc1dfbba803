"""The organisation's training report as a file prepared by a task, for its owner only."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning import services, tasks
from learning.models import ReportDownload, ReportDownloadStatus
from learning.selectors.reports import team_reports_in_batches
from learning.services import assignment_create
from learning.views import TEAMS_AT_ONCE
from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
HEADERS = ["Name", "Email", "Team", "Module", "Status", "Due date", "Completed on", "Expires on"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def organisation(module):
    """TEAMS_AT_ONCE + 1 teams of two, each assigned the module, and an administrator."""
    admin = UserFactory(first_name="Ada", last_name="Admin", is_superuser=True, is_staff=True)
    teams = []
    for n in range(TEAMS_AT_ONCE + 1):
        members = [UserFactory(first_name=f"Person{n}a"), UserFactory(first_name=f"Person{n}b")]
        team = TeamFactory(name=f"Team {n:02d}", members=members)
        assignment_create(
            actor=admin, team_id=team.id, module_id=module.id, due_date=TODAY + dt.timedelta(7)
        )
        teams.append(team)
    return admin, teams


def csv_rows(data: bytes):
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def prepared(user, team_ids, format="csv"):
    download = ReportDownload.objects.create(requested_by=user, format=format, team_ids=team_ids)
    return services.report_download_render(download_id=download.id)


def test_the_organisation_page_offers_a_file_and_its_old_links_lead_there(client, organisation):
    admin, _ = organisation
    verified_login(client, admin)
    html = client.get(reverse("training:team_report")).content.decode()
    assert "Download everyone's training" in html and "Prepare the file" in html
    for name in ("team_report_csv", "team_report_xlsx"):
        response = client.get(reverse(f"training:{name}"), follow=True)
        assert response.redirect_chain[-1][0] == reverse("training:team_report") + "#download"
        assert "prepared as a file in the background" in response.content.decode()
    assert not ReportDownload.objects.exists()


def test_a_tampered_team_id_does_not_build_everyones_report_in_the_request(client, organisation):
    admin, teams = organisation
    verified_login(client, admin)
    for team in ("999999", "x"):
        response = client.get(reverse("training:team_report_csv"), {"team": team})
        assert response.status_code == 302
        assert response["Location"] == reverse("training:team_report") + "#download"
    one = client.get(reverse("training:team_report_csv"), {"team": teams[0].id})
    rows = csv_rows(b"".join(one.streaming_content))
    assert {row[2] for row in rows[1:]} == {teams[0].name}


def test_a_file_of_every_team_is_prepared_after_commit_and_served_to_its_owner(
    client, organisation, django_capture_on_commit_callbacks
):
    admin, teams = organisation
    teams[0].members.first().__class__.objects.filter(id=teams[0].members.first().id).update(
        first_name='=HYPERLINK("http://evil.example")'
    )
    verified_login(client, admin)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("training:report_download_new"), {"format": "csv"})
    assert len(callbacks) == 1
    download = ReportDownload.objects.get()
    assert response["Location"] == reverse("training:report_download", args=[download.id])
    assert download.status == ReportDownloadStatus.DONE
    assert sorted(download.team_ids) == sorted(t.id for t in teams)
    page = client.get(response["Location"])
    assert page["Cache-Control"] == "no-store"
    assert "Your file is ready" in page.content.decode()
    file_response = client.get(reverse("training:report_download_file", args=[download.id]))
    assert file_response["Cache-Control"] == "no-store"
    assert file_response["Content-Disposition"] == (
        f'attachment; filename="training-report-{TODAY.isoformat()}.csv"'
    )
    rows = csv_rows(b"".join(file_response.streaming_content))
    assert rows[0] == HEADERS
    assert len(rows) == 1 + 2 * len(teams)
    assert {row[2] for row in rows[1:]} == {t.name for t in teams}
    assert any(row[0].startswith("'=HYPERLINK") for row in rows[1:])
    assert not any(row[0].startswith("=") for row in rows[1:])


def test_a_double_submit_while_it_is_prepared_gives_the_same_file(
    client, organisation, django_capture_on_commit_callbacks
):
    admin, _ = organisation
    verified_login(client, admin)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = client.post(reverse("training:report_download_new"), {"format": "xlsx"})
        second = client.post(reverse("training:report_download_new"), {"format": "xlsx"})
    assert first["Location"] == second["Location"]
    assert ReportDownload.objects.count() == 1 and len(callbacks) == 1
    page = client.get(first["Location"]).content.decode()
    assert "Preparing your file" in page and 'data-state="waiting"' in page
    assert 'http-equiv="refresh"' not in page  # it asks again by script (WCAG 2.2.1, F41)
    # Stuck for over an hour (its worker lost): a new press starts a new file.
    ReportDownload.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        third = client.post(reverse("training:report_download_new"), {"format": "xlsx"})
    assert third["Location"] != first["Location"] and len(callbacks) == 1
    # Not ready yet: the download link takes them back to the page that says so.
    file_url = reverse("training:report_download_file", args=[ReportDownload.objects.last().id])
    assert client.get(file_url)["Location"] == first["Location"]


def test_a_tampered_format_is_refused_with_a_message(client, organisation):
    admin, _ = organisation
    verified_login(client, admin)
    response = client.post(reverse("training:report_download_new"), {"format": "exe"}, follow=True)
    assert "Select a file format" in response.content.decode()
    assert not ReportDownload.objects.exists()


def test_the_xlsx_has_the_same_rows(organisation):
    from openpyxl import load_workbook

    admin, teams = organisation
    download = prepared(admin, [t.id for t in teams], format="xlsx")
    with download.file.open("rb") as file:
        sheet = load_workbook(io.BytesIO(file.read())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADERS and len(rows) == 1 + 2 * len(teams)


def test_running_the_task_twice_leaves_one_file(organisation):
    admin, teams = organisation
    download = prepared(admin, [t.id for t in teams])
    name = download.file.name
    again = services.report_download_render(download_id=download.id)
    assert again.file.name == name and again.finished_at == download.finished_at
    folder = download.file.storage.path(name).rsplit("/", 1)[0]
    import os

    assert os.listdir(folder) == [name.rsplit("/", 1)[1]]


def test_a_failure_marks_the_file_failed_and_says_so(client, organisation, monkeypatch):
    admin, teams = organisation
    download = ReportDownload.objects.create(
        requested_by=admin, format="csv", team_ids=[teams[0].id]
    )

    def broken(stream, reports):
        raise ValueError("disk on fire")

    monkeypatch.setattr(services.report_files, "csv_write", broken)
    with pytest.raises(ValueError):
        tasks.report_download_render.delay(download.id)
    download.refresh_from_db()
    assert download.status == ReportDownloadStatus.FAILED
    verified_login(client, admin)
    html = client.get(reverse("training:report_download", args=[download.id])).content.decode()
    assert "Your file could not be prepared" in html and "Try again" in html


def test_someone_elses_file_is_not_found(client, organisation, team):
    admin, teams = organisation
    download = prepared(admin, [t.id for t in teams])
    verified_login(client, team.manager)
    for name in ("report_download", "report_download_file"):
        assert client.get(reverse(f"training:{name}", args=[download.id])).status_code == 404


def test_a_file_is_not_served_once_its_owner_no_longer_manages_all_its_teams(client, team):
    download = prepared(team.manager, [team.team.id])
    verified_login(client, team.manager)
    url = reverse("training:report_download_file", args=[download.id])
    assert client.get(url).status_code == 200
    other = TeamFactory()
    other.managers.add(team.manager)
    team.team.managers.remove(team.manager)
    assert client.get(url).status_code == 404


def test_an_expired_file_is_gone_with_a_way_to_make_another_and_is_deleted(client, team):
    download = prepared(team.manager, [team.team.id])
    path = download.file.path
    ReportDownload.objects.filter(id=download.id).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    verified_login(client, team.manager)
    for name in ("report_download", "report_download_file"):
        response = client.get(reverse(f"training:{name}", args=[download.id]))
        assert response.status_code == 410
        assert "Prepare a new file" in response.content.decode()
    assert tasks.report_downloads_delete_expired.apply().get() == 1
    assert not ReportDownload.objects.exists()
    import os

    assert not os.path.exists(path)


def test_the_organisation_page_lists_only_the_users_own_unexpired_files(client, organisation):
    admin, teams = organisation
    mine = prepared(admin, [t.id for t in teams])
    other_admin = UserFactory(is_superuser=True)
    prepared(other_admin, [teams[0].id])
    verified_login(client, admin)
    html = client.get(reverse("training:team_report")).content.decode()
    assert reverse("training:report_download", args=[mine.id]) in html
    assert html.count("/team-training/files/") == 2  # the form's action and mine


def test_the_file_reads_a_fixed_number_of_queries_a_batch_of_teams(organisation, module):
    admin, teams = organisation
    team_ids = [t.id for t in teams]
    for batch, batches in ((len(team_ids), 1), (2, 3)):
        with CaptureQueriesContext(connection) as queries:
            reports = list(team_reports_in_batches(team_ids=team_ids, batch=batch))
        assert len(reports) == batches
        # Five a batch at most; four here: every assignment is to everyone in its team,
        # so there are no chosen learners to read.
        assert len(queries) == 4 * batches
        assert sum(len(r.rows) for r in reports) == 2 * len(teams)


def test_the_file_takes_the_same_queries_for_2_and_6_teams(organisation):
    admin, teams = organisation
    counts = []
    for some in (teams[:2], teams):
        download = ReportDownload.objects.create(
            requested_by=admin, format="csv", team_ids=[t.id for t in some]
        )
        with CaptureQueriesContext(connection) as queries:
            services.report_download_render(download_id=download.id)
        counts.append(len(queries))
    assert counts[0] == counts[1]
