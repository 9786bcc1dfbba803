"""What other apps may ask of quizzes. Returns plain dataclasses.

Also re-exported for the apps above: the `attempt_submitted` signal and the demo loaders.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from .demo import demo_attempt_submit
from .demo import load_demo_quiz as demo_quiz_load
from .models import QuizPage
from .selectors import QUIZ_RESULT_CONTEXT_HOOK
from .signals import attempt_submitted

__all__ = [
    "AttemptInProgress",
    "AttemptData",
    "AttemptSummary",
    "MissedQuestion",
    "QuestionData",
    "QUIZ_RESULT_CONTEXT_HOOK",
    "QuizLink",
    "StandardCorrectness",
    "attempt_submitted",
    "attempt_summary",
    "attempts_in_progress",
    "demo_attempt_submit",
    "demo_quiz_load",
    "personal_data",
    "quiz_for_bite",
    "standard_correctness",
    "submitted_results",
]


@dataclass(frozen=True)
class QuizLink:
    id: int
    title: str
    url: str
    question_count: int


def quiz_for_bite(*, bite, request=None) -> QuizLink | None:
    """Return the live quiz that checks this knowledge bite, if it has one."""
    quiz = QuizPage.objects.child_of(bite).live().first()
    if quiz is None:
        return None
    return QuizLink(
        id=quiz.id,
        title=quiz.title,
        url=quiz.get_url(request=request),
        question_count=len(quiz.questions.raw_data),
    )


@dataclass(frozen=True)
class MissedQuestion:
    number: int
    prompt: str
    scenario_text: str
    standard_ids: tuple[int, ...]


@dataclass(frozen=True)
class AttemptSummary:
    id: int
    quiz_title: str
    percent: float
    passed: bool
    submitted_at: object
    missed: tuple[MissedQuestion, ...]
    url: str


def attempt_summary(*, user, attempt_id) -> AttemptSummary | None:
    """Return the user's own submitted attempt: score and the questions not fully right."""
    from django.utils.html import strip_tags

    from .models import Attempt, AttemptStatus

    attempt = (
        Attempt.objects.filter(id=attempt_id, user=user, status=AttemptStatus.SUBMITTED)
        .prefetch_related("answers")
        .first()
    )
    if attempt is None:
        return None
    scores = {a.question_id: a.score for a in attempt.answers.all()}
    missed = []
    for number, question in enumerate(attempt.snapshot["questions"], 1):
        if scores.get(question["id"], 0) >= 1:
            continue
        standard_ids = {s["id"] for o in question["options"] for s in o["standards"]}
        missed.append(
            MissedQuestion(
                number=number,
                prompt=question["prompt"],
                scenario_text=strip_tags(question["scenario"]).strip(),
                standard_ids=tuple(sorted(standard_ids)),
            )
        )
    return AttemptSummary(
        id=attempt.id,
        quiz_title=attempt.quiz_title,
        # Set for every submitted attempt, as `passed` is.
        percent=float(attempt.percent or 0),
        passed=bool(attempt.passed),
        submitted_at=attempt.submitted_at,
        missed=tuple(missed),
        url=reverse("quizzes:result", args=[attempt.id]),
    )


# One submitted attempt: (submitted at, percent, passed).
QuizResult = tuple[datetime | None, float, bool]


def submitted_results(*, user_id, quiz_ids) -> dict[int, list[QuizResult]]:
    """Return {quiz id: [(submitted at, percent, passed), ...]} for the learner, in one query."""
    from .models import Attempt, AttemptStatus

    results: dict[int, list[QuizResult]] = {}
    if not quiz_ids:
        return results
    rows = Attempt.objects.filter(
        user_id=user_id, quiz_id__in=quiz_ids, status=AttemptStatus.SUBMITTED
    ).values_list("quiz_id", "submitted_at", "percent", "passed")
    for quiz_id, submitted_at, percent, passed in rows:
        # A submitted attempt has its percent, as in attempt_summary.
        results.setdefault(quiz_id, []).append((submitted_at, float(percent or 0), bool(passed)))
    return results


@dataclass(frozen=True)
class StandardCorrectness:
    """How a group answered the questions citing one standard: aggregates only."""

    standard_id: int
    answers: int
    correct: int  # answers given full credit (score 1)
    learners: int

    @property
    def percent_correct(self) -> float:
        return 100 * self.correct / self.answers if self.answers else 0.0


def standard_correctness(*, user_ids, min_learners=1) -> list[StandardCorrectness]:
    """Return, per cited standard, the share of fully correct answers by these learners.

    Two queries: the submitted attempts' snapshots (which say what each question cited
    when it was shown) and their answers' scores. A standard answered by fewer than
    `min_learners` people is left out, so a small group cannot be read person by person.
    Returns no individual answer; sorted by share correct, lowest first.
    """
    from .models import Answer, Attempt, AttemptStatus

    attempts = Attempt.objects.filter(
        user_id__in=user_ids, status=AttemptStatus.SUBMITTED
    ).values_list("id", "user_id", "snapshot")
    cites: dict[tuple[int, str], set[int]] = {}
    owner: dict[int, int] = {}
    for attempt_id, user_id, snapshot in attempts.iterator(chunk_size=500):
        owner[attempt_id] = user_id
        for question in snapshot.get("questions", []):
            cites[(attempt_id, question["id"])] = {
                s["id"]
                for option in question.get("options", [])
                for s in option.get("standards", [])
            }
    if not owner:
        return []
    answers: dict[int, int] = {}
    correct: dict[int, int] = {}
    learners: dict[int, set[int]] = {}
    rows = Answer.objects.filter(attempt_id__in=list(owner)).values_list(
        "attempt_id", "question_id", "score"
    )
    for attempt_id, question_id, score in rows.iterator(chunk_size=2000):
        for standard_id in cites.get((attempt_id, question_id), ()):
            answers[standard_id] = answers.get(standard_id, 0) + 1
            correct[standard_id] = correct.get(standard_id, 0) + (score >= 1)
            learners.setdefault(standard_id, set()).add(owner[attempt_id])
    results = [
        StandardCorrectness(sid, answers[sid], correct[sid], len(learners[sid]))
        for sid in answers
        if len(learners[sid]) >= min_learners
    ]
    return sorted(results, key=lambda r: (r.percent_correct, r.standard_id))


# A learner's quizzes started and not submitted, to continue (the signed-in home).
from .selectors import AttemptInProgress, attempts_in_progress  # noqa: E402


@dataclass(frozen=True)
class QuestionData:
    """One question of an attempt as the learner saw it, with their answer and the key."""

    number: int
    scenario: str  # plain text
    question: str
    your_answer: tuple[str, ...]  # empty: not answered
    right_answer: tuple[str, ...]  # the key (for a situational judgement, each rating)
    score: float | None  # 0 to 1 (1: full credit); None until the attempt is submitted


@dataclass(frozen=True)
class AttemptData:
    """One attempt at a quiz, for "Download all my data": readable, never ids."""

    quiz: str
    attempt_number: int
    status: str
    started_at: datetime
    submitted_at: datetime | None
    score: Decimal | None
    out_of: Decimal | None
    percent: Decimal | None
    pass_mark: int | None
    passed: bool | None
    questions: tuple[QuestionData, ...]


def personal_data(*, user) -> dict[str, list]:
    """Return what quizzes hold about the user: every attempt, oldest first, each question
    with the answer given and the right answer as text, from the attempt's snapshot (what
    the learner was shown). Two queries, whatever the number of attempts."""
    from django.utils.html import strip_tags

    from .models import AttemptStatus
    from .selectors import answer_lines, answer_sentence, attempts_with_answers, best_answer_lines

    attempts = []
    for attempt in attempts_with_answers(user=user):
        submitted = attempt.status == AttemptStatus.SUBMITTED
        scores = {answer.question_id: float(answer.score) for answer in attempt.answers.all()}
        questions = []
        for number, question in enumerate(attempt.snapshot.get("questions", []), 1):
            response = attempt.responses.get(question["id"])
            questions.append(
                QuestionData(
                    number=number,
                    scenario=strip_tags(question.get("scenario", "")).strip(),
                    question=question.get("prompt", ""),
                    your_answer=tuple(
                        answer_sentence(line, rater=_("You"))
                        for line in answer_lines(question, response)
                    ),
                    right_answer=tuple(
                        answer_sentence(line, rater=_("The expert"))
                        for line in best_answer_lines(question)
                    ),
                    score=scores.get(question["id"], 0.0) if submitted else None,
                )
            )
        attempts.append(
            AttemptData(
                quiz=attempt.quiz_title,
                attempt_number=attempt.number,
                status=str(attempt.get_status_display()),
                started_at=attempt.started_at,
                submitted_at=attempt.submitted_at,
                score=attempt.score,
                out_of=attempt.max_score,
                percent=attempt.percent,
                pass_mark=attempt.snapshot.get("quiz", {}).get("pass_mark"),
                passed=attempt.passed,
                questions=tuple(questions),
            )
        )
    return {"quiz_attempts": attempts}


# A question of a learner's attempt, for a record that reflects on it; which attempts are
# at which quiz, for a module's reflection step.
from .selectors import AnsweredQuestion, answered_question, attempt_quizzes  # noqa: E402

__all__ += ["AnsweredQuestion", "answered_question", "attempt_quizzes"]


# A learner's scores, for the learner page their manager sees (scores only, never answers).
from .selectors import AttemptScore, attempt_scores  # noqa: E402

__all__ += ["AttemptScore", "attempt_scores"]
