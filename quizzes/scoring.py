"""Score scenario questions and attempts: pure functions over plain values.

Numbers are floats, rounded to ``PLACES`` (6) decimal places before they are returned.
That is finer than anything we store (answers keep 3 places) but strips float noise, so
scores of 0.2 and 0.7 out of 2 make exactly 45.0%, not 44.99999999999999%, and pass 45%.

A question's raw score is a fraction from 0.0 (nothing right) to 1.0 (fully right).
Callers store a score and a max per question; with every question worth 1 the score is
the fraction. The rules, with their Moodle sources, are in docs/quiz-scoring.md.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from core.numbers import format_number  # noqa: F401 - quizzes' display of scores

PLACES = 6

# Certainty-based marking (Moodle qbehaviour_deferredcbm, class question_cbm).
LOW, MEDIUM, HIGH = 1, 2, 3
CONFIDENCE_LEVELS = (LOW, MEDIUM, HIGH)
DEFAULT_CONFIDENCE = LOW  # What Moodle assumes when a learner does not choose one.
CBM_RIGHT = {LOW: 1, MEDIUM: 2, HIGH: 3}
CBM_WRONG = {LOW: 0, MEDIUM: -2, HIGH: -6}
# A fraction at or below this counts as wrong (Moodle question_utils::MARK_TOLERANCE).
CBM_WRONG_TOLERANCE = 0.00000005
# Moodle's empirical weight of the CBM bonus (qbehaviour_deferredcbm_type::calculate_bonus).
CBM_BONUS_WEIGHT = 0.1


def _round(value: float) -> float:
    return round(value, PLACES) + 0.0  # + 0.0 turns -0.0 into 0.0


def score_single_best_answer(*, selected: str | None, correct: str) -> float:
    """Return 1.0 if the selected option id is the correct one, else 0.0.

    ``selected`` None (no answer) scores 0.0.
    """
    return 1.0 if selected is not None and selected == correct else 0.0


def score_multiple_response(*, selected: set[str], correct: set[str], options: set[str]) -> float:
    """Return partial credit from 0.0 to 1.0 for a multiple-response answer.

    Rule: (right options chosen - wrong options chosen) / number of right options,
    floored at 0.0. With 3 right options, choosing 2 right and 1 wrong scores
    (2 - 1) / 3 = 0.333333; choosing every option of a question with any wrong option
    therefore never scores 1.0, and choosing nothing scores 0.0.

    Raise ValueError if ``selected`` is not a subset of ``options``, or ``correct`` is
    empty or not a subset of ``options``.
    """
    selected, correct, options = set(selected), set(correct), set(options)
    if not correct:
        raise ValueError("A multiple-response question needs at least one right option.")
    if not correct <= options:
        raise ValueError(f"Right options not among the options: {sorted(correct - options)}")
    if not selected <= options:
        raise ValueError(f"Selected options not among the options: {sorted(selected - options)}")
    right = len(selected & correct)
    wrong = len(selected - correct)
    return _round(max(0.0, (right - wrong) / len(correct)))


def score_situational_judgement(
    *, ratings: Mapping[str, int], key: Mapping[str, int], scale_min: int = 1, scale_max: int = 4
) -> float:
    """Return how close the learner's ratings are to the expert key, 0.0 to 1.0.

    The learner rates every response on the scale. Each response's closeness is
    1 - |rating - key| / (scale_max - scale_min): 1.0 for the expert rating, 0.0 for the
    opposite end of the scale. The score is the mean closeness over the key's responses.
    On the 1-4 scale, one point off scores 0.666667 for that response, three points 0.0.

    Raise ValueError if a response in the key is unrated, a rated response is not in the
    key, a rating or key value is not an integer on the scale, or the scale is empty.
    """
    if scale_max <= scale_min:
        raise ValueError("scale_max must be greater than scale_min.")
    if not key:
        raise ValueError("A situational-judgement question needs at least one response.")
    unrated = set(key) - set(ratings)
    if unrated:
        raise ValueError(f"Responses not rated: {sorted(unrated)}")
    unknown = set(ratings) - set(key)
    if unknown:
        raise ValueError(f"Ratings for unknown responses: {sorted(unknown)}")

    def on_scale(value) -> bool:
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (scale_min <= value <= scale_max)
        )

    for response_id, expert in key.items():
        if not on_scale(expert):
            raise ValueError(f"Key rating for {response_id!r} is off the scale: {expert!r}")
        if not on_scale(ratings[response_id]):
            raise ValueError(
                f"Rating for {response_id!r} is off the scale: {ratings[response_id]!r}"
            )
    span = scale_max - scale_min
    closeness = [1 - abs(ratings[r] - expert) / span for r, expert in key.items()]
    return _round(math.fsum(closeness) / len(closeness))


def _check_confidence(confidence: int) -> None:
    if confidence not in CONFIDENCE_LEVELS or isinstance(confidence, bool):
        raise ValueError(f"Confidence must be 1 (low), 2 (medium) or 3 (high), not {confidence!r}.")


def cbm_mark(*, fraction: float, confidence: int) -> float:
    """Return the certainty-based mark for one question, from -6.0 to 3.0.

    ``fraction`` is the question's raw score (0.0 to 1.0); ``confidence`` is 1 (low),
    2 (medium) or 3 (high). Moodle's rule (question_cbm::adjust_fraction, deferred
    feedback with CBM): a fraction at or below 0.00000005 is wrong and marks 0, -2 or -6
    for confidence 1, 2 or 3; any other fraction marks 1, 2 or 3 times the fraction. So a
    fully right answer marks +1/+2/+3, and a partly right answer is never penalised: 0.5
    at high confidence marks 1.5.

    Raise ValueError for a confidence other than 1, 2, 3 or a fraction outside 0 to 1.
    """
    _check_confidence(confidence)
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction!r}.")
    if fraction <= CBM_WRONG_TOLERANCE:
        return float(CBM_WRONG[confidence])
    return _round(CBM_RIGHT[confidence] * fraction)


def cbm_bounds(confidence: int) -> tuple[float, float]:
    """Return (lowest, highest) CBM mark possible at this confidence: (0, 1), (-2, 2), (-6, 3)."""
    _check_confidence(confidence)
    return float(CBM_WRONG[confidence]), float(CBM_RIGHT[confidence])


@dataclass(frozen=True)
class CbmSummary:
    """An attempt's certainty-based marks, summarised as Moodle's CBM review shows them.

    questions: how many questions were marked.
    total_mark: the sum of the CBM marks (-6 x questions to 3 x questions).
    max_mark: 3 x questions, the total for every answer fully right at high confidence.
    average_mark: total_mark / questions, -6.0 to 3.0 ("Average CBM mark").
    grade_percent: 100 x average_mark, -600 to 300. 100 means every answer right at low
        confidence; Moodle shows the quiz grade this way ("CBM grades").
    accuracy_percent: the mean raw score ignoring confidence, 0 to 100 ("Accuracy").
    bonus_percent: 10 x (average_mark - the best average mark a learner with this accuracy
        could expect from one confidence level for every question). Positive when the
        learner told reliable from unreliable answers; negative for confident mistakes
        ("CBM bonus").
    accuracy_and_bonus_percent: accuracy_percent + bonus_percent ("Accuracy + Bonus").
    """

    questions: int
    total_mark: float
    max_mark: float
    average_mark: float
    grade_percent: float
    accuracy_percent: float
    bonus_percent: float
    accuracy_and_bonus_percent: float


def cbm_summary(answers: Iterable[tuple[float, int]]) -> CbmSummary:
    """Summarise (fraction, confidence) pairs, one per question, each question worth 1.

    Follows qbehaviour_deferredcbm_type::summarise_usage and calculate_bonus; Moodle
    weights each question by its max mark, which is the same rule when every max is 1.
    Raise ValueError if there are no answers, or for a bad fraction or confidence.
    """
    answers = list(answers)
    if not answers:
        raise ValueError("A CBM summary needs at least one answer.")
    n = len(answers)
    total = math.fsum(cbm_mark(fraction=f, confidence=c) for f, c in answers)
    accuracy = math.fsum(f for f, _ in answers) / n
    average = total / n
    expected = max(
        accuracy * CBM_RIGHT[c] + (1 - accuracy) * CBM_WRONG[c] for c in CONFIDENCE_LEVELS
    )
    bonus = CBM_BONUS_WEIGHT * (average - expected)
    return CbmSummary(
        questions=n,
        total_mark=_round(total),
        max_mark=float(CBM_RIGHT[HIGH] * n),
        average_mark=_round(average),
        grade_percent=_round(100 * average),
        accuracy_percent=_round(100 * accuracy),
        bonus_percent=_round(100 * bonus),
        accuracy_and_bonus_percent=_round(100 * (accuracy + bonus)),
    )


def attempt_total(question_scores: Iterable[tuple[float, float]]) -> tuple[float, float, float]:
    """Return (score, max, percent) for an attempt from its (score, max) per question.

    score and max are the sums; percent is 100 x score / max, 0.0 to 100.0, and 0.0 when
    there is nothing to score (no questions, or every max 0). Raise ValueError if a max
    is negative or a score is outside 0 to its max.
    """
    scores, maxes = [], []
    for score, maximum in question_scores:
        if maximum < 0 or not 0 <= score <= maximum:
            raise ValueError(f"A question's score must be between 0 and its max: {score}/{maximum}")
        scores.append(score)
        maxes.append(maximum)
    total, out_of = math.fsum(scores), math.fsum(maxes)
    percent = 100 * total / out_of if out_of else 0.0
    return _round(total), _round(out_of), _round(percent)


def passed(percent: float, pass_mark: float) -> bool:
    """Return True if the attempt's percent reaches the pass mark (percent >= pass_mark)."""
    return percent >= pass_mark


# Display: numbers as a person writes them. Only templates and exports call these.


def format_percent(value) -> str:
    """Return a percent as a whole number, rounded down: 53.75 gives "53", 100.0 "100".

    Rounded down so that a score just below the pass mark never shows as the pass mark
    (69.6% shows as 69%, not 70%, when the pass mark is 70%). None gives "".
    """
    if value is None or value == "":
        return ""
    whole = Decimal(str(value)).to_integral_value(rounding=ROUND_FLOOR)
    return f"{whole:f}"
