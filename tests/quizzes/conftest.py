import copy

import pytest

from tests.accounts.factories import UserFactory
from tests.conftest import build_content, prebuild
from tests.quizzes.factories import QuizPageFactory


@pytest.fixture(scope="session")
def prebuilt_quiz(migrated_database, django_db_blocker):
    """`content` and `quiz` under its bite, built once per session (per xdist worker)."""

    def build():
        content = build_content()
        return content, build_quiz(content)

    with django_db_blocker.unblock():
        built = prebuild(migrated_database, "snapshot_quiz", build)
    yield built
    with django_db_blocker.unblock():
        built.rows.drop()


@pytest.fixture
def quiz(content, prebuilt_quiz):
    """A published quiz under the bite, copied into the test's transaction like `content`.

    The test's `content` becomes the copy the quiz was built on, so that the bite knows
    its child, as when this fixture built the quiz on `content` itself.
    """
    prebuilt_quiz.rows.restore()
    built_content, quiz = copy.deepcopy(prebuilt_quiz.objects)
    vars(content).update(vars(built_content))
    return quiz


def build_quiz(content):
    quiz = QuizPageFactory(parent=content.bite, slug="check")
    quiz.save_revision().publish()
    return quiz


@pytest.fixture
def learner(db):
    return UserFactory()


def answer_everything(attempt, user):
    """Answer every question of an attempt with the key's best answer."""
    from quizzes.services import attempt_answer_save

    for question in attempt.snapshot["questions"]:
        if question["type"] == "situational_judgement":
            ratings = {o["id"]: o["expert_rating"] for o in question["options"]}
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], ratings=ratings
            )
        else:
            selected = [o["id"] for o in question["options"] if o["correct"]]
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], selected=selected
            )
