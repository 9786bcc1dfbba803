from decimal import Decimal

import pytest

from quizzes.models import Answer, Attempt, AttemptStatus
from quizzes.services import QuizError, attempt_answer_save, attempt_start, attempt_submit
from tests.accounts.factories import UserFactory
from tests.quizzes.conftest import answer_everything
from tests.quizzes.factories import QuizPageFactory, single

pytestmark = pytest.mark.django_db


def first(attempt, kind):
    return next(q for q in attempt.snapshot["questions"] if q["type"] == kind)


def test_starting_twice_resumes_the_open_attempt(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    assert attempt_start(user=learner, quiz_id=quiz.id) == attempt
    assert attempt.number == 1
    assert [q["type"] for q in attempt.snapshot["questions"]] == [
        "single_best_answer",
        "multiple_response",
        "situational_judgement",
    ]


def test_a_saved_answer_is_there_when_the_learner_comes_back(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    question = first(attempt, "single_best_answer")
    attempt_answer_save(
        attempt_id=attempt.id,
        user=learner,
        question_id=question["id"],
        selected=[question["options"][1]["id"]],
    )
    resumed = attempt_start(user=learner, quiz_id=quiz.id)
    assert resumed.responses[question["id"]] == {"selected": [question["options"][1]["id"]]}


def test_an_option_from_another_question_is_refused_and_changes_nothing(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    question = first(attempt, "single_best_answer")
    other = first(attempt, "multiple_response")
    with pytest.raises(QuizError, match="does not belong"):
        attempt_answer_save(
            attempt_id=attempt.id,
            user=learner,
            question_id=question["id"],
            selected=[other["options"][0]["id"]],
        )
    attempt.refresh_from_db()
    assert attempt.responses == {}


def test_an_option_from_another_quiz_is_refused(content, quiz, learner):
    other_quiz = QuizPageFactory(parent=content.bites, title="Other")  # any parent will do here
    other_attempt = attempt_start(user=learner, quiz_id=other_quiz.id)
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    foreign = first(other_attempt, "single_best_answer")
    with pytest.raises(QuizError):
        attempt_answer_save(
            attempt_id=attempt.id,
            user=learner,
            question_id=first(attempt, "single_best_answer")["id"],
            selected=[foreign["options"][0]["id"]],
        )
    with pytest.raises(QuizError, match="does not belong to this quiz"):
        attempt_answer_save(
            attempt_id=attempt.id, user=learner, question_id=foreign["id"], selected=[]
        )


def test_a_missing_answer_is_refused(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    with pytest.raises(QuizError, match="Select an answer"):
        attempt_answer_save(
            attempt_id=attempt.id,
            user=learner,
            question_id=first(attempt, "single_best_answer")["id"],
            selected=[],
        )


def test_two_answers_to_a_single_best_answer_question_are_refused(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    question = first(attempt, "single_best_answer")
    with pytest.raises(QuizError, match="Select one answer"):
        attempt_answer_save(
            attempt_id=attempt.id,
            user=learner,
            question_id=question["id"],
            selected=[o["id"] for o in question["options"][:2]],
        )


@pytest.mark.parametrize("rating", [0, 5, -1, "x", None])
def test_a_rating_outside_the_scale_is_refused(quiz, learner, rating):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    question = first(attempt, "situational_judgement")
    ratings = {o["id"]: 4 for o in question["options"]}
    ratings[question["options"][0]["id"]] = rating
    with pytest.raises(QuizError):
        attempt_answer_save(
            attempt_id=attempt.id, user=learner, question_id=question["id"], ratings=ratings
        )


def test_every_response_must_be_rated(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    question = first(attempt, "situational_judgement")
    with pytest.raises(QuizError, match="Rate every response"):
        attempt_answer_save(
            attempt_id=attempt.id,
            user=learner,
            question_id=question["id"],
            ratings={question["options"][0]["id"]: 4},
        )


def test_submitting_scores_from_the_snapshot_and_inserts_answers(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    result = attempt_submit(attempt_id=attempt.id, user=learner)
    assert result.newly_submitted
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert (attempt.score, attempt.max_score, attempt.percent, attempt.passed) == (3, 3, 100, True)
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_submitting_twice_records_one_submission(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    attempt_submit(attempt_id=attempt.id, user=learner)
    again = attempt_submit(attempt_id=attempt.id, user=learner)
    assert not again.newly_submitted
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_submitting_with_unanswered_questions_names_them_and_changes_nothing(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    with pytest.raises(QuizError, match="Not answered: 1, 2, 3"):
        attempt_submit(attempt_id=attempt.id, user=learner)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert not Answer.objects.exists()


def test_answers_cannot_change_after_submission(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    attempt_submit(attempt_id=attempt.id, user=learner)
    with pytest.raises(QuizError, match="already submitted"):
        answer_everything(attempt, learner)


def test_no_new_attempt_after_the_attempt_limit(quiz, learner):
    quiz.attempts_allowed = 1
    quiz.save_revision().publish()
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    attempt_submit(attempt_id=attempt.id, user=learner)
    with pytest.raises(QuizError, match="used all your attempts"):
        attempt_start(user=learner, quiz_id=quiz.id)


def test_submitting_after_the_attempt_limit_is_refused(quiz, learner):
    quiz.attempts_allowed = 2
    quiz.save_revision().publish()
    first_attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(first_attempt, learner)
    attempt_submit(attempt_id=first_attempt.id, user=learner)
    second = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(second, learner)
    quiz.attempts_allowed = 1
    quiz.save_revision().publish()
    with pytest.raises(QuizError, match="used all your attempts"):
        attempt_submit(attempt_id=second.id, user=learner)
    second.refresh_from_db()
    assert second.status == AttemptStatus.IN_PROGRESS


def test_another_learners_attempt_cannot_be_answered_or_submitted(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    stranger = UserFactory()
    with pytest.raises(QuizError, match="does not exist"):
        attempt_submit(attempt_id=attempt.id, user=stranger)
    with pytest.raises(QuizError, match="does not exist"):
        answer_everything(attempt, stranger)


def test_a_closed_quiz_takes_no_attempts_and_no_submissions(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    quiz.is_closed = True
    quiz.save_revision().publish()
    with pytest.raises(QuizError, match="closed"):
        attempt_submit(attempt_id=attempt.id, user=learner)
    with pytest.raises(QuizError, match="closed"):
        attempt_start(user=UserFactory(), quiz_id=quiz.id)
    assert not Answer.objects.exists()


def test_an_unpublished_quiz_takes_no_attempts(quiz, learner):
    quiz.unpublish()
    with pytest.raises(QuizError, match="not available"):
        attempt_start(user=learner, quiz_id=quiz.id)


def test_editing_or_deleting_a_question_never_changes_a_past_attempt(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    attempt_submit(attempt_id=attempt.id, user=learner)
    before = Attempt.objects.get(id=attempt.id)
    quiz.questions = [single(prompt="A rewritten question")]
    quiz.save_revision().publish()
    quiz.delete()
    after = Attempt.objects.get(id=attempt.id)
    assert after.snapshot == before.snapshot
    assert (after.score, after.percent, after.quiz_title) == (
        before.score,
        before.percent,
        before.quiz_title,
    )
    assert after.snapshot["questions"][0]["prompt"] == "Which is best?"


def test_confidence_is_required_when_asked_and_gives_a_certainty_based_mark(quiz, learner):
    quiz.ask_confidence = True
    quiz.save_revision().publish()
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    single_q = first(attempt, "single_best_answer")
    right = [o["id"] for o in single_q["options"] if o["correct"]]
    with pytest.raises(QuizError, match="how sure"):
        attempt_answer_save(
            attempt_id=attempt.id, user=learner, question_id=single_q["id"], selected=right
        )
    attempt_answer_save(
        attempt_id=attempt.id,
        user=learner,
        question_id=single_q["id"],
        selected=right,
        confidence=3,
    )
    multiple_q = first(attempt, "multiple_response")
    wrong = [o["id"] for o in multiple_q["options"] if not o["correct"]]
    attempt_answer_save(
        attempt_id=attempt.id,
        user=learner,
        question_id=multiple_q["id"],
        selected=wrong,
        confidence=3,
    )
    judgement_q = first(attempt, "situational_judgement")
    key = {o["id"]: o["expert_rating"] for o in judgement_q["options"]}
    attempt_answer_save(
        attempt_id=attempt.id,
        user=learner,
        question_id=judgement_q["id"],
        ratings=key,
        confidence=1,
    )
    attempt_submit(attempt_id=attempt.id, user=learner)
    attempt.refresh_from_db()
    marks = dict(Answer.objects.filter(attempt=attempt).values_list("question_id", "cbm_mark"))
    # right at high confidence +3, wrong at high confidence -6, right at low confidence +1
    assert [marks[q["id"]] for q in (single_q, multiple_q, judgement_q)] == [3, -6, 1]
    assert attempt.cbm_total == -2
    assert attempt.percent == Decimal("66.67")  # the pass mark reads the raw scores
