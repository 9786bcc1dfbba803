"""The signed-in home: what a practitioner has to do next, gathered in a fixed number of
queries whatever the number of assignments."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quizzes import api as quizzes_api
from reflections import api as reflections_api

from ..rules import DUE_SOON_DAYS, STATUS_TAGS, Status
from .progress import my_training

# How many quizzes and drafts in progress the home offers to continue.
CONTINUE_LIMIT = 5


@dataclass(frozen=True)
class HomeModule:
    """An assigned module as the home lists it: a tag and the date that goes with it.

    ``date`` is the due date (overdue or due) or the expiry date (expires soon).
    """

    title: str
    url: str
    status: Status
    tag_label: str
    tag_class: str
    date: dt.date | None


@dataclass(frozen=True)
class PractitionerHome:
    """What the signed-in home shows a practitioner, all of it their own."""

    overdue: tuple[HomeModule, ...]  # due date passed, oldest first
    due: tuple[HomeModule, ...]  # not done yet, soonest due first
    expiring: tuple[HomeModule, ...]  # done, expiring within EXPIRES_SOON_DAYS, soonest first
    completed: int  # assigned modules done and in force (expiring ones included)
    assigned: int
    attempts: tuple[quizzes_api.AttemptInProgress, ...]
    drafts: tuple[reflections_api.DraftRecord, ...]
    standing: reflections_api.CpdStanding | None  # None without a regulator registration

    @property
    def to_do(self) -> tuple[HomeModule, ...]:
        """The modules that need doing, most urgent first."""
        return self.overdue + self.due + self.expiring

    @property
    def in_progress(self) -> bool:
        return bool(self.attempts or self.drafts)


def _home_module(item, *, today) -> HomeModule:
    standing = item.standing
    status = standing.status
    label, tag, date = status.label, STATUS_TAGS[status], standing.due_date
    if status == Status.EXPIRES_SOON:
        date = standing.expires_on
    elif (
        status in (Status.NOT_STARTED, Status.IN_PROGRESS)
        and date is not None
        and (date - today).days <= DUE_SOON_DAYS
    ):
        label, tag = _("Due soon"), "govuk-tag--orange"
    return HomeModule(
        title=item.module.title,
        url=item.url,
        status=status,
        tag_label=str(label),
        tag_class=tag,
        date=date,
    )


def practitioner_home(*, user, request=None, today=None) -> PractitionerHome:
    """Return the practitioner's training to do, what they can continue and their CPD standing.

    A fixed number of queries: My training's (however many modules are assigned), one
    for quizzes in progress, one for draft records and two for the CPD standing.
    """
    today = today or timezone.localdate()
    items = my_training(user=user, request=request, today=today).items
    modules = [(item, _home_module(item, today=today)) for item in items]

    def of(*statuses):
        chosen = [home for item, home in modules if item.standing.status in statuses]
        return tuple(sorted(chosen, key=lambda home: (home.date or today, home.title)))

    return PractitionerHome(
        overdue=of(Status.OVERDUE),
        due=of(Status.NOT_STARTED, Status.IN_PROGRESS),
        expiring=of(Status.EXPIRES_SOON),
        completed=sum(1 for item in items if item.standing.is_done),
        assigned=len(items),
        attempts=tuple(quizzes_api.attempts_in_progress(user_id=user.id, limit=CONTINUE_LIMIT)),
        drafts=tuple(reflections_api.draft_records(owner_id=user.id, limit=CONTINUE_LIMIT)),
        standing=reflections_api.cpd_standing_for(user=user, today=today),
    )
