"""Writes for quiz attempts. Views call these; nothing else writes attempts or answers."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.signals import send_on_commit

from . import scoring
from .blocks import RATING_SCALE
from .models import Answer, Attempt, AttemptStatus, QuizPage
from .signals import attempt_submitted
from .snapshots import quiz_snapshot

RATINGS = {value for value, _label in RATING_SCALE}
CONFIDENCE_LEVELS = {1, 2, 3}


class QuizError(Exception):
    """A request the quiz refuses; the message is for the learner."""


@dataclass(frozen=True)
class SubmitResult:
    attempt: Attempt
    newly_submitted: bool


def _live_quiz(quiz_id):
    quiz = QuizPage.objects.live().filter(id=quiz_id).first()
    if quiz is None:
        raise QuizError(_("This quiz is not available."))
    if quiz.is_closed:
        raise QuizError(_("This quiz is closed. Your answers have not been changed."))
    return quiz


def _attempts_left(quiz, user):
    if quiz.attempts_allowed is None:
        return None
    used = Attempt.objects.filter(user=user, quiz=quiz, status=AttemptStatus.SUBMITTED).count()
    return quiz.attempts_allowed - used


def attempt_start(*, user, quiz_id) -> Attempt:
    """Resume the learner's open attempt at this quiz, or start a new one."""
    quiz = _live_quiz(quiz_id)
    open_attempt = Attempt.objects.filter(
        user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS
    ).first()
    if open_attempt is not None:
        return open_attempt
    left = _attempts_left(quiz, user)
    if left is not None and left <= 0:
        raise QuizError(_("You have used all your attempts at this quiz."))
    number = Attempt.objects.filter(user=user, quiz=quiz).count() + 1
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                user=user,
                quiz=quiz,
                quiz_title=quiz.title,
                number=number,
                snapshot=quiz_snapshot(quiz=quiz),
            )
    except IntegrityError:
        # Two tabs started at once: the other request's attempt is the one to resume.
        return Attempt.objects.get(user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS)


def clean_response(*, question, ask_confidence, selected=(), ratings=None, confidence=None):
    """Check a response against the snapshot question; return it as stored, or raise.

    `selected` holds option ids (single best answer, multiple response); `ratings` maps
    option id to a rating (situational judgement).
    """
    option_ids = {option["id"] for option in question["options"]}
    response = {}
    if question["type"] == "situational_judgement":
        ratings = ratings or {}
        if set(ratings) - option_ids:
            raise QuizError(_("That answer does not belong to this question."))
        missing = [o for o in question["options"] if o["id"] not in ratings]
        if missing:
            raise QuizError(_("Rate every response."))
        try:
            clean = {key: int(value) for key, value in ratings.items()}
        except (TypeError, ValueError):
            raise QuizError(_("Choose a rating from the scale for every response.")) from None
        if not set(clean.values()) <= RATINGS:
            raise QuizError(_("Choose a rating from the scale for every response."))
        response["ratings"] = clean
    else:
        selected = list(dict.fromkeys(selected))
        if not selected:
            raise QuizError(_("Select an answer."))
        if not set(selected) <= option_ids:
            raise QuizError(_("That answer does not belong to this question."))
        if question["type"] == "single_best_answer" and len(selected) != 1:
            raise QuizError(_("Select one answer."))
        response["selected"] = selected
    if ask_confidence:
        try:
            confidence = int(confidence)
        except (TypeError, ValueError):
            confidence = None
        if confidence not in CONFIDENCE_LEVELS:
            raise QuizError(_("Say how sure you are of your answer."))
        response["confidence"] = confidence
    return response


def attempt_answer_save(*, attempt_id, user, question_id, **answer) -> Attempt:
    """Validate and save one answer of an open attempt, so the learner can come back."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().filter(id=attempt_id, user=user).first()
        if attempt is None:
            raise QuizError(_("This attempt does not exist."))
        if attempt.status != AttemptStatus.IN_PROGRESS:
            raise QuizError(_("You have already submitted this attempt."))
        if attempt.quiz is None or not attempt.quiz.live or attempt.quiz.is_closed:
            raise QuizError(_("This quiz is closed. Your answers have not been changed."))
        question = next((q for q in attempt.snapshot["questions"] if q["id"] == question_id), None)
        if question is None:
            raise QuizError(_("That answer does not belong to this quiz."))
        locked = attempt.snapshot["quiz"]["feedback_timing"] == "each"
        if locked and question_id in attempt.responses:
            raise QuizError(_("You have already answered this question and seen its feedback."))
        attempt.responses[question_id] = clean_response(
            question=question, ask_confidence=attempt.snapshot["quiz"]["ask_confidence"], **answer
        )
        attempt.save(update_fields=["responses"])
    return attempt


def score_question(question, response):
    """Return the question's score, 0 to 1, from the snapshot key."""
    if question["type"] == "single_best_answer":
        correct = next(o["id"] for o in question["options"] if o["correct"])
        return scoring.score_single_best_answer(selected=response["selected"][0], correct=correct)
    if question["type"] == "multiple_response":
        return scoring.score_multiple_response(
            selected=set(response["selected"]),
            correct={o["id"] for o in question["options"] if o["correct"]},
            options={o["id"] for o in question["options"]},
        )
    return scoring.score_situational_judgement(
        ratings=response["ratings"],
        key={o["id"]: o["expert_rating"] for o in question["options"]},
    )


def attempt_submit(*, attempt_id, user) -> SubmitResult:
    """Score and submit an attempt exactly once.

    The learner's attempts at the quiz are locked for the transaction, so a double click,
    two tabs or concurrent requests record one submission; later ones see it submitted.
    """
    with transaction.atomic():
        attempt = Attempt.objects.filter(id=attempt_id, user=user).first()
        if attempt is None:
            raise QuizError(_("This attempt does not exist."))
        # Lock every attempt of this learner at this quiz: the attempt limit holds too.
        locked = {
            a.id: a
            for a in Attempt.objects.select_for_update().filter(user=user, quiz_id=attempt.quiz_id)
        }
        attempt = locked.get(attempt.id, attempt)
        if attempt.status == AttemptStatus.SUBMITTED:
            return SubmitResult(attempt=attempt, newly_submitted=False)
        quiz = attempt.quiz
        if quiz is None or not quiz.live or quiz.is_closed:
            raise QuizError(_("This quiz is closed. Your answers have not been changed."))
        used = sum(1 for a in locked.values() if a.status == AttemptStatus.SUBMITTED)
        if quiz.attempts_allowed is not None and used >= quiz.attempts_allowed:
            raise QuizError(_("You have used all your attempts at this quiz."))
        questions = attempt.snapshot["questions"]
        missing = [i for i, q in enumerate(questions, 1) if q["id"] not in attempt.responses]
        if missing:
            raise QuizError(
                _("Answer every question before you submit. Not answered: %(numbers)s.")
                % {"numbers": ", ".join(str(n) for n in missing)}
            )
        ask_confidence = attempt.snapshot["quiz"]["ask_confidence"]
        answers = []
        for position, question in enumerate(questions, 1):
            response = attempt.responses[question["id"]]
            fraction = score_question(question, response)
            confidence = response.get("confidence") if ask_confidence else None
            answers.append(
                Answer(
                    attempt=attempt,
                    question_id=question["id"],
                    position=position,
                    response=response,
                    score=Decimal(str(round(fraction, 3))),
                    confidence=confidence,
                    cbm_mark=(
                        Decimal(
                            str(
                                round(scoring.cbm_mark(fraction=fraction, confidence=confidence), 3)
                            )
                        )
                        if confidence
                        else None
                    ),
                )
            )
        Answer.objects.bulk_create(answers)
        score, max_score, percent = scoring.attempt_total([(float(a.score), 1.0) for a in answers])
        attempt.score = Decimal(str(round(score, 3)))
        attempt.max_score = Decimal(max_score)
        attempt.percent = Decimal(str(round(percent, 2)))
        attempt.passed = scoring.passed(percent, attempt.snapshot["quiz"]["pass_mark"])
        # Every answer has a mark when confidence was asked (clean_response requires it).
        attempt.cbm_total = (
            sum((a.cbm_mark for a in answers if a.cbm_mark is not None), Decimal(0))
            if ask_confidence
            else None
        )
        attempt.status = AttemptStatus.SUBMITTED
        attempt.submitted_at = timezone.now()
        attempt.save()
        send_on_commit(
            attempt_submitted, sender=Attempt, user_id=attempt.user_id, quiz_id=attempt.quiz_id
        )
    return SubmitResult(attempt=attempt, newly_submitted=True)
