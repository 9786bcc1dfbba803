"""Item analysis for a quiz, as Moodle's quiz statistics report defines it.

Pure functions over plain data the caller builds from one query. Each attempt is::

    {"attempt_id": 7,
     "scores": {question_id: (score, max), ...},
     "responses": {question_id: [chosen option ids], ...}}

Conventions shared by every function here:

- The questions are every question id found in any attempt's scores, in the order first
  seen (so the quiz's order when callers list scores in question order).
- A question missing from an attempt's scores counts as 0 out of its max mark (Moodle's
  "treat omitted items as a score of 0"); its max mark is the largest seen for it.
- Percentages are 0 to 100 and not rounded: round when displaying. Statistics that need
  more attempts than there are, or spread where there is none, are None.
- Totals, and totals minus one question, are rounded to ``PLACES`` (9) decimal places,
  so float error cannot fake a spread (0.1 + 0.2 is 0.30000000000000004, not 0.3).
- Cost is linear in attempts x questions, plus one sort per question.

Sources (checked 2026-11-23): Moodle question/classes/statistics/questions/calculator.php,
mod/quiz/report/statistics/classes/calculator.php and statistics_table.php; MoodleDocs
"Quiz statistics calculations" and "Quiz report statistics". See docs/quiz-scoring.md.
"""

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

PLACES = 9

# Moodle's facility-index interpretation bands (MoodleDocs "Quiz report statistics"),
# as (upper limit, inclusive?, band). Moodle lists whole numbers with gaps (64 to 66);
# a value in a gap falls into the next band up.
FACILITY_BANDS = (
    (5, True, "extremely_difficult"),  # 5 or less: extremely difficult or a faulty question
    (10, True, "very_difficult"),  # 6-10
    (20, True, "difficult"),  # 11-20
    (35, False, "moderately_difficult"),  # 20-34
    (65, False, "about_right"),  # 35-64: about right for the average learner
    (80, True, "fairly_easy"),  # 66-80
    (90, False, "easy"),  # 81-89
    (95, False, "very_easy"),  # 90-94
    (math.inf, True, "extremely_easy"),  # 95-100
)
TOO_HARD_BANDS = {"extremely_difficult", "very_difficult", "difficult"}  # facility <= 20
TOO_EASY_BANDS = {"very_easy", "extremely_easy"}  # facility >= 90
# Moodle's statistics table marks a question "dubious" below this discriminative efficiency.
LOW_DISCRIMINATIVE_EFFICIENCY = 15


@dataclass(frozen=True)
class OptionFrequency:
    """How often one option was chosen: count of attempts, and percent of all attempts."""

    count: int
    percent: float


@dataclass(frozen=True)
class QuestionStats:
    """Moodle's item statistics for one question.

    attempts: attempts analysed (every attempt; a missing answer counts as 0).
    max_mark: the question's max mark.
    facility: mean score as a percent of the max mark, 0 to 100 (Moodle's facility
        index); None if the max mark is 0.
    facility_band: Moodle's interpretation of the facility (see FACILITY_BANDS), or None.
    standard_deviation: sample standard deviation of the scores, as a percent of the max
        mark; None with fewer than 2 attempts or a max mark of 0.
    discrimination_index: 100 x the Pearson correlation between this question's score
        and the score on the rest of the test (total minus this question), -100 to 100;
        None with fewer than 2 attempts or when either score never varies.
    discriminative_efficiency: the discrimination as a percent of the most it could be
        given these scores: 100 x cov(question, rest) / cov(same two lists, each sorted);
        None when the discrimination index is None.
    option_frequencies: option id -> how often it was chosen, in first-seen order.
    flags: any of "too_hard" (facility 20 or less: Moodle's "difficult" band or harder),
        "too_easy" (facility 90 or more: "very easy" or easier), "negative_discrimination"
        (index below 0: weaker learners do better on it; check the key) and
        "low_discriminative_efficiency" (below 15, where Moodle marks a question dubious).
    """

    question_id: Hashable
    attempts: int
    max_mark: float
    facility: float | None
    facility_band: str | None
    standard_deviation: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    option_frequencies: dict[Hashable, OptionFrequency]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class StandardStats:
    """How learners did on the questions that reference one standard.

    answers: (attempt, question) pairs counted; questions with a max mark of 0 are skipped.
    mean_percent: mean of those answers' scores as a percent of their max, 0 to 100, each
        answer weighted equally.
    """

    standard_id: Hashable
    answers: int
    mean_percent: float


@dataclass(frozen=True)
class QuizStats:
    """Moodle's whole-test statistics, over each attempt's percentage score.

    attempts: attempts analysed. questions: questions in the test.
    mean_percent, median_percent: of the attempts' percentages; None with no attempts.
    standard_deviation: sample standard deviation of the percentages; None below 2 attempts.
    skewness: None below 3 attempts or with no spread. kurtosis: None below 4 attempts.
    internal_consistency: Moodle's coefficient of internal consistency (Cronbach's alpha
        x 100): 100 x p / (p - 1) x (1 - sum of question mark variances / variance of
        total marks) for p questions. Moodle: above 75 satisfactory, below 64
        unsatisfactory. None below 3 attempts, with fewer than 2 questions or no spread.
    error_ratio: 100 x sqrt(1 - internal_consistency / 100), the share of the spread that
        is measurement error. standard_error: error_ratio x standard_deviation / 100, in
        percentage points. Both None when internal_consistency is None.
    """

    attempts: int
    questions: int
    mean_percent: float | None
    median_percent: float | None
    standard_deviation: float | None
    skewness: float | None
    kurtosis: float | None
    internal_consistency: float | None
    error_ratio: float | None
    standard_error: float | None


def _clean(value: float) -> float:
    return round(value, PLACES) + 0.0


def _totals(rows: list[dict]) -> list[float]:
    return [_clean(math.fsum(score for score, _ in row.values())) for row in rows]


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _constant(values: Sequence[float]) -> bool:
    # Exact test: a computed variance of equal floats can be a tiny non-zero.
    return min(values) == max(values)


def _sample_variance(values: Sequence[float]) -> float:
    if _constant(values):
        return 0.0
    mean = _mean(values)
    return math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1)


def _covariance_sum(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = _mean(xs), _mean(ys)
    return math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def facility_band(facility: float | None) -> str | None:
    """Return Moodle's interpretation band for a facility index (0-100), or None for None."""
    if facility is None:
        return None
    for limit, inclusive, band in FACILITY_BANDS:
        if facility < limit or (inclusive and facility == limit):
            return band
    return FACILITY_BANDS[-1][2]


def _matrix(attempts: Iterable[Mapping]) -> tuple[list, dict, list[dict]]:
    """Return (question ids, max mark by question, one {question: (score, max)} per attempt)."""
    attempts = list(attempts)
    max_marks: dict = {}
    for attempt in attempts:
        for question_id, (_score, maximum) in attempt["scores"].items():
            if maximum < 0:
                raise ValueError(f"Question {question_id!r} has a negative max mark.")
            max_marks[question_id] = max(maximum, max_marks.get(question_id, maximum))
    rows = [
        {q: tuple(a["scores"].get(q, (0.0, max_marks[q]))) for q in max_marks} for a in attempts
    ]
    return list(max_marks), max_marks, rows


def _correlations(xs: list[float], ys: list[float]) -> tuple[float | None, float | None]:
    """Return (discrimination index, discriminative efficiency), as Moodle computes them."""
    if len(xs) < 2 or _constant(xs) or _constant(ys):
        return None, None
    covariance = _covariance_sum(xs, ys)
    sxx, syy = _covariance_sum(xs, xs), _covariance_sum(ys, ys)
    # Clamped: float error can put a perfect correlation a hair past 100.
    index = max(-100.0, min(100.0, 100 * covariance / math.sqrt(sxx * syy)))
    # Pairing both lists sorted gives the largest covariance their values allow.
    best = _covariance_sum(sorted(xs), sorted(ys))
    return index, min(100.0, 100 * covariance / best)


def _flags(band, index, efficiency) -> tuple[str, ...]:
    flags = []
    if band in TOO_HARD_BANDS:
        flags.append("too_hard")
    if band in TOO_EASY_BANDS:
        flags.append("too_easy")
    if index is not None and index < 0:
        flags.append("negative_discrimination")
    if efficiency is not None and efficiency < LOW_DISCRIMINATIVE_EFFICIENCY:
        flags.append("low_discriminative_efficiency")
    return tuple(flags)


def question_statistics(
    attempts: Iterable[Mapping], *, options: Mapping[Hashable, Iterable[Hashable]] | None = None
) -> list[QuestionStats]:
    """Return item statistics for each question, in question order.

    ``options`` optionally maps question id -> its option ids, so options nobody chose
    are listed with a count of 0 (and first, in the order given).
    """
    attempts = list(attempts)
    question_ids, max_marks, rows = _matrix(attempts)
    totals = _totals(rows)
    n = len(rows)
    results = []
    for question_id in question_ids:
        marks = [row[question_id][0] for row in rows]
        maxes = [row[question_id][1] for row in rows]
        out_of = math.fsum(maxes)
        facility = 100 * math.fsum(marks) / out_of if out_of else None
        fractions = [m / mx for m, mx in zip(marks, maxes, strict=True) if mx]
        sd = (
            100 * math.sqrt(_sample_variance(fractions)) if len(fractions) == n and n >= 2 else None
        )
        rest = [_clean(total - mark) for total, mark in zip(totals, marks, strict=True)]
        index, efficiency = _correlations(marks, rest)
        band = facility_band(facility)
        counts = dict.fromkeys((options or {}).get(question_id, ()), 0)
        for attempt in attempts:
            for option_id in dict.fromkeys(attempt.get("responses", {}).get(question_id, ())):
                counts[option_id] = counts.get(option_id, 0) + 1
        results.append(
            QuestionStats(
                question_id=question_id,
                attempts=n,
                max_mark=max_marks[question_id],
                facility=facility,
                facility_band=band,
                standard_deviation=sd,
                discrimination_index=index,
                discriminative_efficiency=efficiency,
                option_frequencies={
                    option_id: OptionFrequency(count=count, percent=100 * count / n)
                    for option_id, count in counts.items()
                },
                flags=_flags(band, index, efficiency),
            )
        )
    return results


def standard_statistics(
    attempts: Iterable[Mapping], standards_by_question: Mapping[Hashable, Iterable[Hashable]]
) -> list[StandardStats]:
    """Return, per standard, the mean percent over every answer to a question citing it.

    ``standards_by_question`` maps question id -> the standard ids the question
    references. Standards no answered question references are left out; the list is in
    standard id order.
    """
    _question_ids, _max_marks, rows = _matrix(attempts)
    sums: dict = {}
    counts: dict = {}
    for row in rows:
        for question_id, (score, maximum) in row.items():
            if not maximum:
                continue
            for standard_id in set(standards_by_question.get(question_id, ())):
                sums.setdefault(standard_id, []).append(100 * score / maximum)
                counts[standard_id] = counts.get(standard_id, 0) + 1
    try:
        ordered = sorted(sums)
    except TypeError:  # Mixed id types: any stable order will do.
        ordered = sorted(sums, key=repr)
    return [
        StandardStats(
            standard_id=standard_id,
            answers=counts[standard_id],
            mean_percent=math.fsum(sums[standard_id]) / counts[standard_id],
        )
        for standard_id in ordered
    ]


def quiz_statistics(attempts: Iterable[Mapping]) -> QuizStats:
    """Return Moodle's whole-test statistics for these attempts.

    An attempt's percentage is 100 x its total score / the test's total max mark (0 when
    the test has nothing to score).
    """
    question_ids, _max_marks, rows = _matrix(attempts)
    s, p = len(rows), len(question_ids)
    totals = _totals(rows)
    out_of = [_clean(math.fsum(maximum for _, maximum in row.values())) for row in rows]
    percents = [100 * t / m if m else 0.0 for t, m in zip(totals, out_of, strict=True)]
    mean = _mean(percents) if s else None
    median = _median(percents) if s else None
    sd = skewness = kurtosis = cic = error_ratio = standard_error = None
    if s > 1:
        sd = math.sqrt(_sample_variance(percents))
    if s > 2 and not _constant(percents):
        # Moodle's sample skewness and excess kurtosis (k-statistics).
        m2, m3, m4 = (math.fsum((x - mean) ** k for x in percents) / s for k in (2, 3, 4))
        k2 = s * m2 / (s - 1)
        skewness = (s * s * m3 / ((s - 1) * (s - 2))) / k2**1.5
        if s > 3:
            k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
            kurtosis = k4 / (k2 * k2)
    if s > 2 and p > 1 and not _constant(totals):
        item_variance = math.fsum(
            _sample_variance([row[q][0] for row in rows]) for q in question_ids
        )
        cic = 100 * p / (p - 1) * (1 - item_variance / _sample_variance(totals))
        error_ratio = 100 * math.sqrt(max(0.0, 1 - cic / 100))
        standard_error = error_ratio * sd / 100
    return QuizStats(
        attempts=s,
        questions=p,
        mean_percent=mean,
        median_percent=median,
        standard_deviation=sd,
        skewness=skewness,
        kurtosis=kurtosis,
        internal_consistency=cic,
        error_ratio=error_ratio,
        standard_error=standard_error,
    )
