"""The pure rules: which steps are done, and a module's status on a day."""

import datetime as dt

import pytest

from training.rules import (
    LearnerFacts,
    Status,
    Step,
    add_months,
    cycle_start,
    module_standing,
    steps_done,
    steps_from_raw,
)

TODAY = dt.date(2026, 12, 1)
STEPS = [Step("bite", 1), Step("quiz", 2), Step("reflection", None)]


def at(day):
    return dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)


def facts(*, read=None, quiz=(), reflected=()):
    return LearnerFacts(
        reads={1: read} if read else {},
        quiz_results={2: list(quiz)},
        reflections={9: list(reflected)},
    )


def test_a_step_is_done_when_read_passed_or_reflected():
    done = steps_done(
        module_id=9,
        steps=STEPS,
        facts=facts(read=at(TODAY), quiz=[(at(TODAY), 60.0, False), (at(TODAY), 90.0, True)]),
    )
    assert done.done == (True, True, False) and done.best_percent == 90.0
    assert done.count == 2 and not done.complete


def test_a_failed_quiz_is_not_done_but_its_score_is_kept():
    done = steps_done(module_id=9, steps=STEPS, facts=facts(quiz=[(at(TODAY), 40.0, False)]))
    assert done.done == (False, False, False) and done.best_percent == 40.0


def test_only_what_happened_since_the_cycle_began_counts():
    since = at(dt.date(2026, 6, 1))
    old = at(dt.date(2026, 1, 1))
    done = steps_done(
        module_id=9,
        steps=STEPS,
        facts=facts(read=old, quiz=[(old, 100.0, True)], reflected=[at(TODAY)]),
        since=since,
    )
    assert done.done == (False, False, True) and done.best_percent is None


def test_steps_whose_pages_are_no_longer_live_are_left_out():
    raw = [
        {"type": "bite", "value": 1},
        {"type": "bite", "value": 5},
        {"type": "quiz", "value": None},
        {"type": "reflection", "value": {"prompt": "Reflect"}},
    ]
    assert steps_from_raw(raw, live_page_ids={1}) == [Step("bite", 1), Step("reflection", None)]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2026, 11, 15), 3, dt.date(2027, 2, 15)),
        (dt.date(2026, 12, 1), 12, dt.date(2027, 12, 1)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def standing(**kwargs):
    values = {"due_date": None, "completed_on": None, "expires_on": None, "started": False}
    return module_standing(**{**values, **kwargs}, today=TODAY)


def test_each_status_from_its_facts():
    future, past = TODAY + dt.timedelta(days=10), TODAY - dt.timedelta(days=1)
    assert standing(due_date=future).status == Status.NOT_STARTED
    assert standing(due_date=future, started=True).status == Status.IN_PROGRESS
    assert standing(due_date=past, started=True).status == Status.OVERDUE
    assert standing(due_date=TODAY).status == Status.NOT_STARTED  # due today is not late
    done = standing(due_date=past, completed_on=past)
    assert done.status == Status.COMPLETED and done.shown_date == past


def test_a_completion_close_to_its_expiry_expires_soon_and_after_it_is_due_again():
    completed = dt.date(2026, 1, 1)
    soon = standing(completed_on=completed, expires_on=TODAY + dt.timedelta(days=30))
    assert soon.status == Status.EXPIRES_SOON and soon.is_done
    later = standing(completed_on=completed, expires_on=TODAY + dt.timedelta(days=31))
    assert later.status == Status.COMPLETED
    expired = standing(
        due_date=dt.date(2025, 12, 1), completed_on=completed, expires_on=TODAY - dt.timedelta(1)
    )
    assert expired.status == Status.OVERDUE and expired.due_date == TODAY - dt.timedelta(1)
    assert not expired.is_done


def test_the_cycle_starts_when_the_last_completion_expired():
    assert cycle_start(expires_on=None, today=TODAY) is None
    assert cycle_start(expires_on=TODAY + dt.timedelta(days=1), today=TODAY) is None
    assert cycle_start(expires_on=TODAY, today=TODAY) == dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
