import pytest

from tests.accounts.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory


@pytest.fixture
def quiz(content):
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
