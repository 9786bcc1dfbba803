import math
import random
import statistics as stdlib_statistics

import pytest

# Import the module: the tests read as statistics.quiz_statistics(...) and so on.
from quizzes import statistics
from quizzes.statistics import OptionFrequency, facility_band


def attempt(attempt_id, scores, responses=None):
    return {
        "attempt_id": attempt_id,
        "scores": {q: (score, 1.0) for q, score in scores.items()},
        "responses": responses or {},
    }


# Three attempts at two one-mark questions, used by several tests:
#
#   attempt  q1  q2  total
#   A         1   1      2
#   B         1   0      1
#   C         0   0      0
THREE = [
    attempt("A", {"q1": 1, "q2": 1}, {"q1": ["right"], "q2": ["right"]}),
    attempt("B", {"q1": 1, "q2": 0}, {"q1": ["right"], "q2": ["wrong"]}),
    attempt("C", {"q1": 0, "q2": 0}, {"q1": ["wrong"], "q2": ["wrong"]}),
]


def by_id(stats):
    return {s.question_id: s for s in stats}


# Question statistics


def test_question_statistics_match_a_hand_computed_example():
    q1 = by_id(statistics.question_statistics(THREE))["q1"]
    assert q1.attempts == 3
    assert q1.max_mark == 1.0
    # Facility: mean 2/3 of a max of 1.
    assert q1.facility == pytest.approx(200 / 3)
    assert q1.facility_band == "fairly_easy"
    # Sample SD of [1, 1, 0]: deviations 1/3, 1/3, -2/3; squares sum to 6/9; / (3 - 1) = 1/3.
    assert q1.standard_deviation == pytest.approx(100 * math.sqrt(1 / 3))
    # q1 x = [1, 1, 0] against the rest of the test y = q2 = [1, 0, 0].
    # Means 2/3 and 1/3; dx = [1/3, 1/3, -2/3], dy = [2/3, -1/3, -1/3].
    # Sxy = 2/9 - 1/9 + 2/9 = 1/3; Sxx = 6/9; Syy = 6/9; r = (1/3) / (6/9) = 0.5 -> 50.
    assert q1.discrimination_index == pytest.approx(50.0)
    # Sorted, x = [0, 1, 1] and y = [0, 0, 1]: the covariance sum is also 1/3, so the
    # efficiency is (1/3) / (1/3) = 100%.
    assert q1.discriminative_efficiency == pytest.approx(100.0)
    assert q1.flags == ()


def test_question_statistics_come_in_question_order():
    assert [s.question_id for s in statistics.question_statistics(THREE)] == ["q1", "q2"]


def test_a_question_that_weaker_learners_do_better_on_is_flagged():
    #   attempt  q1  q2  q3  rest of test for q1
    #   A         0   1   1   2
    #   B         0   1   0   1
    #   C         1   0   0   0
    # x = [0, 0, 1], y = [2, 1, 0]: dx = [-1/3, -1/3, 2/3], dy = [1, 0, -1];
    # Sxy = -1/3 - 2/3 = -1; Sxx = 2/3; Syy = 2; r = -1 / sqrt(4/3) = -0.866.
    attempts = [
        attempt("A", {"q1": 0, "q2": 1, "q3": 1}),
        attempt("B", {"q1": 0, "q2": 1, "q3": 0}),
        attempt("C", {"q1": 1, "q2": 0, "q3": 0}),
    ]
    q1 = by_id(statistics.question_statistics(attempts))["q1"]
    assert q1.discrimination_index == pytest.approx(-100 * math.sqrt(3) / 2)
    assert q1.discriminative_efficiency < 0
    assert "negative_discrimination" in q1.flags
    assert "low_discriminative_efficiency" in q1.flags


def test_one_attempt_gives_a_facility_but_no_spread_or_discrimination():
    q1 = by_id(statistics.question_statistics(THREE[:1]))["q1"]
    assert q1.attempts == 1
    assert q1.facility == 100.0
    assert q1.standard_deviation is None
    assert q1.discrimination_index is None
    assert q1.discriminative_efficiency is None


def test_a_question_everyone_scores_the_same_on_has_no_discrimination():
    attempts = [
        attempt("A", {"q1": 1, "q2": 1}),
        attempt("B", {"q1": 1, "q2": 0}),
        attempt("C", {"q1": 1, "q2": 0}),
    ]
    q1 = by_id(statistics.question_statistics(attempts))["q1"]
    assert q1.standard_deviation == 0.0
    assert q1.discrimination_index is None
    assert q1.discriminative_efficiency is None
    assert q1.flags == ("too_easy",)


def test_discrimination_is_none_when_the_rest_of_the_test_never_varies():
    # Equal floats whose computed mean is not exactly equal to them must not give noise.
    attempts = [
        attempt("A", {"q1": 1, "q2": 0.1}),
        attempt("B", {"q1": 0, "q2": 0.1}),
        attempt("C", {"q1": 1, "q2": 0.1}),
    ]
    q1 = by_id(statistics.question_statistics(attempts))["q1"]
    assert q1.discrimination_index is None
    assert q1.discriminative_efficiency is None


def test_an_unanswered_question_counts_as_zero():
    attempts = [
        attempt("A", {"q1": 1, "q2": 1}),
        attempt("B", {"q1": 1}),  # q2 missing: 0 out of 1
    ]
    q2 = by_id(statistics.question_statistics(attempts))["q2"]
    assert q2.attempts == 2
    assert q2.facility == 50.0


def test_a_question_with_no_marks_has_no_facility_or_flags():
    attempts = [
        {"attempt_id": 1, "scores": {"q1": (0.0, 0.0), "q2": (1.0, 1.0)}, "responses": {}},
        {"attempt_id": 2, "scores": {"q1": (0.0, 0.0), "q2": (0.0, 1.0)}, "responses": {}},
    ]
    q1 = by_id(statistics.question_statistics(attempts))["q1"]
    assert q1.facility is None
    assert q1.facility_band is None
    assert q1.standard_deviation is None
    assert q1.flags == ()


def test_facility_uses_marks_out_of_the_question_max():
    attempts = [
        {"attempt_id": 1, "scores": {"q1": (2.0, 4.0)}, "responses": {}},
        {"attempt_id": 2, "scores": {"q1": (1.0, 4.0)}, "responses": {}},
    ]
    q1 = statistics.question_statistics(attempts)[0]
    assert q1.max_mark == 4.0
    assert q1.facility == 37.5  # mean 1.5 of 4
    # Fractions 0.5 and 0.25: sample SD 0.176777 -> 17.68% of the max.
    assert q1.standard_deviation == pytest.approx(100 * math.sqrt(0.03125))


def test_option_frequencies_count_attempts_choosing_each_option():
    attempts = [
        attempt("A", {"q1": 1}, {"q1": ["b", "b"]}),  # a repeat counts once
        attempt("B", {"q1": 0}, {"q1": ["a", "c"]}),
        attempt("C", {"q1": 0}, {"q1": ["a"]}),
        attempt("D", {"q1": 0}, {}),  # no response
    ]
    q1 = statistics.question_statistics(attempts)[0]
    assert q1.option_frequencies == {
        "b": OptionFrequency(count=1, percent=25.0),
        "a": OptionFrequency(count=2, percent=50.0),
        "c": OptionFrequency(count=1, percent=25.0),
    }


def test_option_frequencies_list_options_nobody_chose_when_given_the_options():
    stats = statistics.question_statistics(THREE, options={"q1": ["right", "wrong", "unpicked"]})
    q1 = by_id(stats)["q1"]
    assert list(q1.option_frequencies) == ["right", "wrong", "unpicked"]
    assert q1.option_frequencies["unpicked"] == OptionFrequency(count=0, percent=0.0)
    assert q1.option_frequencies["right"].percent == pytest.approx(200 / 3)


def test_question_statistics_of_no_attempts_is_empty():
    assert statistics.question_statistics([]) == []


def test_discrimination_agrees_with_the_standard_library_correlation():
    rng = random.Random(4)
    questions = [f"q{i}" for i in range(6)]
    attempts = [attempt(n, {q: rng.choice([0, 0.5, 1]) for q in questions}) for n in range(40)]
    for stats in statistics.question_statistics(attempts):
        marks = [a["scores"][stats.question_id][0] for a in attempts]
        rest = [
            sum(s for s, _ in a["scores"].values()) - m
            for a, m in zip(attempts, marks, strict=True)
        ]
        expected = 100 * stdlib_statistics.correlation(marks, rest)
        assert stats.discrimination_index == pytest.approx(expected)
        best = stdlib_statistics.covariance(sorted(marks), sorted(rest))
        efficiency = 100 * stdlib_statistics.covariance(marks, rest) / best
        assert stats.discriminative_efficiency == pytest.approx(efficiency)
        assert stats.discriminative_efficiency <= 100 + 1e-9


@pytest.mark.parametrize(
    ("facility", "band"),
    [
        (0, "extremely_difficult"),
        (5, "extremely_difficult"),
        (5.5, "very_difficult"),
        (10, "very_difficult"),
        (20, "difficult"),
        (20.5, "moderately_difficult"),
        (35, "about_right"),
        (64.9, "about_right"),
        (65, "fairly_easy"),
        (80, "fairly_easy"),
        (81, "easy"),
        (89.9, "easy"),
        (90, "very_easy"),
        (94.9, "very_easy"),
        (95, "extremely_easy"),
        (100, "extremely_easy"),
        (None, None),
    ],
)
def test_facility_bands_follow_moodles_interpretation_table(facility, band):
    assert facility_band(facility) == band


def test_too_hard_and_too_easy_flags_follow_the_bands():
    # q1 is right in 1 of 5 attempts (20%: "difficult"); q2 in 5 of 5 (100%).
    attempts = [attempt(n, {"q1": 1 if n == 0 else 0, "q2": 1}) for n in range(5)]
    stats = by_id(statistics.question_statistics(attempts))
    assert "too_hard" in stats["q1"].flags
    assert "too_easy" in stats["q2"].flags


# Standard statistics


def test_standard_statistics_average_every_answer_to_questions_citing_the_standard():
    standards = {"q1": {10, 20}, "q2": {20}}
    result = {s.standard_id: s for s in statistics.standard_statistics(THREE, standards)}
    # Standard 10: q1 answers 1, 1, 0 -> 66.67% over 3 answers.
    assert result[10].answers == 3
    assert result[10].mean_percent == pytest.approx(200 / 3)
    # Standard 20: q1 answers 1, 1, 0 and q2 answers 1, 0, 0 -> 3 of 6 -> 50%.
    assert result[20].answers == 6
    assert result[20].mean_percent == pytest.approx(50.0)


def test_standard_statistics_weight_answers_equally_whatever_the_max_mark():
    attempts = [
        {"attempt_id": 1, "scores": {"q1": (4.0, 4.0), "q2": (0.0, 1.0)}, "responses": {}},
    ]
    result = statistics.standard_statistics(attempts, {"q1": [7], "q2": [7]})
    # 100% and 0%: the mean is 50%, not 4/5.
    assert result[0].mean_percent == 50.0


def test_standard_statistics_count_a_missing_answer_as_zero_and_skip_unmarked_questions():
    attempts = [
        {"attempt_id": 1, "scores": {"q1": (1.0, 1.0), "q0": (0.0, 0.0)}, "responses": {}},
        {"attempt_id": 2, "scores": {"q0": (0.0, 0.0)}, "responses": {}},
    ]
    result = statistics.standard_statistics(attempts, {"q1": [1], "q0": [1]})
    assert result[0].answers == 2
    assert result[0].mean_percent == 50.0


def test_standard_statistics_come_in_standard_order_and_leave_out_uncited_standards():
    result = statistics.standard_statistics(THREE, {"q2": {30, 5}, "q9": {99}})
    assert [s.standard_id for s in result] == [5, 30]
    assert statistics.standard_statistics([], {"q1": {1}}) == []


# Test statistics


def test_quiz_statistics_match_a_hand_computed_example():
    result = statistics.quiz_statistics(THREE)
    assert result.attempts == 3
    assert result.questions == 2
    # Percentages 100, 50, 0.
    assert result.mean_percent == 50.0
    assert result.median_percent == 50.0
    # Sample SD: sqrt((50^2 + 0 + 50^2) / 2) = 50.
    assert result.standard_deviation == pytest.approx(50.0)
    assert result.skewness == pytest.approx(0.0)
    assert result.kurtosis is None  # needs 4 attempts
    # Question mark variances 1/3 each; total marks [2, 1, 0] have variance 1.
    # Alpha: 2 / 1 x (1 - (2/3) / 1) = 2/3 -> 66.67.
    assert result.internal_consistency == pytest.approx(200 / 3)
    # Error ratio 100 x sqrt(1 - 2/3) = 57.74; standard error 57.74% of the SD of 50.
    assert result.error_ratio == pytest.approx(100 * math.sqrt(1 / 3))
    assert result.standard_error == pytest.approx(50 * math.sqrt(1 / 3))


def test_quiz_statistics_skewness_and_kurtosis_use_moodles_sample_formulas():
    # [0, 0, 100]: skewness sqrt(3) (adjusted Fisher-Pearson G1).
    skewed = [attempt(n, {"q1": s, "q2": s}) for n, s in enumerate([0, 0, 1])]
    assert statistics.quiz_statistics(skewed).skewness == pytest.approx(math.sqrt(3))
    # [0, 0, 100, 100]: g2 = -2; G2 = ((n + 1) g2 + 6)(n - 1) / ((n - 2)(n - 3)) = -6.
    flat = [attempt(n, {"q1": s}) for n, s in enumerate([0, 0, 1, 1])]
    assert statistics.quiz_statistics(flat).kurtosis == pytest.approx(-6.0)


def test_quiz_statistics_median_of_an_even_number_of_attempts_is_the_middle_pair_mean():
    attempts = [attempt(n, {"q1": s}) for n, s in enumerate([0, 1, 1, 0.5])]
    assert statistics.quiz_statistics(attempts).median_percent == 75.0


def test_internal_consistency_agrees_with_cronbachs_alpha_on_a_larger_data_set():
    rng = random.Random(11)
    questions = [f"q{i}" for i in range(5)]
    attempts = []
    for n in range(50):
        ability = rng.random()
        attempts.append(attempt(n, {q: 1 if rng.random() < ability else 0 for q in questions}))
    items = [[a["scores"][q][0] for a in attempts] for q in questions]
    totals = [sum(column) for column in zip(*items, strict=True)]
    k = len(questions)
    alpha = (
        k
        / (k - 1)
        * (
            1
            - sum(stdlib_statistics.variance(i) for i in items) / stdlib_statistics.variance(totals)
        )
    )
    result = statistics.quiz_statistics(attempts)
    assert result.internal_consistency == pytest.approx(100 * alpha)
    assert result.standard_deviation == pytest.approx(
        stdlib_statistics.stdev([100 * t / k for t in totals])
    )


def test_quiz_statistics_of_one_attempt_have_a_mean_but_no_spread():
    result = statistics.quiz_statistics(THREE[:1])
    assert result.mean_percent == 100.0
    assert result.median_percent == 100.0
    assert result.standard_deviation is None
    assert result.internal_consistency is None


def test_quiz_statistics_need_spread_and_two_questions_for_internal_consistency():
    same = [attempt(n, {"q1": 1, "q2": 0}) for n in range(4)]
    result = statistics.quiz_statistics(same)
    assert result.standard_deviation == 0.0
    assert result.skewness is None
    assert result.internal_consistency is None
    one_question = [attempt(n, {"q1": s}) for n, s in enumerate([0, 1, 1])]
    assert statistics.quiz_statistics(one_question).internal_consistency is None


def test_equal_totals_made_of_different_marks_have_no_spread():
    # 0.1 + 0.2 is 0.30000000000000004 in floats; it must still equal 0.3 + 0.
    attempts = [
        attempt(1, {"q1": 0.1, "q2": 0.2}),
        attempt(2, {"q1": 0.3, "q2": 0.0}),
        attempt(3, {"q1": 0.2, "q2": 0.1}),
    ]
    result = statistics.quiz_statistics(attempts)
    assert result.standard_deviation == 0.0
    assert result.skewness is None
    assert result.internal_consistency is None


def test_quiz_statistics_of_no_attempts_are_empty():
    result = statistics.quiz_statistics([])
    assert result.attempts == 0
    assert result.mean_percent is None
    assert result.median_percent is None
    assert result.standard_deviation is None


def test_a_negative_max_mark_is_rejected():
    bad = [{"attempt_id": 1, "scores": {"q1": (0.0, -1.0)}, "responses": {}}]
    with pytest.raises(ValueError):
        statistics.question_statistics(bad)
