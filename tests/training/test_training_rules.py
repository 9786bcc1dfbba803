"""The pure rules: which steps are done, and a module's status on a day."""

import datetime as dt

import pytest

from training.rules import (
    DateKind,
    LearnerFacts,
    ShownDate,
    Status,
    Step,
    add_months,
    cycle_start,
    days_overdue,
    due_date_carried,
    missed_before_withdrawn,
    module_standing,
    removed_module_standing,
    shown_date,
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


DUE, DONE, EXPIRY = dt.date(2026, 12, 20), dt.date(2025, 12, 17), dt.date(2026, 12, 17)


@pytest.mark.parametrize(
    ("kwargs", "status", "shown"),
    [
        ({}, Status.NOT_STARTED, ShownDate(DateKind.DUE, DUE)),
        ({"started": True}, Status.IN_PROGRESS, ShownDate(DateKind.DUE, DUE)),
        ({"due_date": dt.date(2026, 11, 30)}, Status.OVERDUE, ShownDate(DateKind.DUE, dt.date(2026, 11, 30))),
        ({"completed_on": TODAY, "expires_on": None}, Status.COMPLETED, ShownDate(DateKind.COMPLETED, TODAY)),
        # The bug this guards against: "Expires soon / on 17 Dec 2025" (the completion).
        ({"completed_on": DONE, "expires_on": EXPIRY}, Status.EXPIRES_SOON, ShownDate(DateKind.EXPIRES, EXPIRY)),
    ],
)  # fmt: skip
def test_each_status_shows_one_date_and_says_which(kwargs, status, shown):
    facts = {"due_date": DUE, "completed_on": None, "expires_on": None, "started": False}
    standing = module_standing(**{**facts, **kwargs}, today=TODAY)
    assert standing.status == status
    assert shown_date(standing) == standing.shown == shown and standing.shown_date == shown.date


def test_a_removed_module_shows_no_date():
    standing = removed_module_standing(
        completed_on=DONE, expires_on=EXPIRY - dt.timedelta(400), today=TODAY
    )
    assert standing.status == Status.REMOVED and standing.shown == ShownDate(None, None)


def test_days_overdue_counts_only_overdue_modules():
    late = module_standing(
        due_date=dt.date(2026, 11, 26),
        completed_on=None,
        expires_on=None,
        started=True,
        today=TODAY,
    )
    on_time = module_standing(
        due_date=DUE, completed_on=None, expires_on=None, started=True, today=TODAY
    )
    assert days_overdue(late, today=TODAY) == 5 and days_overdue(on_time, today=TODAY) is None


def test_a_missed_due_date_is_carried_into_a_new_assignment():
    missed = dt.date(2026, 11, 1)
    assert due_date_carried(due_date=DUE, missed=[missed]) == missed
    assert due_date_carried(due_date=DUE, missed=[]) == DUE
    assert missed_before_withdrawn(due_date=missed, withdrawn_at=at(dt.date(2026, 11, 2)))
    assert not missed_before_withdrawn(due_date=missed, withdrawn_at=at(dt.date(2026, 10, 30)))
