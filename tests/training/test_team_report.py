"""The manager's report: people x modules, counts, filters, trend, heatmap; five queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from training.models import Completion, ModuleProgressLog
from training.rules import Status
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
