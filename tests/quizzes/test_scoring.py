from decimal import Decimal

import pytest

from quizzes import scoring
from quizzes.scoring import (
    attempt_total,
    cbm_bounds,
    cbm_mark,
    cbm_summary,
    passed,
    score_multiple_response,
    score_single_best_answer,
    score_situational_judgement,
)

OPTIONS = {"a", "b", "c", "d", "e"}
RIGHT = {"a", "b", "c"}


# Single best answer


def test_single_best_answer_scores_one_for_the_correct_option():
    assert score_single_best_answer(selected="b", correct="b") == 1.0


def test_single_best_answer_scores_zero_for_another_option():
    assert score_single_best_answer(selected="a", correct="b") == 0.0


def test_single_best_answer_scores_zero_when_nothing_is_selected():
    assert score_single_best_answer(selected=None, correct="b") == 0.0


# Multiple response


def test_multiple_response_scores_one_for_exactly_the_right_options():
    assert score_multiple_response(selected=RIGHT, correct=RIGHT, options=OPTIONS) == 1.0


def test_multiple_response_gives_partial_credit_for_some_right_options():
    # 2 right of 3, none wrong: 2/3.
    assert score_multiple_response(selected={"a", "b"}, correct=RIGHT, options=OPTIONS) == 0.666667


def test_multiple_response_takes_a_wrong_choice_off_a_right_one():
    # The docstring's example: 2 right and 1 wrong of 3 right options: (2 - 1) / 3.
    score = score_multiple_response(selected={"a", "b", "d"}, correct=RIGHT, options=OPTIONS)
    assert score == 0.333333


def test_multiple_response_selecting_every_option_does_not_earn_full_credit():
    # 3 right - 2 wrong = 1, over 3 right options.
    assert score_multiple_response(selected=OPTIONS, correct=RIGHT, options=OPTIONS) == 0.333333


def test_multiple_response_is_floored_at_zero_when_wrong_choices_outnumber_right_ones():
    # 1 right - 2 wrong = -1 -> 0.
    score = score_multiple_response(selected={"a", "d", "e"}, correct=RIGHT, options=OPTIONS)
    assert score == 0.0


def test_multiple_response_scores_zero_for_only_wrong_choices_or_none():
    assert score_multiple_response(selected={"d"}, correct=RIGHT, options=OPTIONS) == 0.0
    assert score_multiple_response(selected=set(), correct=RIGHT, options=OPTIONS) == 0.0


def test_multiple_response_selecting_every_option_is_full_credit_when_every_option_is_right():
    assert (
        score_multiple_response(selected={"a", "b"}, correct={"a", "b"}, options={"a", "b"}) == 1.0
    )


def test_multiple_response_rejects_a_selection_that_is_not_an_option():
    with pytest.raises(ValueError, match="Selected options"):
        score_multiple_response(selected={"a", "z"}, correct=RIGHT, options=OPTIONS)


def test_multiple_response_rejects_a_key_with_no_right_option_or_a_foreign_one():
    with pytest.raises(ValueError, match="at least one right option"):
        score_multiple_response(selected={"a"}, correct=set(), options=OPTIONS)
    with pytest.raises(ValueError, match="Right options"):
        score_multiple_response(selected={"a"}, correct={"a", "z"}, options=OPTIONS)


# Situational judgement

KEY = {"r1": 4, "r2": 1, "r3": 3}


def test_situational_judgement_scores_one_when_every_rating_matches_the_key():
    assert score_situational_judgement(ratings=dict(KEY), key=KEY) == 1.0


def test_situational_judgement_scores_the_mean_closeness_to_the_key():
    # Closeness on a 1-4 scale (span 3): r1 4 vs 4 -> 1; r2 2 vs 1 -> 2/3; r3 1 vs 3 -> 1/3.
    # Mean: (1 + 2/3 + 1/3) / 3 = 2/3.
    score = score_situational_judgement(ratings={"r1": 4, "r2": 2, "r3": 1}, key=KEY)
    assert score == 0.666667


def test_situational_judgement_scores_zero_when_every_rating_is_at_the_opposite_end():
    key = {"r1": 4, "r2": 1}
    assert score_situational_judgement(ratings={"r1": 1, "r2": 4}, key=key) == 0.0


def test_situational_judgement_uses_the_given_scale():
    # Scale 1-5 (span 4): 5 vs 3 -> 1 - 2/4 = 0.5.
    score = score_situational_judgement(ratings={"r": 5}, key={"r": 3}, scale_min=1, scale_max=5)
    assert score == 0.5


def test_situational_judgement_rejects_an_unrated_response():
    with pytest.raises(ValueError, match="not rated"):
        score_situational_judgement(ratings={"r1": 4, "r2": 1}, key=KEY)


def test_situational_judgement_rejects_a_rating_for_an_unknown_response():
    with pytest.raises(ValueError, match="unknown"):
        score_situational_judgement(ratings={**KEY, "r9": 2}, key=KEY)


@pytest.mark.parametrize("rating", [0, 5, 2.5, "3", True, None])
def test_situational_judgement_rejects_a_rating_off_the_scale(rating):
    with pytest.raises(ValueError, match="off the scale"):
        score_situational_judgement(ratings={**KEY, "r3": rating}, key=KEY)


def test_situational_judgement_rejects_a_key_off_the_scale_or_an_empty_scale_or_key():
    with pytest.raises(ValueError, match="Key rating"):
        score_situational_judgement(ratings={"r": 1}, key={"r": 7})
    with pytest.raises(ValueError, match="scale_max"):
        score_situational_judgement(ratings={"r": 1}, key={"r": 1}, scale_min=1, scale_max=1)
    with pytest.raises(ValueError, match="at least one response"):
        score_situational_judgement(ratings={}, key={})


# Certainty-based marking


@pytest.mark.parametrize(
    ("confidence", "right", "wrong"),
    [(1, 1.0, 0.0), (2, 2.0, -2.0), (3, 3.0, -6.0)],
)
def test_cbm_marks_right_and_wrong_answers_as_moodle_does(confidence, right, wrong):
    assert cbm_mark(fraction=1.0, confidence=confidence) == right
    assert cbm_mark(fraction=0.0, confidence=confidence) == wrong


@pytest.mark.parametrize(("confidence", "mark"), [(1, 0.5), (2, 1.0), (3, 1.5)])
def test_cbm_scales_a_partly_right_answer_by_the_right_mark_without_penalty(confidence, mark):
    # Moodle's question_cbm test: adjust_fraction(0.5, LOW/MED/HIGH) = 0.5 / 1 / 1.5.
    assert cbm_mark(fraction=0.5, confidence=confidence) == mark


def test_cbm_treats_a_fraction_within_moodles_tolerance_as_wrong():
    assert cbm_mark(fraction=0.00000005, confidence=3) == -6.0
    # Just above it, a sliver of credit is a sliver of a right mark, not a penalty.
    assert cbm_mark(fraction=0.000001, confidence=3) == 0.000003


def test_cbm_mark_of_a_third_right_answer_at_medium_confidence():
    assert cbm_mark(fraction=1 / 3, confidence=2) == 0.666667


@pytest.mark.parametrize("confidence", [0, 4, -1, None, True])
def test_cbm_rejects_an_unknown_confidence(confidence):
    with pytest.raises(ValueError, match="Confidence"):
        cbm_mark(fraction=1.0, confidence=confidence)


@pytest.mark.parametrize("fraction", [-0.25, 1.5])
def test_cbm_rejects_a_fraction_outside_zero_to_one(fraction):
    with pytest.raises(ValueError, match="fraction"):
        cbm_mark(fraction=fraction, confidence=1)


def test_cbm_bounds_are_the_wrong_and_right_marks_for_each_confidence():
    assert cbm_bounds(1) == (0.0, 1.0)
    assert cbm_bounds(2) == (-2.0, 2.0)
    assert cbm_bounds(3) == (-6.0, 3.0)
    with pytest.raises(ValueError):
        cbm_bounds(4)


def test_cbm_default_confidence_is_low_as_in_moodle():
    assert scoring.DEFAULT_CONFIDENCE == scoring.LOW == 1


def test_cbm_summary_of_all_right_at_high_confidence_is_a_300_percent_grade_and_no_bonus():
    summary = cbm_summary([(1.0, 3), (1.0, 3)])
    assert summary.total_mark == 6.0
    assert summary.max_mark == 6.0
    assert summary.average_mark == 3.0
    assert summary.grade_percent == 300.0
    assert summary.accuracy_percent == 100.0
    assert summary.bonus_percent == 0.0
    assert summary.accuracy_and_bonus_percent == 100.0


def test_cbm_summary_of_all_right_at_low_confidence_is_a_100_percent_grade():
    # Accuracy 1: the best single confidence (high) would expect 3; the learner averaged
    # 1, so the bonus is 0.1 x (1 - 3) = -0.2 -> -20%.
    summary = cbm_summary([(1.0, 1), (1.0, 1)])
    assert summary.grade_percent == 100.0
    assert summary.bonus_percent == -20.0
    assert summary.accuracy_and_bonus_percent == 80.0


def test_cbm_summary_rewards_telling_a_sure_answer_from_an_unsure_one():
    # Right at C=3 (+3), wrong at C=1 (0): total 3, average 1.5, accuracy 0.5.
    # Expected at accuracy 0.5 with one confidence throughout:
    #   C=1 0.5x1 + 0.5x0 = 0.5; C=2 0.5x2 + 0.5x-2 = 0; C=3 0.5x3 + 0.5x-6 = -1.5 -> 0.5.
    # Bonus: 0.1 x (1.5 - 0.5) = 0.1 -> 10%; accuracy + bonus 60%.
    summary = cbm_summary([(1.0, 3), (0.0, 1)])
    assert summary.questions == 2
    assert summary.total_mark == 3.0
    assert summary.average_mark == 1.5
    assert summary.grade_percent == 150.0
    assert summary.accuracy_percent == 50.0
    assert summary.bonus_percent == 10.0
    assert summary.accuracy_and_bonus_percent == 60.0


def test_cbm_summary_makes_a_confident_mistake_cost_a_negative_grade():
    # Right at C=1 (+1), wrong at C=3 (-6): average -2.5; expected at 0.5 accuracy 0.5.
    summary = cbm_summary([(1.0, 1), (0.0, 3)])
    assert summary.grade_percent == -250.0
    assert summary.bonus_percent == -30.0


def test_cbm_summary_needs_an_answer():
    with pytest.raises(ValueError):
        cbm_summary([])


# Attempt totals and passing


def test_attempt_total_sums_scores_and_maxes_and_gives_the_percent():
    assert attempt_total([(1.0, 1.0), (0.5, 1.0), (0.0, 2.0)]) == (1.5, 4.0, 37.5)


def test_attempt_total_has_no_float_noise_at_a_pass_mark():
    # Naively, 0.2 + 0.7 is 0.8999999999999999 and 100 x that / 2 is 44.99999999999999,
    # which would fail a 45% pass mark; the total is rounded to 45.0.
    score, max_score, percent = attempt_total([(0.2, 1.0), (0.7, 1.0)])
    assert (score, max_score, percent) == (0.9, 2.0, 45.0)
    assert passed(percent, 45)


def test_attempt_total_of_nothing_to_score_is_zero_percent():
    assert attempt_total([]) == (0.0, 0.0, 0.0)
    assert attempt_total([(0.0, 0.0)]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("pair", [(1.5, 1.0), (-0.1, 1.0), (0.0, -1.0)])
def test_attempt_total_rejects_a_score_outside_its_max(pair):
    with pytest.raises(ValueError):
        attempt_total([pair])


def test_passed_is_true_at_or_above_the_pass_mark():
    assert passed(80.0, 80)
    assert passed(80.01, 80)
    assert not passed(79.99, 80)
    assert passed(0.0, 0)


# Display: scores and percents as a person writes them.


@pytest.mark.parametrize(
    "value,places,expected",
    [
        (Decimal("4.300"), 2, "4.3"),
        (4.3, 2, "4.3"),
        (Decimal("8.000"), 2, "8"),
        (8, 2, "8"),
        (0.666667, 2, "0.67"),
        (Decimal("0.125"), 2, "0.13"),  # halves round away from zero
        (Decimal("-1.500"), 2, "-1.5"),
        (Decimal("-0.001"), 2, "0"),  # never "-0"
        (Decimal("45.00"), 1, "45"),
        (45.25, 1, "45.3"),
        (Decimal("7.999"), 2, "8"),
        (None, 2, ""),
    ],
)
def test_format_number_drops_trailing_zeros_and_decimals_of_whole_numbers(value, places, expected):
    assert scoring.format_number(value, places) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (Decimal("53.75"), "53"),
        (Decimal("69.99"), "69"),  # never shows as a pass mark of 70 it did not reach
        (Decimal("70.00"), "70"),
        (100.0, "100"),
        (0, "0"),
        (None, ""),
    ],
)
def test_format_percent_gives_a_whole_number_rounded_down(value, expected):
    assert scoring.format_percent(value) == expected


def test_the_template_filters_use_the_same_rules():
    from django.template import Context, Template

    template = Template(
        "{% load quiz_format %}{{ score|quiz_number }} out of {{ max|quiz_number }}, "
        "{{ percent|quiz_percent }}%, {{ mean|quiz_number:1 }}"
    )
    context = Context(
        {
            "score": Decimal("4.300"),
            "max": Decimal("8.000"),
            "percent": Decimal("53.75"),
            "mean": 45.0,
        }
    )
    assert template.render(context) == "4.3 out of 8, 53%, 45"
