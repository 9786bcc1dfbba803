"""Learner history outlives content: an editor deleting or unpublishing a module, a quiz
or a bite never deletes a completion, an attempt or a record, and what is shown of them
keeps its title, marked as removed."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt
from quizzes.services import attempt_start, attempt_submit
from reflections.models import Record
from reflections.services import record_start
from tests.accounts.otp import verified_login
from tests.quizzes.conftest import answer_everything
from training.models import Assignment, Completion
from training.reminders import reminders_send_learners
from training.rules import Status
from training.selectors import my_training
from training.selectors.reports import team_report
from training.services import assignment_create

pytestmark = pytest.mark.django_db
TITLE = "Social media and professional boundaries"


@pytest.fixture
def assigned(module, team):
    """The module assigned to the team, due yesterday; the first member has completed it."""
    assignment = assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=timezone.localdate(),
    )
    Assignment.objects.filter(id=assignment.id).update(
        due_date=timezone.localdate() - dt.timedelta(days=1)
    )
    done, not_done = team.members
    Completion.of_module(
        user_id=done.id,
        module=module,
        completed_at=timezone.now(),
        completed_on=timezone.localdate(),
        quiz_percent=90,
    ).save()
    return done, not_done


def remove(page, how):
    if how == "deleted":
        page.delete()
    else:
        page.unpublish()


@pytest.mark.parametrize("how", ["deleted", "unpublished"])
def test_a_removed_module_keeps_its_completions_and_the_report_marks_it(
    client, module, team, assigned, mailoutbox, how
):
    done, not_done = assigned
    module_id = module.id
    remove(module, how)

    completion = Completion.objects.get(user=done)
    assert completion.module_id == module_id and completion.module_title == TITLE
    report = team_report(team_ids=[team.team.id])
    [column] = report.modules
    assert column.removed and column.label == f"{TITLE} (removed from the site)"
    cells = {row.user_id: row.cells[0] for row in report.rows}
    assert cells[done.id].status == Status.COMPLETED
    assert cells[done.id].completed_on == timezone.localdate()
    # It can no longer be done, so it is not overdue, and nobody is reminded about it.
    assert cells[not_done.id].status == Status.REMOVED
    assert report.counts[Status.OVERDUE] == 0
    assert reminders_send_learners() == 0 and mailoutbox == []

    verified_login(client, team.manager)
    html = client.get(reverse("training:team_report")).content.decode()
    assert f"{TITLE} (removed from the site)" in html
    csv = b"".join(client.get(reverse("training:team_report_csv")).streaming_content).decode()
    assert f"{TITLE} (removed from the site)" in csv and "Module removed" in csv
    assert TITLE in client.get(reverse("training:assignment_list")).content.decode()


@pytest.mark.parametrize("how", ["deleted", "unpublished"])
def test_the_learner_still_sees_training_they_completed_once_it_is_removed(
    client, module, assigned, how
):
    done, _ = assigned
    assert my_training(user=done).history == []
    remove(module, how)

    assert my_training(user=done).items == []
    assert [c.module_title for c in my_training(user=done).history] == [TITLE]
    client.force_login(done)
    html = client.get(reverse("training:my_training")).content.decode()
    assert "Training you completed that is no longer on the site" in html
    assert f"{TITLE}: completed on" in html


@pytest.mark.parametrize("how", ["deleted", "unpublished"])
def test_a_removed_quiz_keeps_the_learners_attempts_and_their_results(client, module, how):
    from tests.accounts.factories import UserFactory

    quiz, user = module.quiz, UserFactory()
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    answer_everything(attempt, user)
    attempt_submit(attempt_id=attempt.id, user=user)
    title = quiz.title
    remove(quiz, how)

    attempt = Attempt.objects.get(id=attempt.id)
    assert attempt.quiz_title == title and attempt.percent == 100
    client.force_login(user)
    html = client.get(reverse("quizzes:my_results")).content.decode()
    assert title in html and "(quiz removed from the site)" in html
    assert client.get(reverse("quizzes:result", args=[attempt.id])).status_code == 200


@pytest.mark.parametrize("how", ["deleted", "unpublished"])
def test_a_removed_bite_keeps_the_records_started_from_it(client, content, how):
    from tests.accounts.factories import UserFactory

    user = UserFactory()
    record = record_start(owner=user, bite_id=content.bite.id)
    client.force_login(user)
    edit = reverse("reflections:edit", args=[record.id])
    assert f'href="{content.bite.url}"' in client.get(edit).content.decode()
    remove(content.bite, how)

    record = Record.objects.get(id=record.id)
    assert record.source_title == "Social workers - social media"
    html = client.get(edit).content.decode()
    assert "Social workers - social media (no longer on the site)" in html
    assert f'href="{record.source_url}"' not in html


def test_deleting_a_module_keeps_its_completions_when_the_team_is_assigned_it_no_longer(
    module, team, assigned
):
    done, _ = assigned
    Assignment.objects.update(withdrawn_at=timezone.now())
    module.delete()
    assert Completion.objects.filter(user=done, module_title=TITLE).count() == 1
    assert team_report(team_ids=[team.team.id]).modules == []
