import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes.models import Answer, Attempt, AttemptStatus
from quizzes.services import attempt_start
from tests.accounts.factories import UserFactory
from tests.quizzes.conftest import answer_everything
from tests.quizzes.factories import QuizPageFactory, judgement, multiple, single

pytestmark = pytest.mark.django_db


def start(client, quiz):
    response = client.post(reverse("quizzes:start", args=[quiz.id]))
    assert response.status_code == 302
    return Attempt.objects.get(quiz=quiz, status=AttemptStatus.IN_PROGRESS), response["Location"]


def test_the_bite_offers_its_quiz(client, content, quiz):
    html = client.get(content.bite.url).content.decode()
    assert "Check your understanding" in html
    assert f'href="{quiz.url}"' in html


def test_the_quiz_page_asks_anonymous_readers_to_sign_in(client, quiz):
    html = client.get(quiz.url).content.decode()
    assert "Sign in to take this quiz" in html


def test_starting_needs_a_signed_in_learner(client, quiz):
    response = client.post(reverse("quizzes:start", args=[quiz.id]))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_learner_takes_the_quiz_one_question_per_page(client, quiz, learner):
    client.force_login(learner)
    attempt, location = start(client, quiz)
    assert location == reverse("quizzes:question", args=[attempt.id, 1])
    page = client.get(location).content.decode()
    assert "Question 1 of 3" in page and "Which is best?" in page
    questions = attempt.snapshot["questions"]
    right = next(o["id"] for o in questions[0]["options"] if o["correct"])
    response = client.post(location, {"answer": right})
    assert response["Location"] == reverse("quizzes:question", args=[attempt.id, 2])
    rights = [o["id"] for o in questions[1]["options"] if o["correct"]]
    response = client.post(response["Location"], {"answer": rights})
    data = {f"rating_{o['id']}": o["expert_rating"] for o in questions[2]["options"]}
    response = client.post(response["Location"], data)
    assert response["Location"] == reverse("quizzes:check", args=[attempt.id])
    check = client.get(response["Location"]).content.decode()
    assert "Check your answers before you submit" in check and "Change" in check
    response = client.post(reverse("quizzes:submit", args=[attempt.id]))
    assert response["Location"] == reverse("quizzes:result", args=[attempt.id])
    result = client.get(response["Location"]).content.decode()
    assert "You passed" in result and "100%" in result
    assert "Because Right" in result  # feedback
    assert "My quiz results" in client.get(reverse("quizzes:my_results")).content.decode()


def test_a_missing_answer_shows_an_error_and_saves_nothing(client, quiz, learner):
    client.force_login(learner)
    attempt, location = start(client, quiz)
    response = client.post(location, {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Select an answer" in html
    assert "<title>Error:" in html
    attempt.refresh_from_db()
    assert attempt.responses == {}


def test_a_tampered_option_id_shows_an_error(client, quiz, learner):
    client.force_login(learner)
    attempt, location = start(client, quiz)
    response = client.post(location, {"answer": "not-an-option"})
    assert "Select one of the answers shown" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.responses == {}


def test_a_rating_outside_the_scale_shows_an_error(client, quiz, learner):
    client.force_login(learner)
    attempt, _ = start(client, quiz)
    question = attempt.snapshot["questions"][2]
    data = {f"rating_{o['id']}": "9" for o in question["options"]}
    response = client.post(reverse("quizzes:question", args=[attempt.id, 3]), data)
    assert "Choose a rating from the scale" in response.content.decode()


def test_change_link_returns_to_check_your_answers(client, quiz, learner):
    client.force_login(learner)
    attempt, _ = start(client, quiz)
    answer_everything(attempt, learner)
    url = reverse("quizzes:question", args=[attempt.id, 1]) + "?return=check"
    question = attempt.snapshot["questions"][0]
    response = client.post(url, {"answer": question["options"][1]["id"]})
    assert response["Location"] == reverse("quizzes:check", args=[attempt.id])


def test_submitting_twice_shows_the_result_and_records_one_submission(client, quiz, learner):
    client.force_login(learner)
    attempt, _ = start(client, quiz)
    answer_everything(attempt, learner)
    first = client.post(reverse("quizzes:submit", args=[attempt.id]))
    second = client.post(reverse("quizzes:submit", args=[attempt.id]))
    assert first["Location"] == second["Location"] == reverse("quizzes:result", args=[attempt.id])
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_submitting_unanswered_questions_shows_the_check_page_with_an_error(client, quiz, learner):
    client.force_login(learner)
    attempt, _ = start(client, quiz)
    response = client.post(reverse("quizzes:submit", args=[attempt.id]))
    assert response.status_code == 400
    assert "Not answered: 1, 2, 3" in response.content.decode()


@pytest.mark.parametrize(
    "name,args",
    [
        ("quizzes:question", [1]),
        ("quizzes:check", []),
        ("quizzes:result", []),
    ],
)
def test_another_learners_attempt_is_not_found(client, quiz, learner, name, args):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    client.force_login(UserFactory())
    response = client.get(reverse(name, args=[attempt.id, *args]))
    assert response.status_code == 404
    assert b"Which is best?" not in response.content


def test_another_learners_attempt_cannot_be_submitted(client, quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    client.force_login(UserFactory())
    assert client.post(reverse("quizzes:submit", args=[attempt.id])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_a_closed_quiz_says_so_and_starts_nothing(client, quiz, learner):
    quiz.is_closed = True
    quiz.save_revision().publish()
    client.force_login(learner)
    response = client.post(reverse("quizzes:start", args=[quiz.id]), follow=True)
    assert "This quiz is closed" in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_unpublished_quiz_is_not_found(client, quiz, learner):
    quiz.unpublish()
    client.force_login(learner)
    assert client.post(reverse("quizzes:start", args=[quiz.id])).status_code == 404


def test_feedback_after_each_question_locks_the_answer(client, quiz, learner):
    quiz.feedback_timing = "each"
    quiz.save_revision().publish()
    client.force_login(learner)
    attempt, location = start(client, quiz)
    question = attempt.snapshot["questions"][0]
    response = client.post(location, {"answer": question["options"][1]["id"]})
    feedback_url = reverse("quizzes:question_feedback", args=[attempt.id, 1])
    assert response["Location"] == feedback_url
    assert "Because Wrong" in client.get(feedback_url).content.decode()
    assert client.get(location)["Location"] == feedback_url
    client.post(location, {"answer": question["options"][0]["id"]})
    attempt.refresh_from_db()
    assert attempt.responses[question["id"]]["selected"] == [question["options"][1]["id"]]


def quiz_with(content, count, slug):
    kinds = [single, multiple, judgement]
    quiz = QuizPageFactory(
        parent=content.bite, slug=slug, questions=[kinds[i % 3]() for i in range(count)]
    )
    quiz.save_revision().publish()
    return quiz


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


QUESTION_PAGE_QUERIES = 6
RESULT_PAGE_QUERIES = 7


@pytest.mark.parametrize("count", [3, 30])
def test_question_and_result_pages_take_the_same_queries_for_3_and_30_questions(
    client, content, learner, count
):
    quiz = quiz_with(content, count, slug=f"quiz-{count}")
    client.force_login(learner)
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    question_url = reverse("quizzes:question", args=[attempt.id, 2])
    assert count_queries(client, question_url) == QUESTION_PAGE_QUERIES
    answer_everything(attempt, learner)
    with CaptureQueriesContext(connection) as submit_queries:
        client.post(reverse("quizzes:submit", args=[attempt.id]))
    inserts = [q for q in submit_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1  # the answers go in one bulk insert
    assert (
        count_queries(client, reverse("quizzes:result", args=[attempt.id])) == RESULT_PAGE_QUERIES
    )
