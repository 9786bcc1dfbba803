"""Pure rules of training: which steps of a module are done, and a module's status.

No database access here: selectors and services load the facts and call these.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EXPIRES_SOON_DAYS = 30
DUE_SOON_DAYS = 7


class Status(models.TextChoices):
    """A learner's standing on one module, as the task list and the report show it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    EXPIRES_SOON = "expires_soon", _("Expires soon")
    OVERDUE = "overdue", _("Overdue")
    REMOVED = "removed", _("Module removed")


# GOV.UK tag colours, one per status.
STATUS_TAGS = {
    Status.NOT_STARTED: "govuk-tag--grey",
    Status.IN_PROGRESS: "govuk-tag--light-blue",
    Status.COMPLETED: "govuk-tag--green",
    Status.EXPIRES_SOON: "govuk-tag--yellow",
    Status.OVERDUE: "govuk-tag--red",
    Status.REMOVED: "govuk-tag--purple",
}


@dataclass(frozen=True)
class Step:
    """A module step as stored: kind is "bite", "quiz" or "reflection"; page_id for the first two."""

    kind: str
    page_id: int | None


@dataclass(frozen=True)
class LearnerFacts:
    """What a learner has done that modules count, each with when.

    reads: {bite id: last read at}; quiz_results: {quiz id: [(submitted at, percent, passed)]};
    reflections: {module id: [completed at]}.
    """

    reads: dict
    quiz_results: dict
    reflections: dict


@dataclass(frozen=True)
class StepsDone:
    done: tuple[bool, ...]
    best_percent: float | None  # the best quiz score in this cycle, if the module has a quiz

    @property
    def count(self):
        return sum(self.done)

    @property
    def complete(self):
        return bool(self.done) and all(self.done)


def steps_from_raw(raw_steps, *, live_page_ids) -> list[Step]:
    """Return the steps of a module from its StreamField's raw data (no queries).

    A step whose bite or quiz is no longer live is left out: nobody could do it.
    """
    steps = []
    for item in raw_steps:
        kind = item["type"]
        if kind == "reflection":
            steps.append(Step("reflection", None))
        elif item.get("value") and int(item["value"]) in live_page_ids:
            steps.append(Step(kind, int(item["value"])))
    return steps


def step_page_ids(raw_steps) -> set[int]:
    """Return the ids of the pages the steps point to."""
    return {
        int(item["value"])
        for item in raw_steps
        if item["type"] != "reflection" and item.get("value")
    }


def steps_done(*, module_id, steps, facts: LearnerFacts, since=None) -> StepsDone:
    """Return which steps count as done, counting only what happened at or after `since`.

    `since` is when the current cycle began (the expiry of the last completion), or None.
    A bite counts when read, a quiz when passed, a reflection when a record started from
    this module is complete.
    """

    def in_cycle(when):
        return when is not None and (since is None or when >= since)

    done, best = [], None
    for step in steps:
        if step.kind == "bite":
            done.append(in_cycle(facts.reads.get(step.page_id)))
        elif step.kind == "quiz":
            results = [r for r in facts.quiz_results.get(step.page_id, []) if in_cycle(r[0])]
            if results:
                best = max(float(r[1]) for r in results)
            done.append(any(r[2] for r in results))
        else:
            done.append(any(in_cycle(when) for when in facts.reflections.get(module_id, [])))
    return StepsDone(done=tuple(done), best_percent=best)


def cycle_start(*, expires_on, today) -> dt.datetime | None:
    """Return when the current cycle began: the start of the day the last completion expired."""
    if expires_on is None or expires_on > today:
        return None
    return dt.datetime.combine(expires_on, dt.time.min, tzinfo=dt.UTC)


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day `months` later (the last day of the month when it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in range(day.day, 27, -1):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    return day.replace(year=year, month=month, day=min(day.day, 28))


@dataclass(frozen=True)
class ModuleStanding:
    """A learner's status on one module, and the date that goes with it."""

    status: Status
    due_date: dt.date | None
    completed_on: dt.date | None
    expires_on: dt.date | None

    @property
    def tag(self):
        return STATUS_TAGS[self.status]

    @property
    def is_done(self):
        return self.status in (Status.COMPLETED, Status.EXPIRES_SOON)

    @property
    def shown(self) -> "ShownDate":
        """The one date shown beside the status everywhere (see `shown_date`)."""
        return shown_date(self)

    @property
    def shown_date(self):
        """The date shown beside the status: the expiry when it expires soon, the
        completion date when completed, else the due date."""
        return self.shown.date


class DateKind(models.TextChoices):
    """What the date shown beside a status is."""

    DUE = "due", _("Due")
    COMPLETED = "completed", _("Completed")
    EXPIRES = "expires", _("Expires")


@dataclass(frozen=True)
class ShownDate:
    """The date shown beside a status, and what it is (None, None when there is none)."""

    kind: DateKind | None
    date: dt.date | None


def shown_date(standing: ModuleStanding) -> ShownDate:
    """Return the one date that goes with a standing's status, wherever it is shown.

    The grid, the overdue and expiring tables, the downloads and the learner's pages all
    call this, so a status never goes with two different dates: "Expires soon" shows the
    expiry date (not the completion date), "Completed" the completion date, and every
    other status the due date, if there is one. A removed module shows no date.
    """
    if standing.status == Status.EXPIRES_SOON:
        return ShownDate(DateKind.EXPIRES, standing.expires_on)
    if standing.status == Status.COMPLETED:
        return ShownDate(DateKind.COMPLETED, standing.completed_on)
    if standing.status != Status.REMOVED and standing.due_date is not None:
        return ShownDate(DateKind.DUE, standing.due_date)
    return ShownDate(None, None)


# The words before the shown date in a report cell ("Expires soon", "expires 17 Dec 2026").
DATE_PHRASES = {
    DateKind.DUE: _("due %(date)s"),
    DateKind.COMPLETED: _("completed %(date)s"),
    DateKind.EXPIRES: _("expires %(date)s"),
}


def days_overdue(standing: ModuleStanding, *, today) -> int | None:
    """Return how many days past its due date an overdue module is; None when not overdue."""
    if standing.status != Status.OVERDUE or standing.due_date is None:
        return None
    return (today - standing.due_date).days


def due_date_carried(*, due_date, missed) -> dt.date:
    """Return a learner's due date under an open assignment, given the due dates they
    `missed` under earlier, withdrawn assignments of the same module.

    Withdrawing a module and assigning it again must not wipe out an overdue: a date the
    learner missed (it passed while its assignment was open) still stands, so the earliest
    of them and the open assignment's date is the one that counts. A completion since
    then moves it on as any completion does (`module_standing`).
    """
    return min([due_date, *missed])


def missed_before_withdrawn(*, due_date, withdrawn_at) -> bool:
    """Whether a withdrawn assignment's due date passed while it was still open."""
    return due_date < timezone.localdate(withdrawn_at)


def module_standing(*, due_date, completed_on, expires_on, started, today) -> ModuleStanding:
    """Return the status of a module for a learner.

    due_date: the assignment's due date, or None when the module is not assigned.
    completed_on, expires_on: the latest completion's date and expiry (None if none/never).
    started: whether any step has been done in the current cycle.

    A completion counts until it expires; within EXPIRES_SOON_DAYS of that it "expires
    soon". Once it has expired the module is due again on its expiry date (or the
    assignment's due date, if later). Not done and past the due date is "overdue".
    """
    if completed_on is not None and (expires_on is None or expires_on > today):
        soon = expires_on is not None and (expires_on - today).days <= EXPIRES_SOON_DAYS
        status = Status.EXPIRES_SOON if soon else Status.COMPLETED
        return ModuleStanding(status, due_date, completed_on, expires_on)
    if completed_on is not None and expires_on is not None:  # expired: due again
        due_date = max(due_date, expires_on) if due_date else expires_on
    if due_date is not None and due_date < today:
        status = Status.OVERDUE
    elif started:
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    return ModuleStanding(status, due_date, completed_on, expires_on)


def removed_module_standing(*, completed_on, expires_on, today) -> ModuleStanding:
    """Return the status on a module an editor has deleted or unpublished.

    A completion still in force stays "completed" (with its dates: the history is the
    learner's); anything else is "module removed", never overdue, since it can no
    longer be done.
    """
    if completed_on is not None and (expires_on is None or expires_on > today):
        return ModuleStanding(Status.COMPLETED, None, completed_on, expires_on)
    return ModuleStanding(Status.REMOVED, None, completed_on, expires_on)
