"""The manager's report: people x modules, counts, filters, trend, heatmap; five queries."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from training.models import Completion, ModuleProgressLog
from training.rules import DateKind, ShownDate, Status
from training.selectors.reports import completion_trend, standards_heatmap, team_report
from training.services import assignment_create, team_summaries_refresh

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def assign(team, module, days=14, **kwargs):
    return assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=TODAY + dt.timedelta(days=days),
        **kwargs,
    )


def complete(user, module, *, days_ago=0, expires_in=None):
    return Completion.objects.create(
        user=user,
        module=module,
        module_title=module.title,
        completed_at=timezone.now() - dt.timedelta(days=days_ago),
        expires_on=TODAY + dt.timedelta(days=expires_in) if expires_in is not None else None,
    )


def test_each_cell_has_the_persons_status_and_date(team, module, bite_only_module):
    asha, ciaran = team.members
    assign(team, module)
    assign(team, bite_only_module, everyone=False, learner_ids=[asha.id])
    complete(asha, module)
    ModuleProgressLog.objects.create(
        user=ciaran, module=module, steps_done=1, steps_total=3, started_at=timezone.now()
    )
    report = team_report(team_ids=[team.team.id])
    assert [m.title for m in report.modules] == [
        "Read the social media bite",
        "Social media and professional boundaries",
    ]
    by_name = {row.name: row for row in report.rows}
    asha_row, ciaran_row = by_name["Asha Patel"], by_name["Ciaran Murphy"]
    assert [c.status for c in asha_row.cells] == [Status.NOT_STARTED, Status.COMPLETED]
    assert asha_row.cells[1].shown_date == TODAY
    assert ciaran_row.cells[0] is None  # not assigned to him
    assert ciaran_row.cells[1].status == Status.IN_PROGRESS
    assert report.counts[Status.COMPLETED] == 1 and report.counts[Status.NOT_STARTED] == 1
    assert report.counts[Status.IN_PROGRESS] == 1


def test_overdue_and_expiring_soon_lists(team, module):
    asha, ciaran = team.members
    assignment = assign(team, module)
    type(assignment).objects.filter(id=assignment.id).update(due_date=TODAY - dt.timedelta(2))
    complete(asha, module, days_ago=350, expires_in=15)
    report = team_report(team_ids=[team.team.id])
    assert [(row.name, cell.status) for row, _m, cell in report.overdue] == [
        ("Ciaran Murphy", Status.OVERDUE)
    ]
    assert [(row.name, cell.expires_on) for row, _m, cell in report.expiring_soon] == [
        ("Asha Patel", TODAY + dt.timedelta(days=15))
    ]


def test_filters_by_status_and_module_and_sorts(team, module, bite_only_module):
    asha, ciaran = team.members
    assign(team, module)
    assign(team, bite_only_module)
    complete(asha, bite_only_module)
    completed = team_report(team_ids=[team.team.id], statuses={Status.COMPLETED})
    assert [row.name for row in completed.rows] == ["Asha Patel"]
    only_module = team_report(team_ids=[team.team.id], module_ids=[module.id])
    assert [m.id for m in only_module.modules] == [module.id]
    assert [r.name for r in team_report(team_ids=[team.team.id], sort="-name").rows] == [
        "Ciaran Murphy",
        "Asha Patel",
    ]


def test_a_report_shows_only_the_chosen_teams_people(team, module):
    other = TeamFactory(members=[UserFactory(first_name="Zed", last_name="Other")])
    assign(team, module)
    names = [row.name for row in team_report(team_ids=[team.team.id]).rows]
    assert names == ["Asha Patel", "Ciaran Murphy"]
    assert "Zed Other" not in names and other.id


def grow_team(team, module, people):
    for n in range(people):
        user = UserFactory(first_name=f"Extra{n}")
        team.team.members.add(user)
        if n % 3 == 0:
            complete(user, module, days_ago=n)
        elif n % 3 == 1:
            ModuleProgressLog.objects.create(
                user=user, module=module, steps_done=1, steps_total=3, started_at=timezone.now()
            )


def test_the_report_takes_five_queries_at_any_size(team, module, bite_only_module):
    assign(team, module)
    assign(team, bite_only_module, everyone=False, learner_ids=[team.members[0].id])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            report = team_report(team_ids=[team.team.id])
        return len(captured), len(report.rows)

    small = queries()
    grow_team(team, module, 40)
    large = queries()
    assert small == (5, 2) and large == (5, 42)


def test_the_trend_counts_completions_per_week_for_twelve_weeks(team, module):
    asha, ciaran = team.members
    complete(asha, module, days_ago=0)
    complete(ciaran, module, days_ago=0)
    complete(ciaran, module, days_ago=7 * 20)  # too old to show
    complete(UserFactory(), module)  # not in the team
    weeks = completion_trend(team_ids=[team.team.id])
    assert len(weeks) == 12 and weeks[-1].completions == 2
    assert sum(w.completions for w in weeks) == 2
    assert weeks[-1].week_start == TODAY - dt.timedelta(days=TODAY.weekday())


def test_the_organisation_summary_counts_each_teams_statuses(team, module):
    assign(team, module)
    complete(team.members[0], module)
    assert team_summaries_refresh() == 1
    from training.selectors.reports import organisation_summary

    (row,) = organisation_summary(team_ids=[team.team.id])
    counts = dict(row.counts)
    assert row.people == 2 and counts[Status.COMPLETED] == 1 and counts[Status.NOT_STARTED] == 1


def test_the_heatmap_needs_three_learners_and_shows_aggregates_only(team, module, content):
    from tests.quizzes.factories import single
    from tests.training.test_progress import pass_quiz

    module.quiz.questions = [single(standards=[content.social_media]), single()]
    module.quiz.save_revision().publish()
    third = UserFactory()
    team.team.members.add(third)
    for user in team.members[:2]:
        pass_quiz(user, module.quiz)
    assert standards_heatmap(team_ids=[team.team.id]) == []  # two people: too few to show
    pass_quiz(third, module.quiz)
    (row,) = standards_heatmap(team_ids=[team.team.id])
    assert row.standard.id == content.social_media.id
    assert (row.learners, row.answers, row.percent_correct) == (3, 3, 100)
    assert {"answers", "learners", "percent_correct", "standard"} == set(row.__dataclass_fields__)


def every_status(team, module, bite_only_module):
    """Five people, one per status on `module`; everyone overdue on `bite_only_module`
    except Asha, who has completed it (it never expires)."""
    asha, ciaran = team.members
    dana, eve = UserFactory(first_name="Dana", last_name="Scott"), UserFactory(first_name="Eve")
    finn = UserFactory(first_name="Finn", last_name="Kerr")
    team.team.members.add(dana, eve, finn)
    assign(team, module)
    late = assign(team, bite_only_module)
    type(late).objects.filter(id=late.id).update(due_date=TODAY - dt.timedelta(days=4))
    complete(asha, module, days_ago=3, expires_in=360)  # completed
    complete(asha, bite_only_module, days_ago=1)  # completed, never expires
    complete(ciaran, module, days_ago=350, expires_in=15)  # expires soon
    ModuleProgressLog.objects.create(
        user=dana, module=module, steps_done=1, steps_total=3, started_at=timezone.now()
    )  # in progress
    complete(finn, module, days_ago=400, expires_in=-20)  # expired: due again, overdue
    return {"dana": dana, "eve": eve, "finn": finn}


def test_an_expires_soon_cell_shows_the_expiry_date_not_the_completion_date(team, module):
    ciaran = team.members[1]
    assign(team, module)
    complete(ciaran, module, days_ago=350, expires_in=15)
    (cell,) = [
        row.cells[0]
        for row in team_report(team_ids=[team.team.id]).rows
        if row.name == "Ciaran Murphy"
    ]
    assert cell.status == Status.EXPIRES_SOON
    assert cell.shown == ShownDate(DateKind.EXPIRES, TODAY + dt.timedelta(days=15))
    assert cell.shown_date != cell.completed_on


def test_the_grid_the_tables_and_the_download_agree_on_every_status(
    client, team, module, bite_only_module
):
    from bs4 import BeautifulSoup

    every_status(team, module, bite_only_module)
    report = team_report(team_ids=[team.team.id])
    cells = {
        (row.name, m.title): cell
        for row in report.rows
        for m, cell in zip(report.modules, row.cells, strict=True)
        if cell is not None
    }
    assert {c.status for c in cells.values()} == {
        Status.COMPLETED, Status.EXPIRES_SOON, Status.IN_PROGRESS, Status.NOT_STARTED,
        Status.OVERDUE,
    }  # fmt: skip
    verified_login(client, team.manager)
    soup = BeautifulSoup(client.get(reverse("training:team_report")).content, "html.parser")
    grid = soup.select_one("[aria-labelledby=people-heading] table")
    titles = [th.get_text(" ", strip=True) for th in grid.select("thead th")][1:]
    phrase = {DateKind.DUE: "due", DateKind.COMPLETED: "completed", DateKind.EXPIRES: "expires"}
    seen = 0
    for tr in grid.select("tbody tr"):
        name = tr.th.contents[0].get_text(strip=True)  # the name links to the learner page
        for title, td in zip(titles, tr.select("td"), strict=True):
            cell = cells.get((name, title))
            if cell is None:
                continue
            shown = cell.shown
            assert td.strong.get_text(strip=True) == cell.status.label
            assert td.span.get_text(strip=True) == f"{phrase[shown.kind]} {shown.date:%-d %b %Y}"
            seen += 1
    assert seen == len(cells)
    # The overdue and expiring tables show the grid's date for the same cells.
    for heading, status in (
        ("overdue-heading", Status.OVERDUE),
        ("expiring-heading", Status.EXPIRES_SOON),
    ):
        rows = soup.select(f"table[aria-labelledby={heading}] tbody tr")
        wanted = {k: c for k, c in cells.items() if c.status == status}
        assert len(rows) == len(wanted)
        for tr in rows:
            name, title, day = (td.get_text(strip=True) for td in tr.select("td"))
            assert day == f"{wanted[name, title].shown_date:%-d %b %Y}"
    # The download: the same label, and the shown date in its own column.
    response = client.get(reverse("training:team_report_csv"))
    lines = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode().lstrip("\ufeff")))
    )
    column = {
        DateKind.DUE: "Due date",
        DateKind.COMPLETED: "Completed on",
        DateKind.EXPIRES: "Expires on",
    }
    assert len(lines) == len(cells)
    for line in lines:
        cell = cells[line["Name"], line["Module"]]
        assert line["Status"] == cell.status.label
        assert line[column[cell.shown.kind]] == cell.shown_date.isoformat()
