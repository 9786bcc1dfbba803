"""Completion is recorded when a module's steps are done, whatever the order."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.models import BiteRead
from learning.services import bite_mark_read
from quizzes.models import Attempt
from quizzes.services import attempt_start, attempt_submit
from reflections.models import Record
from reflections.services import record_complete, record_start
from tests.accounts.factories import UserFactory
from tests.quizzes.conftest import answer_everything
from training.models import Completion, ModuleProgressLog
from training.rules import Status
from training.selectors import module_reflection_source
from training.services import training_progress_sync

pytestmark = pytest.mark.django_db


def committed():
    """Run the on-commit callbacks (the read, quiz and reflection signals) as a commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def pass_quiz(user, quiz):
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    answer_everything(attempt, user)
    with committed():
        attempt_submit(attempt_id=attempt.id, user=user)


def read(user, bite):
    with committed():
        bite_mark_read(user=user, bite_id=bite.id)


def reflect(user, module):
    record = record_start(owner=user, module=module_reflection_source(module_id=module.id))
    with committed():
        record_complete(
            record_id=record.id,
            owner=user,
            version=record.version,
            data={"learning": "I learnt to check my settings.", "impact": "I check them monthly."},
        )


def test_the_module_is_completed_once_when_the_last_step_is_done(module, content):
    user = UserFactory()
    read(user, content.bite)
    assert ModuleProgressLog.objects.get(user=user, module=module).steps_done == 1
    pass_quiz(user, module.quiz)
    assert not Completion.objects.filter(user=user).exists()
    reflect(user, module)
    completion = Completion.objects.get(user=user, module=module)
    assert completion.quiz_percent == Decimal("100.00")
    module.refresh_from_db()
    assert completion.revision_id == module.live_revision_id
    assert completion.module_title == module.title
    assert completion.expires_on.year == timezone.localdate().year + 1  # 12-month refresher
    # Reading again records nothing new.
    read(user, content.bite)
    assert Completion.objects.filter(user=user).count() == 1


def test_steps_done_in_any_order_complete_the_module(module, content):
    user = UserFactory()
    reflect(user, module)
    pass_quiz(user, module.quiz)
    assert not Completion.objects.exists()
    read(user, content.bite)
    assert Completion.objects.filter(user=user, module=module).count() == 1


def test_after_a_completion_expires_the_steps_must_be_done_again(module, content):
    user = UserFactory()
    read(user, content.bite)
    pass_quiz(user, module.quiz)
    reflect(user, module)
    old = Completion.objects.get(user=user)
    long_ago = timezone.now() - dt.timedelta(days=400)
    # Everything happened 400 days ago; the 12-month completion expired 35 days ago.
    BiteRead.objects.filter(user=user).update(last_read_at=long_ago)
    Attempt.objects.filter(user=user).update(submitted_at=long_ago)
    Record.objects.filter(owner=user).update(completed_at=long_ago)
    Completion.objects.filter(id=old.id).update(
        completed_at=long_ago, expires_on=timezone.localdate() - dt.timedelta(days=35)
    )
    training_progress_sync(user_id=user.id)
    assert Completion.objects.filter(user=user).count() == 1  # old steps do not count
    read(user, content.bite)
    pass_quiz(user, module.quiz)
    reflect(user, module)
    completions = list(Completion.objects.filter(user=user).order_by("completed_at"))
    assert len(completions) == 2 and completions[0].id == old.id  # history kept


def test_the_sync_takes_a_fixed_number_of_queries_however_many_modules(
    module, bite_only_module, content
):
    user = UserFactory()
    read(user, content.bite)  # completes the bite-only module

    def count():
        with CaptureQueriesContext(connection) as queries:
            training_progress_sync(user_id=user.id)
        return len(queries)

    before = count()
    for n in range(5):
        from tests.training.conftest import module_create

        module_create(
            parent=module.training_index,
            slug=f"extra-{n}",
            title=f"Extra {n}",
            steps=[{"type": "bite", "value": content.bite.id}],
        )
    training_progress_sync(user_id=user.id)  # records the new modules' completions
    assert count() == before


def test_my_training_shows_the_module_completed_with_its_date(module, content, team):
    from training.selectors import my_training
    from training.services import assignment_create

    user = team.members[0]
    assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=timezone.localdate() + dt.timedelta(days=3),
    )
    read(user, content.bite)
    assert my_training(user=user).items[0].standing.status == Status.IN_PROGRESS
    pass_quiz(user, module.quiz)
    reflect(user, module)
    item = my_training(user=user).items[0]
    assert item.standing.status == Status.COMPLETED
    assert item.standing.completed_on == timezone.localdate()


def test_a_quiz_submitted_while_training_cannot_update_still_answers(
    client, module, monkeypatch, django_capture_on_commit_callbacks
):
    from quizzes.models import Attempt
    from quizzes.services import attempt_start
    from tests.accounts.factories import UserFactory
    from tests.quizzes.conftest import answer_everything
    from training import receivers

    def broken(**kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(receivers, "training_progress_sync", broken)
    user = UserFactory()
    client.force_login(user)
    attempt = attempt_start(user=user, quiz_id=module.quiz.id)
    answer_everything(attempt, user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/quizzes/attempts/{attempt.id}/submit/")
    assert response.status_code == 302
    assert Attempt.objects.get(id=attempt.id).status == "submitted"


# The reflection step counts a reflection started from the module, its bite or its quiz.

DONE = {"learning": "I learnt to decline kindly.", "impact": "I explain the boundary.", "hours": 1}


def complete(user, record):
    with committed():
        record_complete(record_id=record.id, owner=user, version=record.version, data=DONE)


def reflection_step(module, user):
    from training.selectors import module_progress

    progress = module_progress(module=module, user=user)
    return next(step for step in progress.steps if step.kind == "reflection")


def submitted_attempt(user, quiz):
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    answer_everything(attempt, user)
    with committed():
        attempt_submit(attempt_id=attempt.id, user=user)
    return attempt


def test_a_completed_reflection_on_the_modules_quiz_completes_its_reflect_step(module, content):
    user = UserFactory()
    attempt = submitted_attempt(user, module.quiz)
    record = record_start(owner=user, attempt_id=attempt.id, question=1)
    assert not reflection_step(module, user).done  # a draft does not count
    complete(user, record)
    assert reflection_step(module, user).done
    read(user, content.bite)
    assert Completion.objects.filter(user=user, module=module).count() == 1


def test_a_completed_reflection_on_the_whole_quiz_counts_and_completes_the_module(module, content):
    user = UserFactory()
    read(user, content.bite)
    attempt = submitted_attempt(user, module.quiz)
    assert not Completion.objects.filter(user=user).exists()
    # The record's completion alone (no module id on it) brings the module up to date.
    complete(user, record_start(owner=user, attempt_id=attempt.id))
    assert Completion.objects.filter(user=user, module=module).count() == 1


def test_a_completed_reflection_on_a_bite_of_the_module_counts(module, content):
    user = UserFactory()
    complete(user, record_start(owner=user, bite_id=content.bite.id))
    assert reflection_step(module, user).done


def test_a_reflection_on_another_quiz_does_not_count(module, content):
    from tests.quizzes.factories import QuizPageFactory

    other = QuizPageFactory(parent=content.bite, slug="another")
    other.save_revision().publish()
    user = UserFactory()
    complete(user, record_start(owner=user, attempt_id=submitted_attempt(user, other).id))
    assert not reflection_step(module, user).done


def test_record_your_reflection_opens_the_draft_started_from_the_modules_quiz(client, module):
    from django.urls import reverse

    user = UserFactory()
    attempt = submitted_attempt(user, module.quiz)
    draft = record_start(owner=user, attempt_id=attempt.id, question=2)
    client.force_login(user)
    url = reverse("training:module_reflect", args=[module.id])
    response = client.post(url)
    assert response["Location"] == reverse("reflections:edit", args=[draft.id])
    assert Record.objects.filter(owner=user).count() == 1


def test_record_your_reflection_twice_opens_one_draft(client, module):
    from django.urls import reverse

    user = UserFactory()
    client.force_login(user)
    url = reverse("training:module_reflect", args=[module.id])
    first, second = client.post(url), client.post(url)
    assert first["Location"] == second["Location"]
    assert Record.objects.filter(owner=user, source_module_id=module.id).count() == 1


def test_the_module_page_takes_the_same_queries_with_reflections_from_its_quiz(
    client, module, content
):
    user = UserFactory()
    client.force_login(user)
    client.get(module.url)  # warm the site-root cache

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(module.url).status_code == 200
        return len(queries)

    before = count()
    attempt = submitted_attempt(user, module.quiz)
    complete(user, record_start(owner=user, attempt_id=attempt.id))
    complete(user, record_start(owner=user, bite_id=content.bite.id))
    assert count() == before


# The reflection step fits the learner's regulator.

NISCC_PROMPT = (
    "Complete the NISCC reflective learning exercise on social media and keep a record of "
    "your reflections."
)


@pytest.fixture
def niscc_module(module, content):
    from tests.training.conftest import module_create

    return module_create(
        parent=module.training_index,
        slug="niscc-exercise",
        title="The NISCC exercise",
        steps=[
            {"type": "bite", "value": content.bite.id},
            {"type": "reflection", "value": {"prompt": NISCC_PROMPT}},
        ],
    )


def registered(regulator):
    from tests.accounts.factories import RegistrationFactory

    user = UserFactory()
    RegistrationFactory(user=user, regulator=regulator)
    return user


def test_a_social_work_england_registrant_is_not_asked_for_the_niscc_exercise(client, niscc_module):
    from django.urls import reverse

    user = registered("swe")
    client.force_login(user)
    html = client.get(niscc_module.url).content.decode()
    assert "NISCC reflective learning exercise" not in html
    assert "Reflective model: Social Work England CPD record" in html
    client.post(reverse("training:module_reflect", args=[niscc_module.id]))
    record = Record.objects.get(owner=user)
    assert "NISCC" not in record.description and record.reflective_model == "swe"


def test_a_niscc_registrant_is_asked_for_the_niscc_exercise(client, niscc_module):
    from django.urls import reverse

    user = registered("niscc")
    client.force_login(user)
    html = client.get(niscc_module.url).content.decode()
    assert NISCC_PROMPT in html
    assert "Reflective model: NISCC reflective learning exercise" in html
    client.post(reverse("training:module_reflect", args=[niscc_module.id]))
    record = Record.objects.get(owner=user)
    assert record.description == NISCC_PROMPT and record.reflective_model == "niscc"
