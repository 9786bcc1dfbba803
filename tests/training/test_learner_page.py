"""The learner page a manager sees: one person's assignments, completions, quiz scores and
shared records; nothing else of theirs, and nobody else's page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, AttemptStatus
from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.reflections.factories import CompleteRecordFactory, RecordFactory
from tests.training.conftest import module_create
from training.models import Assignment, Completion, ModuleProgressLog
from training.selectors.learner import learner_for_manager
from training.services import assignment_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SECRET_PROMPT = "Which of these replies to the friend request is best?"
# The person and their teams; the assignments; the completions; the progress logs; the
# quiz scores; the shared records.
LEARNER_QUERIES = 6


def assign(team, module, days=14, **kwargs):
    return assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=TODAY + dt.timedelta(days=days),
        **kwargs,
    )


def complete(user, module, *, days_ago=0, expires_in=None, title=None):
    return Completion.objects.create(
        user=user,
        module=module,
        module_title=title or module.title,
        completed_at=timezone.now() - dt.timedelta(days=days_ago),
        expires_on=TODAY + dt.timedelta(days=expires_in) if expires_in is not None else None,
    )


def submitted_attempt(user, quiz, *, number=1, percent="75.00", passed=True, title=None):
    """A submitted attempt whose snapshot holds a question the manager must never see."""
    question = {"id": "q1", "prompt": SECRET_PROMPT, "scenario": "<p>A scenario.</p>"}
    return Attempt.objects.create(
        user=user,
        quiz=quiz,
        quiz_title=title or quiz.title,
        number=number,
        snapshot={"questions": [question]},
        responses={"q1": ["a-secret-answer"]},
        status=AttemptStatus.SUBMITTED,
        submitted_at=timezone.now(),
        percent=Decimal(percent),
        passed=passed,
    )


def learner_url(user):
    return reverse("training:learner", args=[user.id])


def page_for(client, viewer, person):
    verified_login(client, viewer)
    return client.get(learner_url(person))


def test_the_page_shows_assignments_completions_scores_and_shared_records(
    client, team, module, bite_only_module
):
    asha = team.members[0]
    assign(team, module, days=10)
    assign(team, bite_only_module)
    complete(asha, bite_only_module, days_ago=3)
    submitted_attempt(asha, module.quiz, percent="80.00", passed=True)
    submitted_attempt(asha, module.quiz, number=2, percent="40.00", passed=False)
    shared = CompleteRecordFactory(
        owner=asha, title="Supervision and recording", shared_with_manager=True
    )
    response = page_for(client, team.manager, asha)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Asha Patel</h1>' in html
    assert "Children&#x27;s services team A" in html
    due = TODAY + dt.timedelta(days=10)
    assert module.title in html and f"Due by {due:%-d %b %Y}" in html
    assert "Not started" in html
    assert f"Completed on {TODAY - dt.timedelta(days=3):%-d %b %Y}" in html
    assert "Does not expire" in html  # the bite-only module has no refresher
    assert "80%" in html and "40%" in html and "Passed" in html and "Not passed" in html
    assert "Attempt 2" in html
    assert reverse("reflections:shared_detail", args=[shared.id]) in html
    assert "Supervision and recording" in html


def test_unshared_records_drafts_and_answers_never_appear(client, team, module):
    asha = team.members[0]
    assign(team, module)
    submitted_attempt(asha, module.quiz)
    CompleteRecordFactory(owner=asha, title="Shared reflection", shared_with_manager=True)
    CompleteRecordFactory(owner=asha, title="A private reflection on a hard week")
    # Shared before it was finished: still a draft, so still private.
    RecordFactory(owner=asha, title="An unfinished draft", shared_with_manager=True)
    html = page_for(client, team.manager, asha).content.decode()
    assert "Shared reflection" in html
    assert "A private reflection on a hard week" not in html
    assert "An unfinished draft" not in html
    assert SECRET_PROMPT not in html and "a-secret-answer" not in html
    assert "I read the social media bite." not in html  # a shared record's text, too


def test_the_status_date_is_the_one_that_goes_with_it(client, team, module, bite_only_module):
    """Overdue: the due date; expires soon: the expiry date (not the completion date)."""
    asha = team.members[0]
    overdue = assign(team, bite_only_module)
    Assignment.objects.filter(id=overdue.id).update(due_date=TODAY - dt.timedelta(days=2))
    assign(team, module)
    complete(asha, module, days_ago=350, expires_in=15)
    html = page_for(client, team.manager, asha).content.decode()
    assert "Overdue" in html
    assert f"Due by {TODAY - dt.timedelta(days=2):%-d %b %Y}" in html
    assert "Expires soon" in html
    expires = TODAY + dt.timedelta(days=15)
    assert f"Expires on {expires:%-d %b %Y}" in html
    assert (
        f"Completed on {TODAY - dt.timedelta(days=350):%-d %b %Y}"
        not in html.split("Completed training")[0]
    )


def test_status_matches_the_team_report(team, module, bite_only_module):
    from training.selectors.reports import team_report

    asha = team.members[0]
    assign(team, module)
    assign(team, bite_only_module, days=3)
    ModuleProgressLog.objects.create(
        user=asha, module=module, steps_done=1, steps_total=3, started_at=timezone.now()
    )
    complete(asha, bite_only_module)
    report = team_report(team_ids=[team.team.id])
    row = next(r for r in report.rows if r.user_id == asha.id)
    in_report = {m.id: cell for m, cell in zip(report.modules, row.cells, strict=True)}
    page = learner_for_manager(manager=team.manager, user_id=asha.id)
    assert page is not None
    assert {a.module_id: a.standing for a in page.assignments} == in_report


def test_only_the_managers_teams_and_their_assignments_are_shown(
    client, team, module, bite_only_module
):
    asha = team.members[0]
    other_manager = UserFactory(first_name="Other", last_name="Manager")
    other = TeamFactory(name="Adult services team B", members=[asha], managers=[other_manager])
    assignment_create(
        actor=other_manager,
        team_id=other.id,
        module_id=bite_only_module.id,
        due_date=TODAY + dt.timedelta(days=5),
    )
    assign(team, module)
    page = learner_for_manager(manager=team.manager, user_id=asha.id)
    assert page is not None
    assert page.teams == ["Children's services team A"]
    assert [a.title for a in page.assignments] == [module.title]
    html = page_for(client, team.manager, asha).content.decode()
    assert "Adult services team B" not in html and bite_only_module.title not in html


def test_chosen_learners_see_only_their_assignments(team, module, bite_only_module):
    asha, ciaran = team.members
    assign(team, bite_only_module, everyone=False, learner_ids=[asha.id])
    assign(team, module)
    asha_page = learner_for_manager(manager=team.manager, user_id=asha.id)
    ciaran_page = learner_for_manager(manager=team.manager, user_id=ciaran.id)
    assert asha_page is not None and ciaran_page is not None
    assert {a.module_id for a in asha_page.assignments} == {module.id, bite_only_module.id}
    assert {a.module_id for a in ciaran_page.assignments} == {module.id}


def test_removed_modules_and_quizzes_are_marked(client, team, module, bite_only_module):
    asha = team.members[0]
    assign(team, bite_only_module)
    complete(asha, bite_only_module, title="Read the social media bite")
    submitted_attempt(asha, module.quiz)
    bite_only_module.unpublish()
    module.quiz.unpublish()
    html = page_for(client, team.manager, asha).content.decode()
    assert "Read the social media bite (removed from the site)" in html
    assert f"{module.quiz.title} (quiz removed from the site)" in html


def test_a_team_report_name_links_to_the_learner_page(client, team, module):
    assign(team, module)
    verified_login(client, team.manager)
    html = client.get(reverse("training:team_report")).content.decode()
    for member in team.members:
        assert f'href="{learner_url(member)}"' in html


def test_another_teams_manager_gets_not_found(client, team):
    other_manager = UserFactory()
    TeamFactory(members=[UserFactory()], managers=[other_manager])
    assert page_for(client, other_manager, team.members[0]).status_code == 404


def test_the_person_themselves_and_a_colleague_get_not_found(client, team):
    asha, ciaran = team.members
    client.force_login(asha)
    assert client.get(learner_url(asha)).status_code == 404
    assert client.get(learner_url(ciaran)).status_code == 404


def test_a_manager_who_is_in_their_own_team_gets_not_found_for_themselves(client, team):
    team.team.members.add(team.manager)
    assert page_for(client, team.manager, team.manager).status_code == 404


def test_an_unknown_or_inactive_person_is_not_found(client, team):
    verified_login(client, team.manager)
    missing = reverse("training:learner", args=[UserFactory().id + 1000])
    assert client.get(missing).status_code == 404
    asha = team.members[0]
    asha.is_active = False
    asha.save()
    assert client.get(learner_url(asha)).status_code == 404


def test_an_administrator_sees_anyones_training_but_no_shared_record(team, module):
    asha = team.members[0]
    CompleteRecordFactory(owner=asha, title="For my manager", shared_with_manager=True)
    admin = UserFactory(is_superuser=True, is_staff=True)
    page = learner_for_manager(manager=admin, user_id=asha.id)
    assert page is not None and page.teams == ["Children's services team A"]
    assert page.shared_records == []  # shared with the team's manager, not with everyone


def _grow(team, module, asha, n):
    """Give Asha n more modules assigned, completed, shared records and quiz attempts."""
    for i in range(n):
        extra = module_create(
            parent=module.training_index,
            slug=f"extra-{i}",
            title=f"Extra module {i}",
            steps=[{"type": "reflection", "value": {"prompt": "Reflect."}}],
        )
        assign(team, extra, days=i + 1)
        complete(asha, extra, expires_in=100 + i)
        ModuleProgressLog.objects.create(user=asha, module=extra, steps_done=1, steps_total=1)
        submitted_attempt(asha, module.quiz, number=i + 3)
        CompleteRecordFactory(owner=asha, shared_with_manager=True)


def test_the_selector_takes_the_same_queries_for_2_and_40_rows(
    team, module, bite_only_module, django_assert_num_queries
):
    asha = team.members[0]
    assign(team, module)
    assign(team, bite_only_module)
    submitted_attempt(asha, module.quiz)
    submitted_attempt(asha, module.quiz, number=2)
    with django_assert_num_queries(LEARNER_QUERIES):
        small = learner_for_manager(manager=team.manager, user_id=asha.id)
    assert small is not None and len(small.assignments) == 2 and len(small.attempts) == 2
    _grow(team, module, asha, 38)
    with django_assert_num_queries(LEARNER_QUERIES):
        large = learner_for_manager(manager=team.manager, user_id=asha.id)
    assert large is not None
    assert len(large.assignments) == 40 and len(large.attempts) == 40
    assert len(large.completions) == 38 and len(large.shared_records) == 38


def test_the_page_takes_the_same_queries_for_2_and_40_rows(client, team, module, bite_only_module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    asha = team.members[0]
    assign(team, module)
    assign(team, bite_only_module)
    submitted_attempt(asha, module.quiz)
    submitted_attempt(asha, module.quiz, number=2)
    verified_login(client, team.manager)
    url = learner_url(asha)
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    _grow(team, module, asha, 38)
    html = client.get(url).content.decode()
    assert "Extra module 37" in html and "Attempt 40" in html
    assert count() == small
