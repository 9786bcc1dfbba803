"""Say where a learner stands against their regulator's CPD requirement.

Each regulator's requirement is data (``RULES``, keyed by regulator code); ``cpd_standing``
evaluates plain ``CpdActivity`` values against it with date arithmetic only, no database.
Only complete activities dated inside the period and not after today count; an activity
counts on its start date, and covers its start to end date when looking for gaps.

Every rule names the regulator's pages it was checked against (``sources``, ``checked_on``);
docs/cpd-requirements.md explains the rules and what we read. To change a rule, edit its
entry here (numbers and wording together) and the doc.
"""

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

CHECKED_ON = dt.date(2026, 11, 23)

# What the learner is told; ngettext_lazy picks the plural from the "count" or "years" value.
MORE_RECORDS = ngettext_lazy(
    "Record %(count)s more piece of CPD.", "Record %(count)s more pieces of CPD.", "count"
)
MORE_PEER_REFLECTIONS = ngettext_lazy(
    "Include a peer reflection in %(count)s more piece of CPD.",
    "Include a peer reflection in %(count)s more pieces of CPD.",
    "count",
)
MORE_TYPES = ngettext_lazy(
    "Add %(count)s more type of learning activity.",
    "Add %(count)s more types of learning activity.",
    "count",
)
MORE_HOURS = _("Record %(hours)s more hours of learning.")
EXPLAIN_GAPS = _("Explain in your CPD profile each gap of %(months)s months or more with no CPD.")
NO_RENEWAL_DATE = ngettext_lazy(
    "We do not know your renewal date, so this shows the year up to today. "
    "Add your renewal date to your registration details to see your exact period.",
    "We do not know your renewal date, so this shows the %(years)s years up to today. "
    "Add your renewal date to your registration details to see your exact period.",
    "years",
)
RENEWAL_PASSED = _(
    "Your renewal date on file (%(date)s) has passed, so this assumes you renewed and shows "
    "your current period. Please update your registration details."
)


@dataclass(frozen=True, kw_only=True)
class CpdActivity:
    """One CPD record, as the rules see it. ``hours`` None counts as 0."""

    date: dt.date
    end_date: dt.date | None = None
    hours: Decimal | None = None
    activity_type: str = ""
    has_peer_reflection: bool = False
    complete: bool


@dataclass(frozen=True, kw_only=True)
class CpdRule:
    """A regulator's CPD requirement as parameters; 0 or None means "no such target"."""

    regulator: str
    name: Promise
    requirement: Promise  # %-format; placeholders: records, peers, hours, years, types, months
    period_years: int  # the years up to the learner's renewal date...
    period_years_by_profession: Mapping[str, int] = field(default_factory=dict)
    year_ends: tuple[int, int] | None = None  # ...or a year for everyone, ending (month, day)
    min_records: int = 0
    min_peer_reflections: int = 0
    min_hours: Decimal | None = None
    min_activity_types: int = 0
    type_groups: Mapping[str, str] = field(default_factory=dict)  # our type -> theirs
    gap_months: int | None = None  # flag runs this long with no activity
    has_target: bool = True
    reminder: Promise | None = None
    sources: tuple[str, ...] = ()
    checked_on: dt.date = CHECKED_ON

    def years_for(self, profession: str) -> int:
        return self.period_years_by_profession.get(profession, self.period_years)


@dataclass(frozen=True)
class Gap:
    """A run of days with no CPD activity: first and last such day, and how many days."""

    start: dt.date
    end: dt.date
    days: int


@dataclass(frozen=True, kw_only=True)
class Standing:
    """Where a learner stands: counts so far, what is still needed, and by when.

    ``needed`` is empty when the requirement is met. ``met`` is None when the regulator
    sets no target (Social Care Wales). ``days_left`` is None when the period's end is not
    known (no renewal date). ``hours_needed`` is None without an hours target.
    """

    regulator: str
    regulator_name: str
    period: tuple[dt.date, dt.date]  # first and last day, inclusive
    requirement: str
    records: int
    peer_reflections: int
    hours: Decimal
    hours_needed: Decimal | None
    activity_types: tuple[str, ...]
    needed: tuple[str, ...]
    met: bool | None
    days_left: int | None
    gaps: tuple[Gap, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


RULES: dict[str, CpdRule] = {
    "swe": CpdRule(
        regulator="swe",
        name=_("Social Work England"),
        requirement=_(
            "Record at least %(records)s pieces of CPD in each registration year "
            "(1 December to 30 November), at least %(peers)s of them with a peer reflection."
        ),
        period_years=1,
        year_ends=(11, 30),
        min_records=2,
        min_peer_reflections=1,
        sources=(
            "https://www.socialworkengland.org.uk/cpd/registration-renewal-and-cpd/",
            "https://www.socialworkengland.org.uk/cpd/cpd-guidance/",
            # Social Work England's 2022 news item on the new requirements, from its own host.
            "https://app-swe-ukw-prd-umbraco-01.azurewebsites.net/news/new-cpd-requirements-for-social-workers-who-want-to-maintain-professional-registration",
        ),
    ),
    "niscc": CpdRule(
        regulator="niscc",
        name=_("Northern Ireland Social Care Council"),
        requirement=_(
            "Complete at least %(hours)s hours of post-registration training and learning "
            "(PRTL) in each %(years)s-year registration period."
        ),
        # Social care managers ("other" here) are registered for 3 years, like social workers.
        period_years=3,
        period_years_by_profession={"social_worker": 3, "social_care_worker": 5, "other": 3},
        min_hours=Decimal(90),
        sources=(
            "https://niscc.info/prtl/social-worker-prtl",
            "https://niscc.info/prtl/social-care-worker-prtl",
            "https://niscc.info/renewing-your-registration",
        ),
    ),
    "hcpc": CpdRule(
        regulator="hcpc",
        name=_("Health and Care Professions Council"),
        requirement=_(
            "Keep a continuous record of your CPD over the %(years)s years before you renew, "
            "with at least %(types)s different types of learning activity. Explain any gap of "
            "%(months)s months or more with no CPD."
        ),
        period_years=2,
        min_activity_types=2,
        # HCPC's types are groups (work-based, professional, formal and educational,
        # self-directed, other), so e-learning plus a course is still one type.
        type_groups={
            "supervision": "work_based",
            "shadowing": "work_based",
            "peer_discussion": "work_based",
            "course": "formal",
            "e_learning": "formal",
            "research": "formal",
            "reading": "self_directed",
        },
        gap_months=3,
        sources=(
            "https://www.hcpc-uk.org/cpd/what-is-cpd/",
            "https://www.hcpc-uk.org/news-and-events/blog/2022/how-to-choose-your-cpd-activities/",
            "http://www.hpc-uk.org/registrants/cpd/activities/",
        ),
    ),
    "scw": CpdRule(
        regulator="scw",
        name=_("Social Care Wales"),
        requirement=_(
            "Keep a record of your CPD and discuss it regularly with your manager. "
            "There is no hours target."
        ),
        period_years=3,
        has_target=False,
        reminder=_("Discuss your CPD record with your manager."),
        sources=("https://socialcare.wales/registration/continuing-professional-development-cpd",),
    ),
}


def shift_date(day: dt.date, *, years: int = 0, months: int = 0) -> dt.date:
    """Return ``day`` moved by whole months, clamped to the month's end (29 Feb -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + years * 12 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _period(
    rule: CpdRule, years: int, renewal_date: dt.date | None, today: dt.date
) -> tuple[dt.date, dt.date, bool, list[str]]:
    """Return (start, end, end_known, notes) of the period that contains ``today``."""
    one_day = dt.timedelta(days=1)
    if rule.year_ends:
        month, day = rule.year_ends
        end = dt.date(today.year, month, day)
        if today > end:
            end = dt.date(today.year + 1, month, day)
        return shift_date(end, years=-years) + one_day, end, True, []
    if renewal_date is None:
        note = NO_RENEWAL_DATE % {"years": years}
        return shift_date(today, years=-years) + one_day, today, False, [note]
    notes, end, periods = [], renewal_date, 0
    while end < today:  # the renewal date on file has passed: assume they renewed
        periods += 1
        end = shift_date(renewal_date, years=years * periods)
    if periods:
        notes.append(RENEWAL_PASSED % {"date": date_format(renewal_date, "j F Y")})
    return shift_date(end, years=-years) + one_day, end, True, notes


def cpd_gaps(
    activities: Iterable[CpdActivity], *, start: dt.date, end: dt.date, months: int
) -> tuple[Gap, ...]:
    """Return the runs of days from ``start`` to ``end`` with no activity, ``months`` or longer.

    An activity covers its date to its end date. A run is flagged when it spans whole
    calendar months: 11 January to 10 April is 3 months; 11 January to 9 April is not.
    Leading (from ``start``) and trailing (to ``end``) runs count too.
    """
    one_day = dt.timedelta(days=1)
    spans = sorted(
        (max(a.date, start), min(max(a.date, a.end_date or a.date), end))
        for a in activities
        if a.date <= end and (a.end_date or a.date) >= start
    )
    runs, cursor = [], start
    for first, last in spans:
        if first > cursor:
            runs.append((cursor, first - one_day))
        cursor = max(cursor, last + one_day)
    if cursor <= end:
        runs.append((cursor, end))
    return tuple(
        Gap(first, last, (last - first).days + 1)
        for first, last in runs
        if shift_date(first, months=months) <= last + one_day
    )


def _hours_text(hours: Decimal) -> str:
    return format(hours.normalize(), "f")


def cpd_standing(
    *,
    regulator: str,
    profession: str,
    renewal_date: dt.date | None,
    activities: Iterable[CpdActivity],
    today: dt.date,
) -> Standing:
    """Return where a learner stands against their regulator's CPD requirement today.

    Raise ValueError when ``regulator`` is not a known code (including blank): a learner
    with no registration has no requirement, and callers check that before asking.
    An unknown ``profession`` gets the regulator's usual period.
    """
    rule = RULES.get(regulator)
    if rule is None:
        raise ValueError(f"No CPD rule for regulator {regulator!r}.")
    years = rule.years_for(profession)
    start, end, end_known, notes = _period(rule, years, renewal_date, today)
    counted = [a for a in activities if a.complete and start <= a.date <= min(end, today)]

    records = len(counted)
    peers = sum(1 for a in counted if a.has_peer_reflection)
    hours = sum((a.hours or Decimal(0) for a in counted), Decimal(0))
    types = tuple(
        sorted({rule.type_groups.get(a.activity_type, a.activity_type) for a in counted} - {""})
    )
    params = {
        "records": rule.min_records,
        "peers": rule.min_peer_reflections,
        "hours": _hours_text(rule.min_hours or Decimal(0)),
        "years": years,
        "types": rule.min_activity_types,
        "months": rule.gap_months,
    }

    needed = [
        message % {"count": want - have}
        for have, want, message in (
            (records, rule.min_records, MORE_RECORDS),
            (peers, rule.min_peer_reflections, MORE_PEER_REFLECTIONS),
            (len(types), rule.min_activity_types, MORE_TYPES),
        )
        if have < want
    ]
    hours_needed = None
    if rule.min_hours is not None:
        hours_needed = max(rule.min_hours - hours, Decimal(0))
        if hours_needed:
            needed.append(MORE_HOURS % {"hours": _hours_text(hours_needed)})

    gaps = ()
    if rule.gap_months:
        gaps = cpd_gaps(counted, start=start, end=min(end, today), months=rule.gap_months)
        if gaps:
            notes.append(EXPLAIN_GAPS % params)
    if rule.reminder:
        notes.append(str(rule.reminder))

    return Standing(
        regulator=rule.regulator,
        regulator_name=str(rule.name),
        period=(start, end),
        requirement=rule.requirement % params,
        records=records,
        peer_reflections=peers,
        hours=hours,
        hours_needed=hours_needed,
        activity_types=types,
        needed=tuple(needed),
        met=not needed if rule.has_target else None,
        days_left=(end - today).days if end_known else None,
        gaps=gaps,
        notes=tuple(notes),
        sources=rule.sources,
    )
