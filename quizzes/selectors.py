"""Reads for quizzes and attempts. A learner only ever reads their own attempts."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Answer, Attempt, AttemptStatus, FeedbackTiming


def attempt_for_user(*, user, attempt_id) -> Attempt:
    """Return the user's own attempt, or raise Http404 (the same for anyone else's)."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), id=attempt_id, user=user)


def quiz_page_context(*, quiz, user) -> dict[str, Any]:
    context: dict[str, Any] = {"question_count": len(quiz.questions.raw_data)}
    if not user.is_authenticated:
        return context
    attempts = list(
        Attempt.objects.filter(user=user, quiz=quiz).only(
            "id", "status", "number", "percent", "passed"
        )
    )
    submitted = [a for a in attempts if a.status == AttemptStatus.SUBMITTED]
    context["open_attempt"] = next(
        (a for a in attempts if a.status == AttemptStatus.IN_PROGRESS), None
    )
    context["submitted_attempts"] = submitted
    if quiz.attempts_allowed is not None:
        context["attempts_left"] = max(quiz.attempts_allowed - len(submitted), 0)
    return context


@dataclass
class QuestionView:
    number: int
    question: dict
    response: dict | None


def question_at(*, attempt, number) -> QuestionView | None:
    questions = attempt.snapshot["questions"]
    if not 1 <= number <= len(questions):
        return None
    question = questions[number - 1]
    return QuestionView(number, question, attempt.responses.get(question["id"]))


def first_unanswered(attempt) -> int | None:
    for number, question in enumerate(attempt.snapshot["questions"], 1):
        if question["id"] not in attempt.responses:
            return number
    return None


def feedback_after_each(attempt) -> bool:
    return attempt.snapshot["quiz"]["feedback_timing"] == FeedbackTiming.EACH_QUESTION


def results_for_user(*, user):
    """Return the learner's submitted attempts, newest first, each with `quiz_removed` set
    when its quiz has since been deleted or unpublished. One query."""
    return (
        Attempt.objects.filter(user=user, status=AttemptStatus.SUBMITTED)
        .annotate(quiz_live=F("quiz__live"))
        .order_by("-submitted_at")
    )


@dataclass(frozen=True)
class AttemptInProgress:
    """A quiz the learner started and has not submitted: where to pick it up."""

    id: int
    quiz_title: str
    answered: int
    question_count: int
    started_at: datetime
    continue_url: str  # the first unanswered question, or "Check your answers"


def attempts_in_progress(*, user_id, limit=5) -> list[AttemptInProgress]:
    """Return the learner's unsubmitted attempts at live quizzes, latest started first.

    One query. An attempt at a quiz since deleted or unpublished is left out: it can no
    longer be finished.
    """
    from django.urls import reverse

    attempts = (
        Attempt.objects.filter(user_id=user_id, status=AttemptStatus.IN_PROGRESS, quiz__live=True)
        .only("id", "quiz_title", "snapshot", "responses", "started_at")
        .order_by("-started_at", "-id")[:limit]
    )
    refs = []
    for attempt in attempts:
        number = first_unanswered(attempt)
        refs.append(
            AttemptInProgress(
                id=attempt.id,
                quiz_title=attempt.quiz_title,
                answered=len(attempt.responses),
                question_count=len(attempt.snapshot["questions"]),
                started_at=attempt.started_at,
                continue_url=(
                    reverse("quizzes:check", args=[attempt.id])
                    if number is None
                    else reverse("quizzes:question", args=[attempt.id, number])
                ),
            )
        )
    return refs


def attempts_with_answers(*, user) -> list[Attempt]:
    """Return all the user's attempts, oldest first, with their scored answers. Two queries."""
    return list(
        Attempt.objects.filter(user=user).prefetch_related("answers").order_by("started_at", "id")
    )


@dataclass(frozen=True)
class AnsweredQuestion:
    """One question of a learner's submitted attempt, as it was asked, and their answer.

    `title` is the question's short title or, without one, its prompt: never the scenario.
    `score` is the question's score from 0 to 1 (see quizzes/scoring.py).
    """

    attempt_id: int
    quiz_id: int | None
    quiz_title: str
    number: int
    question_count: int
    title: str
    answer_lines: tuple[str, ...]
    score: float
    standard_ids: tuple[int, ...]
    url: str

    @property
    def right(self) -> bool:
        return self.score >= 1

    @property
    def partly_right(self) -> bool:
        return 0 < self.score < 1


def _answer_lines(question, response) -> tuple[str, ...]:
    """Return the learner's answer as sentences: the options chosen, or each rating."""
    return tuple(answer_sentence(line, rater=_("You")) for line in answer_lines(question, response))


def answered_question(*, user_id, attempt_id, number) -> AnsweredQuestion | None:
    """Return question `number` (1 is the first) of the user's submitted attempt, from the
    snapshot; None when the attempt is not theirs, not submitted, or has no such question.

    Two queries: the attempt, and the question's score.
    """
    from django.urls import reverse

    attempt = (
        Attempt.objects.filter(id=attempt_id, user_id=user_id, status=AttemptStatus.SUBMITTED)
        .only("id", "quiz_id", "quiz_title", "snapshot", "responses")
        .first()
    )
    if attempt is None or number is None:
        return None
    questions = attempt.snapshot["questions"]
    if not 1 <= number <= len(questions):
        return None
    question = questions[number - 1]
    score = (
        Answer.objects.filter(attempt_id=attempt.id, question_id=question["id"])
        .values_list("score", flat=True)
        .first()
    )
    return AnsweredQuestion(
        attempt_id=attempt.id,
        quiz_id=attempt.quiz_id,
        quiz_title=attempt.quiz_title,
        number=number,
        question_count=len(questions),
        title=(question.get("title") or question["prompt"]).strip(),
        answer_lines=_answer_lines(question, attempt.responses.get(question["id"])),
        score=float(score or 0),
        standard_ids=tuple(
            sorted({s["id"] for o in question["options"] for s in o.get("standards", [])})
        ),
        url=reverse("quizzes:result", args=[attempt.id]),
    )


def attempt_quizzes(*, user_id, quiz_ids) -> dict[int, int]:
    """Return {attempt id: quiz id} of the user's attempts at these quizzes. One query."""
    if not quiz_ids:
        return {}
    return dict(
        Attempt.objects.filter(user_id=user_id, quiz_id__in=quiz_ids).values_list("id", "quiz_id")
    )


# The result page: a summary first, then feedback grouped by what was missed.

# Apps above quizzes add to a quiz result's page through this Wagtail hook (training
# adds the modules the quiz is a step of). Each function takes `quiz_id` and `request`
# and returns a dict; it is called only while the attempt's quiz still exists.
QUIZ_RESULT_CONTEXT_HOOK = "quiz_result_context"


@dataclass(frozen=True)
class AnswerLine:
    """One part of an answer: an option's text and, for a rated response, the rating."""

    text: str
    rating: str | None = None


def _rating_labels():
    from .blocks import RATING_SCALE

    return dict(RATING_SCALE)


def answer_lines(question, response) -> list[AnswerLine]:
    """Return the learner's answer as separate pieces (option, rating), never one string."""
    if response is None:
        return []
    options = {o["id"]: o for o in question["options"]}
    if "ratings" in response:
        scale = _rating_labels()
        return [
            AnswerLine(options[option_id]["text"], scale.get(rating))
            for option_id, rating in response["ratings"].items()
            if option_id in options
        ]
    return [AnswerLine(options[i]["text"]) for i in response.get("selected", []) if i in options]


def best_answer_lines(question) -> list[AnswerLine]:
    """Return the key: the right options, or every response with its expert rating."""
    if question["type"] == "situational_judgement":
        scale = _rating_labels()
        return [AnswerLine(o["text"], scale.get(o["expert_rating"])) for o in question["options"]]
    return [AnswerLine(o["text"]) for o in question["options"] if o["correct"]]


def answer_sentence(line: AnswerLine, *, rater) -> str:
    """Say one answer line in words: the option's text, or who rated a response how.

    ("You rated “Ask them…” as very inappropriate.", never "Ask them.: Very inappropriate".)
    """
    if line.rating is None:
        return line.text
    return _("%(rater)s rated “%(answer)s” as %(rating)s.") % {
        "rater": rater,
        "answer": line.text,
        "rating": str(line.rating).lower(),
    }


@dataclass(frozen=True)
class OptionReview:
    """An option the feedback is about, with what the learner did with it."""

    text: str
    feedback: str  # the editor's rich text, as it was when the attempt started
    chosen: bool  # picked (or, for a rated response, always True: every one is rated)
    correct: bool  # a right option; for a rated response, rated as the expert did
    rating: str | None  # the learner's rating, for a rated response
    expert_rating: str | None


@dataclass
class QuestionReview:
    number: int
    question: dict
    answers: list[AnswerLine]
    best: list[AnswerLine]
    score: float | None  # 0 to 1; None before the attempt is scored
    feedback: list[OptionReview]
    standards: list

    @property
    def anchor(self) -> str:
        return f"question-{self.number}"

    @property
    def missed(self) -> bool:
        """True when the question did not get full credit (as quizzes.api.attempt_summary)."""
        return self.score is not None and self.score < 1

    @property
    def judgement(self) -> bool:
        return self.question["type"] == "situational_judgement"


def question_review(number, question, response, score) -> QuestionReview:
    """Return one question's answer, key, feedback and standards, from the snapshot."""
    response = response or {}
    judgement = question["type"] == "situational_judgement"
    scale = _rating_labels() if judgement else {}
    ratings = response.get("ratings", {})
    chosen = set(response.get("selected", []))
    feedback = []
    for option in question["options"]:
        if judgement:
            rating = ratings.get(option["id"])
            feedback.append(
                OptionReview(
                    text=option["text"],
                    feedback=option["feedback"],
                    chosen=rating is not None,
                    correct=rating == option["expert_rating"],
                    rating=scale.get(rating),
                    expert_rating=scale.get(option["expert_rating"]),
                )
            )
        elif option["id"] in chosen or option["correct"]:
            feedback.append(
                OptionReview(
                    text=option["text"],
                    feedback=option["feedback"],
                    chosen=option["id"] in chosen,
                    correct=bool(option["correct"]),
                    rating=None,
                    expert_rating=None,
                )
            )
    standards = {}
    for option in question["options"]:
        for standard in option["standards"]:
            standards[standard["id"]] = standard
    return QuestionReview(
        number=number,
        question=question,
        answers=answer_lines(question, response or None),
        best=best_answer_lines(question),
        score=score,
        feedback=feedback,
        standards=list(standards.values()),
    )


@dataclass
class AttemptReview:
    questions: list[QuestionReview]
    attempts_left: int | None  # None: as many as the learner likes
    can_try_again: bool  # the quiz is live, open and has attempts left

    @property
    def missed(self) -> list[QuestionReview]:
        return [q for q in self.questions if q.missed]

    @property
    def right(self) -> list[QuestionReview]:
        return [q for q in self.questions if not q.missed]


def attempt_review(*, attempt) -> AttemptReview:
    """Return a submitted attempt's questions, each scored, and whether another is allowed.

    One query for the answers' scores, and one more to count the learner's submitted
    attempts when the quiz limits them. `attempt.quiz` must be loaded already
    (`attempt_for_user` selects it).
    """
    scores = {
        question_id: float(score)
        for question_id, score in Answer.objects.filter(attempt=attempt).values_list(
            "question_id", "score"
        )
    }
    questions = [
        question_review(
            number, question, attempt.responses.get(question["id"]), scores.get(question["id"], 0.0)
        )
        for number, question in enumerate(attempt.snapshot["questions"], 1)
    ]
    quiz = attempt.quiz
    attempts_left = None
    open_for_attempts = quiz is not None and quiz.live and not quiz.is_closed
    if open_for_attempts and quiz.attempts_allowed is not None:
        used = Attempt.objects.filter(
            user_id=attempt.user_id, quiz=quiz, status=AttemptStatus.SUBMITTED
        ).count()
        attempts_left = max(quiz.attempts_allowed - used, 0)
    return AttemptReview(
        questions=questions,
        attempts_left=attempts_left,
        can_try_again=open_for_attempts and (attempts_left is None or attempts_left > 0),
    )


def quiz_result_context(*, attempt, request) -> dict[str, Any]:
    """Merge what every function registered for QUIZ_RESULT_CONTEXT_HOOK returns."""
    context: dict[str, Any] = {}
    if attempt.quiz_id is None:
        return context
    from wagtail import hooks

    for add_context in hooks.get_hooks(QUIZ_RESULT_CONTEXT_HOOK):
        context.update(add_context(quiz_id=attempt.quiz_id, request=request))
    return context


@dataclass(frozen=True)
class AttemptScore:
    """One submitted attempt, for the learner's manager: the score only, never an answer."""

    quiz_title: str
    number: int  # 1 for the learner's first attempt at the quiz
    submitted_at: datetime | None
    percent: float
    passed: bool
    quiz_removed: bool  # the quiz has since been deleted or unpublished


def attempt_scores(*, user_id) -> list[AttemptScore]:
    """Return the learner's submitted attempts, newest first: quiz title, when, score and
    whether it passed. One query; no question, answer or snapshot is read."""
    rows = (
        Attempt.objects.filter(user_id=user_id, status=AttemptStatus.SUBMITTED)
        .order_by("-submitted_at", "-id")
        .values_list("quiz_title", "number", "submitted_at", "percent", "passed", "quiz__live")
    )
    return [
        AttemptScore(
            quiz_title=title,
            number=number,
            submitted_at=submitted_at,
            # Set for every submitted attempt, as in attempt_summary.
            percent=float(percent or 0),
            passed=bool(passed),
            quiz_removed=not live,
        )
        for title, number, submitted_at, percent, passed, live in rows
    ]
