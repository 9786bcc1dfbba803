"""manage.py seed_benchmark and benchmark_reports: a realistic organisation, a pinned report."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Team, User
from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from training.models import Assignment, Completion, ReportFile, TrainingModulePage
from training.rules import Status
from training.selectors.reports import team_report

pytestmark = pytest.mark.django_db
REPORT_QUERIES = 5


def seed(staff, *, modules=3, clear=False):
    out = StringIO()
    call_command("seed_benchmark", staff=staff, modules=modules, clear=clear, stdout=out)
    return out.getvalue()


def benchmark_teams():
    return Team.objects.filter(name__startswith="Benchmark team").order_by("name")


def test_the_organisation_has_teams_of_about_25_each_with_a_manager_of_its_own(content):
    seed(200)
    teams = list(benchmark_teams())
    assert len(teams) == 8
    members = set()
    for team in teams:
        people = set(team.members.values_list("id", flat=True))
        assert 20 <= len(people) <= 30
        (manager,) = team.managers.all()
        assert manager.id not in people and manager.email.startswith("bench-manager-")
        members |= people
    assert len(members) == 200
    staff = User.objects.filter(id__in=members)
    assert all(u.email.endswith("@example.invalid") and not u.has_usable_password() for u in staff)
    modules = TrainingModulePage.objects.live().filter(slug__startswith="benchmark-")
    assert modules.count() == 3
    assert [step.block_type for step in modules.first().steps] == ["bite", "reflection"]
    # Most modules go to everyone; one more goes to a few chosen people of each team.
    assert Assignment.objects.filter(team__in=teams, everyone=True).count() == 8 * 2
    chosen = Assignment.objects.filter(team__in=teams, everyone=False)
    assert chosen.count() == 8 and all(0 < a.learners.count() < 10 for a in chosen)


def test_every_status_appears_in_the_organisations_report(content):
    seed(60)
    report = team_report(team_ids=benchmark_teams().values_list("id", flat=True))
    assert len(report.rows) == 60
    # Every status of a live module; none of a removed one (nothing has been removed).
    live = [status for status in Status if status != Status.REMOVED]
    assert all(report.counts[status] > 0 for status in live), report.counts
    assert report.counts[Status.REMOVED] == 0
    # Some people have an earlier, expired completion as well as the current one.
    assert Completion.objects.count() > sum(
        report.counts[s] for s in (Status.COMPLETED, Status.EXPIRES_SOON)
    )


def report_queries(team_id):
    with CaptureQueriesContext(connection) as queries:
        report = team_report(team_ids=[team_id])
    return len(queries), len(report.rows)


def page_queries(client, team):
    verified_login(client, team.managers.get())
    url = f"{reverse('training:team_report')}?team={team.id}"
    assert client.get(url).status_code == 200  # warm the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["report"].rows
    return len(queries)


def test_the_team_report_takes_the_same_queries_for_60_and_200_staff(client, content):
    seed(60)
    small_team = benchmark_teams().first()
    small = report_queries(small_team.id), page_queries(client, small_team)
    seed(200, clear=True)
    large_team = benchmark_teams().last()
    large = report_queries(large_team.id), page_queries(client, large_team)
    assert small[0][0] == large[0][0] == REPORT_QUERIES
    assert small[0][1] == 30 and large[0][1] == 25  # two teams of 30, then eight of 25
    assert small[1] == large[1]
    everyone = list(benchmark_teams().values_list("id", flat=True))
    with CaptureQueriesContext(connection) as queries:
        assert len(team_report(team_ids=everyone).rows) == 200
    assert len(queries) == REPORT_QUERIES


def test_the_same_arguments_make_the_same_organisation_and_clear_removes_only_its_own(content):
    other_team = TeamFactory(name="Children's services team A", members=[UserFactory()])
    seed(60)

    def snapshot():
        report = team_report(team_ids=benchmark_teams().values_list("id", flat=True))
        return dict(report.counts), [(r.name, r.email) for r in report.rows]

    first = snapshot()
    with pytest.raises(CommandError, match="--clear"):
        seed(60)
    seed(60, clear=True)
    assert snapshot() == first
    assert Team.objects.filter(id=other_team.id).exists()
    assert other_team.members.count() == 1


@override_settings(SETTINGS_MODULE="config.settings.production")
def test_the_seed_refuses_to_run_with_production_settings(content):
    with pytest.raises(CommandError, match="production"):
        seed(60)
    assert not User.objects.filter(email__startswith="bench-").exists()


def test_the_benchmark_times_every_report_and_leaves_no_devices_behind(content):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    seed(60)
    out = StringIO()
    call_command("benchmark_reports", runs=2, download_runs=1, stdout=out)
    output = out.getvalue()
    for line in ("accessibility (bare view)", "team report, one team", "XLSX, one team"):
        assert line in output
    assert "Organisation report files" in output and "XLSX  median" in output
    assert "peak" in output and "team_summaries_refresh" in output
    assert not TOTPDevice.objects.exists()
    assert not ReportFile.objects.exists()
    assert not User.objects.filter(email="bench-memory@example.invalid").exists()
