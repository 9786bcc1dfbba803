import re
from decimal import Decimal

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


QUESTION_PAGE_QUERIES = 7  # with the header's role read (accounts.context_processors.roles)
# The session and its user, the attempt with its quiz, its answers' scores, the live
# training modules (training's quiz_result_context hook: "Back to the module"), the
# header's role read (accounts.context_processors.roles) and the session's update in a
# savepoint (3 statements). A quiz with an attempt limit adds one (the learner's submitted
# attempts).
RESULT_PAGE_QUERIES = 9


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


# The result page: a summary first, actions, then feedback grouped by what was missed.


def submit_with_wrong(client, quiz, learner, wrong=()):
    """Start, answer every question right except the numbers in `wrong`, submit; return it."""
    from quizzes.services import attempt_answer_save, attempt_submit

    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    for number, question in enumerate(attempt.snapshot["questions"], 1):
        right = number not in wrong
        if question["type"] == "situational_judgement":
            ratings = {
                o["id"]: o["expert_rating"] if right else 5 - o["expert_rating"]
                for o in question["options"]
            }
            attempt_answer_save(
                attempt_id=attempt.id, user=learner, question_id=question["id"], ratings=ratings
            )
        else:
            chosen = [o["id"] for o in question["options"] if o["correct"] == right]
            if question["type"] == "single_best_answer":
                chosen = chosen[:1]
            attempt_answer_save(
                attempt_id=attempt.id, user=learner, question_id=question["id"], selected=chosen
            )
    attempt_submit(attempt_id=attempt.id, user=learner)
    attempt.refresh_from_db()
    return attempt


def result_soup(client, attempt):
    from bs4 import BeautifulSoup

    response = client.get(reverse("quizzes:result", args=[attempt.id]))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def reflect_buttons(soup):
    return [
        b for b in soup.find_all("button") if b.get_text().startswith("Reflect on this question")
    ]


def test_the_summary_links_each_missed_question_to_its_open_feedback(client, quiz, learner):
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={1, 3})
    soup = result_soup(client, attempt)
    missed = soup.find("h2", string="Questions you missed").find_next("ul")
    links = [a["href"] for a in missed.find_all("a")]
    assert links == ["#question-1", "#question-3"]
    assert "Which is best?" in missed.get_text() and "not right" in missed.get_text()
    for anchor in ("question-1", "question-3"):
        target = soup.find(id=anchor)
        assert target.name == "div" and target.find_parent("details") is None
        assert "Reflect on this question" in target.get_text()
    # The right answer is there, collapsed, with its feedback kept as written.
    right = soup.find(id="question-2")
    assert right.name == "details" and not right.has_attr("open")
    assert "Because Yes A" in right.get_text()
    text = soup.get_text(" ")
    assert "1 of 3" in text  # questions fully right
    assert "Not passed" in text and "70%" in text


def test_every_question_right_says_so_and_collapses_all_feedback(client, quiz, learner):
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner)
    soup = result_soup(client, attempt)
    assert "You got every question fully right." in soup.get_text()
    assert soup.find("h2", string="Questions you missed") is None
    assert len(soup.find_all("details", id=re.compile(r"^question-\d+$"))) == 3
    assert not reflect_buttons(soup)


def test_reflect_on_this_question_posts_the_attempt_and_the_question_number(client, quiz, learner):
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={2})
    soup = result_soup(client, attempt)
    (button,) = reflect_buttons(soup)
    form = button.find_parent("form")
    assert form["method"] == "post" and form["action"] == reverse("reflections:new")
    fields = {i["name"]: i["value"] for i in form.find_all("input")}
    assert fields["attempt"] == str(attempt.id) and fields["question"] == "2"
    assert "csrfmiddlewaretoken" in fields
    # The whole quiz can still be reflected on.
    whole = soup.find("button", string="Reflect on this quiz").find_parent("form")
    assert {i["name"] for i in whole.find_all("input")} == {"csrfmiddlewaretoken", "attempt"}


def try_again_form(soup):
    button = soup.find("button", string="Try again")
    return button.find_parent("form") if button else None


def test_try_again_is_offered_while_attempts_remain_and_starts_a_new_attempt(client, quiz, learner):
    quiz.attempts_allowed = 2
    quiz.save_revision().publish()
    client.force_login(learner)
    first = submit_with_wrong(client, quiz, learner, wrong={1})
    soup = result_soup(client, first)
    form = try_again_form(soup)
    assert form is not None and form["action"] == reverse("quizzes:start", args=[quiz.id])
    assert "You have 1 attempt left at this quiz." in soup.get_text()
    response = client.post(form["action"])
    second = Attempt.objects.get(quiz=quiz, status=AttemptStatus.IN_PROGRESS)
    assert second.number == 2
    assert response["Location"] == reverse("quizzes:question", args=[second.id, 1])

    second = submit_with_wrong(client, quiz, learner, wrong={1})
    with CaptureQueriesContext(connection) as queries:
        soup = result_soup(client, second)
    assert len(queries) == RESULT_PAGE_QUERIES + 1  # counting the submitted attempts
    assert try_again_form(soup) is None
    assert "You have used all your attempts at this quiz." in soup.get_text()
    # The first result no longer offers it either: no attempts remain.
    assert try_again_form(result_soup(client, first)) is None


def test_try_again_is_offered_without_a_limit_but_not_once_the_quiz_is_closed(
    client, quiz, learner
):
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={1})
    soup = result_soup(client, attempt)
    assert try_again_form(soup) is not None
    assert "attempts left" not in soup.get_text() and "attempt left" not in soup.get_text()
    quiz.is_closed = True
    quiz.save_revision().publish()
    assert try_again_form(result_soup(client, attempt)) is None


def back_to_module_links(soup):
    return [a for a in soup.find_all("a") if a.get_text().startswith("Back to the module")]


def test_back_to_the_module_is_offered_only_when_the_quiz_is_a_module_step(
    client, content, quiz, learner
):
    from tests.training.conftest import module_create
    from training.models import TrainingIndexPage

    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={1})
    assert back_to_module_links(result_soup(client, attempt)) == []

    training = content.home.add_child(instance=TrainingIndexPage(title="Training", slug="training"))
    module_create(
        parent=training,
        slug="other",
        title="Another module",
        steps=[{"type": "bite", "value": content.bite.id}],
    )
    assert back_to_module_links(result_soup(client, attempt)) == []

    module = module_create(
        parent=training,
        slug="social-media",
        title="Social media and professional boundaries",
        steps=[{"type": "bite", "value": content.bite.id}, {"type": "quiz", "value": quiz.id}],
    )
    (link,) = back_to_module_links(result_soup(client, attempt))
    assert link["href"] == module.url
    assert link.get_text() == "Back to the module: Social media and professional boundaries"


def test_scores_read_as_a_person_writes_them(client, quiz, learner):
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={1})
    Attempt.objects.filter(id=attempt.id).update(
        score=Decimal("1.300"), max_score=Decimal("3.000"), percent=Decimal("43.33")
    )
    text = result_soup(client, attempt).get_text(" ")
    assert "1.3 out of 3 (43%)" in text and "Your score: 43%" in text
    assert "1.30" not in text and "3.000" not in text
    # Each question's score too: 1 out of 1, never 1.00.
    assert "1 out of 1" in text and "1.00 out of 1" not in text
    my_results = client.get(reverse("quizzes:my_results")).content.decode()
    assert "43%" in my_results and "43.33" not in my_results


def test_a_rated_response_and_its_rating_are_shown_apart(client, quiz, learner):
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={3})
    soup = result_soup(client, attempt)
    text = soup.get_text(" ")
    assert "Talk to them: " not in text and "Ignore it: " not in text
    feedback = soup.find(id="question-3")
    ratings = [
        (dt.get_text(strip=True), dt.find_next_sibling("dd").get_text(strip=True))
        for dt in feedback.select("dl.app-ratings dt")
    ]
    assert ratings == [
        ("Your rating", "Very inappropriate"),
        ("Expert rating", "Very appropriate"),
        ("Your rating", "Very appropriate"),
        ("Expert rating", "Very inappropriate"),
    ]
    check_attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(check_attempt, learner)
    check = client.get(reverse("quizzes:check", args=[check_attempt.id])).content.decode()
    assert "Talk to them: Very appropriate" not in check
    assert "Your rating: <strong>Very appropriate</strong>" in check


def test_select_all_that_apply_is_said_once_on_a_question_page(client, content, learner):
    prompt = "Which of these should you do? Select all that apply."
    quiz = QuizPageFactory(parent=content.bite, slug="select-all", questions=[multiple(prompt)])
    quiz.save_revision().publish()
    client.force_login(learner)
    attempt, location = start(client, quiz)
    html = client.get(location).content.decode()
    assert html.count("Select all that apply.") == 1
    assert "Which of these should you do?" in html


@pytest.mark.parametrize("count", [3, 30])
def test_the_result_page_of_a_module_quiz_takes_the_same_queries_for_3_and_30_questions(
    client, content, learner, count
):
    from tests.training.conftest import module_create
    from training.models import TrainingIndexPage

    quiz = quiz_with(content, count, slug=f"quiz-{count}")
    training = content.home.add_child(instance=TrainingIndexPage(title="Training", slug="training"))
    for n in range(3):
        module_create(
            parent=training,
            slug=f"module-{n}",
            title=f"Module {n}",
            steps=[{"type": "quiz", "value": quiz.id}],
        )
    client.force_login(learner)
    attempt = submit_with_wrong(client, quiz, learner, wrong={1, 2})
    url = reverse("quizzes:result", args=[attempt.id])
    client.get(url)  # Wagtail caches the site's root paths on first use.
    with CaptureQueriesContext(connection) as queries:
        soup = result_soup(client, attempt)
    assert len(back_to_module_links(soup)) == 3
    assert len(queries) == RESULT_PAGE_QUERIES
