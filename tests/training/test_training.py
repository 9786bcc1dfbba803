import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import BiteRead
from quizzes.services import attempt_start, attempt_submit
from reflections.models import Record
from reflections.services import record_complete
from tests.accounts.factories import UserFactory
from tests.quizzes.conftest import answer_everything
from training.models import TrainingModulePage

pytestmark = pytest.mark.django_db


def test_a_signed_out_reader_sees_the_steps_and_is_asked_to_sign_in(client, module):
    html = client.get(module.url).content.decode()
    assert "Sign in to track your progress" in html and "Social workers - social media" in html
    assert "Social media and professional boundaries" in client.get("/training/").content.decode()


def test_each_step_shows_whether_the_learner_has_done_it(client, module, content):
    user = UserFactory()
    client.force_login(user)
    assert "You have done 0 of 3 steps" in client.get(module.url).content.decode()

    client.post(reverse("learning:bite_read", args=[content.bite.id]))
    attempt = attempt_start(user=user, quiz_id=module.quiz.id)
    answer_everything(attempt, user)
    attempt_submit(attempt_id=attempt.id, user=user)
    assert "You have done 2 of 3 steps" in client.get(module.url).content.decode()

    response = client.post(reverse("training:module_reflect", args=[module.id]))
    record = Record.objects.get(owner=user)
    assert response["Location"] == reverse("reflections:edit", args=[record.id])
    assert record.hours == pytest.approx(0.75) and record.source_module_id == module.id
    assert record.description == "Reflect on your own use of social media."
    record_complete(
        record_id=record.id,
        owner=user,
        version=record.version,
        data={"learning": "I learnt to check my settings.", "impact": "I check them monthly."},
    )
    assert "You have done every step" in client.get(module.url).content.decode()


def test_a_reflection_cannot_be_started_from_a_module_that_is_not_live(client, module):
    client.force_login(UserFactory())
    module.unpublish()
    url = reverse("training:module_reflect", args=[module.id])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    assert not Record.objects.exists()


def test_a_failed_quiz_is_not_a_done_step(client, module):
    user = UserFactory()
    attempt = attempt_start(user=user, quiz_id=module.quiz.id)
    from quizzes.services import attempt_answer_save

    for question in attempt.snapshot["questions"]:
        if question["type"] == "situational_judgement":
            ratings = {o["id"]: 5 - o["expert_rating"] for o in question["options"]}
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], ratings=ratings
            )
        else:
            wrong = [o["id"] for o in question["options"] if not o["correct"]][:1]
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], selected=wrong
            )
    attempt_submit(attempt_id=attempt.id, user=user)
    client.force_login(user)
    html = client.get(module.url).content.decode()
    assert "You have done 0 of 3 steps" in html and "Best score 0%" in html


def module_page_queries(client, module):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(module.url).status_code == 200
    return len(queries)


def test_the_module_page_takes_a_fixed_number_of_queries(client, module, content):
    user = UserFactory()
    client.force_login(user)
    client.get(module.url)  # warm the site-root cache
    before = module_page_queries(client, module)
    BiteRead.objects.create(
        user=user,
        bite=content.bite,
        first_read_at="2026-01-01T10:00Z",
        last_read_at="2026-01-01T10:00Z",
    )
    assert module_page_queries(client, module) == before


def test_the_demo_has_the_social_media_module_built_from_the_bite_quiz_and_niscc_exercise():
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    module = TrainingModulePage.objects.get(slug="social-media-and-professional-boundaries")
    assert [step.block_type for step in module.steps] == ["bite", "quiz", "reflection"]
    assert module.steps[0].value.slug == "social-workers-social-media"
    assert "NISCC reflective learning exercise" in module.steps[2].value["prompt"]
    assert TrainingModulePage.objects.count() == 2  # and the HCPC guidance module


def test_the_demo_teams_report_shows_every_status_and_the_heatmap_has_rows():
    from io import StringIO

    from django.core.management import call_command

    from accounts.models import Team
    from training.rules import Status
    from training.selectors.reports import standards_heatmap, team_report

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent: nothing doubles
    team = Team.objects.get(name="Children's services team A")
    report = team_report(team_ids=[team.id])
    assert len(report.rows) == 5 and len(report.modules) == 2
    live = [status for status in Status if status != Status.REMOVED]
    assert all(report.counts[status] for status in live), report.counts
    assert report.counts[Status.REMOVED] == 0
    assert sum(report.counts.values()) == 10
    assert standards_heatmap(team_ids=[team.id])
