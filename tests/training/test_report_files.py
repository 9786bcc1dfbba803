"""The organisation's training report as a prepared file: what is its own.

What every prepared file does (owner only, 410, retries, double requests) is tested
once for both kinds in tests/core/test_prepared_files.py.
"""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.prepared_files.models import PreparedFileStatus
from core.prepared_files.services import prepared_file_render
from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.training.factories import ReportFileFactory
from training.files import REPORT_FILES
from training.models import ReportFile
from training.selectors.reports import team_reports_in_batches
from training.services import assignment_create
from training.views import TEAMS_AT_ONCE

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
HEADERS = [
    "Name", "Email", "Team", "Module", "Status", "Due date", "Completed on", "Expires on",
    "Days overdue",
]  # fmt: skip


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
    report_file = ReportFileFactory(owner=user, format=format, team_ids=team_ids)
    return prepared_file_render(kind=REPORT_FILES, file_id=report_file.id)


def test_the_organisation_page_offers_a_file_and_its_old_links_lead_there(client, organisation):
    admin, _ = organisation
    verified_login(client, admin)
    html = client.get(reverse("training:team_report")).content.decode()
    assert "Download everyone's training" in html and "Prepare the file" in html
    for name in ("team_report_csv", "team_report_xlsx"):
        response = client.get(reverse(f"training:{name}"), follow=True)
        assert response.redirect_chain[-1][0] == reverse("training:team_report") + "#download"
        assert "prepared as a file in the background" in response.content.decode()
    assert not ReportFile.objects.exists()


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
        response = client.post(reverse("training:report_file_new"), {"format": "csv"})
    assert len(callbacks) == 1
    download = ReportFile.objects.get()
    assert response["Location"] == reverse("training:report_file", args=[download.id])
    assert download.status == PreparedFileStatus.DONE
    assert sorted(download.team_ids) == sorted(t.id for t in teams)
    page = client.get(response["Location"])
    assert page["Cache-Control"] == "no-store"
    assert "Your file is ready" in page.content.decode()
    file_response = client.get(reverse("training:report_file_download", args=[download.id]))
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


def test_a_tampered_format_is_refused_with_a_message(client, organisation):
    admin, _ = organisation
    verified_login(client, admin)
    response = client.post(reverse("training:report_file_new"), {"format": "exe"}, follow=True)
    assert "Select a file format" in response.content.decode()
    assert not ReportFile.objects.exists()


def test_the_xlsx_has_the_same_rows(organisation):
    from openpyxl import load_workbook

    admin, teams = organisation
    download = prepared(admin, [t.id for t in teams], format="xlsx")
    with download.file.open("rb") as file:
        sheet = load_workbook(io.BytesIO(file.read())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADERS and len(rows) == 1 + 2 * len(teams)


def test_a_file_is_not_served_once_its_owner_no_longer_manages_all_its_teams(client, team):
    download = prepared(team.manager, [team.team.id])
    verified_login(client, team.manager)
    url = reverse("training:report_file_download", args=[download.id])
    assert client.get(url).status_code == 200
    other = TeamFactory()
    other.managers.add(team.manager)
    team.team.managers.remove(team.manager)
    assert client.get(url).status_code == 404


def test_the_organisation_page_lists_only_the_users_own_unexpired_files(client, organisation):
    admin, teams = organisation
    mine = prepared(admin, [t.id for t in teams])
    other_admin = UserFactory(is_superuser=True)
    prepared(other_admin, [teams[0].id])
    verified_login(client, admin)
    html = client.get(reverse("training:team_report")).content.decode()
    assert reverse("training:report_file", args=[mine.id]) in html
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
        report_file = ReportFileFactory(owner=admin, team_ids=[t.id for t in some])
        with CaptureQueriesContext(connection) as queries:
            prepared_file_render(kind=REPORT_FILES, file_id=report_file.id)
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.fixture
def dated(team, module):
    """Asha completed the module (it expires in a year); Ciaran is 4 days overdue."""
    from training.models import Assignment, Completion

    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=TODAY
    )
    Assignment.objects.filter(id=assignment.id).update(due_date=TODAY - dt.timedelta(days=4))
    Completion.objects.create(
        user=team.members[0],
        module=module,
        module_title=module.title,
        completed_at=timezone.now(),
        expires_on=TODAY + dt.timedelta(days=365),
    )
    return team


def test_the_xlsx_keeps_dates_as_dates_and_numbers_as_numbers(client, dated):
    from openpyxl import load_workbook

    verified_login(client, dated.manager)
    response = client.get(reverse("training:team_report_xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == HEADERS  # one header row, then data only
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I3"
    by_name = {row[0].value: dict(zip(HEADERS, row, strict=True)) for row in rows[1:]}
    asha, ciaran = by_name["Asha Patel"], by_name["Ciaran Murphy"]
    for cell, day in (
        (asha["Completed on"], TODAY),
        (asha["Expires on"], TODAY + dt.timedelta(days=365)),
        (ciaran["Due date"], TODAY - dt.timedelta(days=4)),
    ):
        assert cell.is_date and cell.number_format == "yyyy-mm-dd"
        assert cell.value.date() == day
    assert ciaran["Status"].value == "Overdue"
    assert ciaran["Days overdue"].value == 4 and isinstance(ciaran["Days overdue"].value, int)
    assert asha["Days overdue"].value is None and ciaran["Completed on"].value is None


def test_the_csv_has_one_header_row_and_iso_dates(client, dated):
    verified_login(client, dated.manager)
    response = client.get(reverse("training:team_report_csv"))
    rows = csv_rows(b"".join(response.streaming_content))
    assert rows[0] == HEADERS and HEADERS not in rows[1:]
    by_name = {row[0]: dict(zip(HEADERS, row, strict=True)) for row in rows[1:]}
    assert len(by_name) == 2 == len(rows) - 1  # one row per person and module
    assert by_name["Asha Patel"]["Completed on"] == TODAY.isoformat()
    assert by_name["Asha Patel"]["Expires on"] == (TODAY + dt.timedelta(days=365)).isoformat()
    assert by_name["Ciaran Murphy"]["Due date"] == (TODAY - dt.timedelta(days=4)).isoformat()
    assert by_name["Ciaran Murphy"]["Days overdue"] == "4"


def test_formula_looking_text_stays_text_in_the_xlsx(client, dated):
    from openpyxl import load_workbook

    asha = dated.members[0]
    asha.first_name, asha.last_name = "=1+1", "@SUM(A1)"
    asha.save()
    verified_login(client, dated.manager)
    response = client.get(reverse("training:team_report_xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = {row[0].value for row in sheet.iter_rows(min_row=2)}
    assert "'=1+1 @SUM(A1)" in names
    assert all(row[0].data_type == "s" for row in sheet.iter_rows(min_row=2))
