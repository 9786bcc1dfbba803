"""What each regulator's CPD record holds: its columns, once, in the regulator's order.

A column is (key, header, getter): JSON uses the key, CSV and PDF the header; a getter
returns a raw value (a date stays a date, standards a tuple of full labels) and each
writer formats it. Every layout ends with the hours and the standards, after the
regulator's own fields, when the regulator's form does not ask for them.

A file that shows each record under its own heading (the PDF; any later engine too)
asks `record_fields`: the title is the heading, so it is not a field again, and an
empty field is left out rather than printed as "-". A table (CSV, JSON) keeps every
column. Profile-level sections (the HCPC summary and statement, NISCC hours per period)
come from `profile_sections`, and read only the records already loaded, so no layout
adds a query per record.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learning import api as learning_api

from ..cpd_rules import RULES, CpdActivity, cpd_gaps, shift_date
from ..models import ExportLayout
from ..reflective_models import get_model

MAX_SUMMARY_WORDS = 500
STATEMENT_MIN, STATEMENT_MAX = 4, 6


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    get: Callable[[Any], Any]
    # The record's title: a file that shows each record under its title leaves it out.
    is_title: bool = False
    # What the column holds when the title is already the record's heading (a column
    # that leads with the title in a table, so the title is not repeated under it).
    get_under_title: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Layout:
    code: str
    name: str
    intro: str
    columns: tuple[Column, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def reads_standards(self):
        return any(column.get is _standards for column in self.columns)


def _type(record):
    return record.get_activity_type_display()


def _description(record):
    """Lead with the title, which the regulators' forms do not have a field for."""
    return "\n\n".join(part for part in (record.title, record.description) if part)


def _standards(record) -> tuple[str, ...]:
    """Return the record's standards named in full (framework, code and statement).

    The export's records come with `standard_labels` attached, one query per chunk of
    records (`exports.selectors.export_records`); a record without them (one rendered on
    its own) reads its own.
    """
    labels = getattr(record, "standard_labels", None)
    if labels is None:
        ids = [s.id for s in record.standards.all()]
        labels = list(learning_api.standard_labels(ids).values()) if ids else []
    return tuple(labels)


def _yes_no(value):
    return str(_("Yes")) if value else str(_("No"))


def _reflective_model(record):
    return str(get_model(record.reflective_model).name)


def _extra(record):
    """Return the answers to the reflective model's extra prompts, each under its prompt."""
    labels = {prompt.key: str(prompt.label) for prompt in get_model(record.reflective_model).extra}
    return "\n\n".join(
        f"{labels.get(key, key)}\n{value}" for key, value in sorted(record.extra.items()) if value
    )


def _evidence(record):
    return " ".join(part for part in (record.source_title, record.source_url) if part)


DATE = Column("date", _("Date"), lambda r: r.start_date)
END_DATE = Column("end_date", _("End date"), lambda r: r.end_date)
TITLE = Column("title", _("Activity"), lambda r: r.title, is_title=True)
TYPE = Column("activity_type", _("Type of activity"), _type)
HOURS = Column("hours", _("Hours"), lambda r: r.hours)
STANDARDS = Column("standards", _("Standards"), _standards)
PEER = (
    Column("peer_reflection", _("Peer reflection"), lambda r: _yes_no(r.has_peer_reflection)),
    Column("peer_name", _("Discussed with"), lambda r: r.peer_name),
    Column("peer_role", _("Their role"), lambda r: r.peer_role),
    Column("peer_date", _("Date of the discussion"), lambda r: r.peer_date),
    Column("peer_learning", _("What I learnt from the discussion"), lambda r: r.peer_learning),
)

LAYOUTS = {
    layout.code: layout
    for layout in (
        Layout(
            code=ExportLayout.SWE,
            name=ExportLayout.SWE.label,
            intro=_(
                "Each record follows the Social Work England CPD form, in its order. Records "
                "with a peer reflection are marked."
            ),
            columns=(
                Column("type_of_cpd", _("Type of CPD"), _type),
                Column(
                    "description",
                    _("A short description of the activity and why it is relevant"),
                    _description,
                    get_under_title=lambda r: r.description,
                ),
                DATE,
                END_DATE,
                Column("learning", _("What you learnt"), lambda r: r.learning),
                Column(
                    "impact",
                    _("The positive impact on your practice and the people you work with"),
                    lambda r: r.impact,
                ),
                *PEER,
                HOURS,
                STANDARDS,
            ),
        ),
        Layout(
            code=ExportLayout.HCPC,
            name=ExportLayout.HCPC.label,
            intro=_("A dated list of CPD activities, oldest first, for an HCPC CPD profile."),
            columns=(
                DATE,
                END_DATE,
                TITLE,
                TYPE,
                HOURS,
                Column("description", _("Description"), lambda r: r.description),
                Column("learning", _("What I learnt"), lambda r: r.learning),
                Column(
                    "impact",
                    _("How it improved my practice and benefited service users"),
                    lambda r: r.impact,
                ),
                STANDARDS,
                Column("evidence", _("Evidence"), _evidence),
            ),
        ),
        Layout(
            code=ExportLayout.NISCC,
            name=ExportLayout.NISCC.label,
            intro=_("Post-registration training and learning (PRTL): hours and outcomes."),
            columns=(
                DATE,
                TITLE,
                TYPE,
                HOURS,
                Column("outcomes_practice", _("Outcomes for my practice"), lambda r: r.learning),
                Column(
                    "outcomes_service_users", _("Outcomes for service users"), lambda r: r.impact
                ),
                STANDARDS,
            ),
        ),
        Layout(
            code=ExportLayout.SCW,
            name=ExportLayout.SCW.label,
            intro=_("A record of CPD to discuss with your manager."),
            columns=(
                DATE,
                Column("name", _("Name of the activity"), lambda r: r.title, is_title=True),
                Column("duration_hours", _("Duration (hours)"), lambda r: r.hours),
                Column(
                    "how_it_helped",
                    _("How it helped your practice"),
                    lambda r: "\n\n".join(p for p in (r.learning, r.impact) if p),
                ),
                STANDARDS,
            ),
        ),
        Layout(
            code=ExportLayout.FULL,
            name=ExportLayout.FULL.label,
            intro=_("Every field of each record."),
            columns=(
                DATE,
                END_DATE,
                Column("title", _("Title"), lambda r: r.title, is_title=True),
                TYPE,
                HOURS,
                Column("reflective_model", _("Reflective model"), _reflective_model),
                Column("description", _("Description"), lambda r: r.description),
                Column("learning", _("What I learnt"), lambda r: r.learning),
                Column("impact", _("Impact"), lambda r: r.impact),
                Column("extra", _("Other answers"), _extra),
                *PEER,
                STANDARDS,
                Column("prompted_by", _("Prompted by"), _evidence),
            ),
        ),
    )
}


def get_layout(code) -> Layout:
    return LAYOUTS.get(code, LAYOUTS[ExportLayout.FULL])


def is_empty(value) -> bool:
    """An optional field left blank: nothing to print."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, tuple | list):
        return not value
    return False


def record_heading(record) -> str:
    """The record's heading, shown once, above its fields."""
    return record.title or gettext("Untitled record")


def record_fields(layout, record) -> list[tuple[str, Any]]:
    """Return (label, raw value) for each field of a record shown under its own heading.

    In the layout's order; the title left out (it is the heading) and every empty field
    left out. Each writer formats the values (a date, a number, standards one a line).
    """
    fields = []
    for column in layout.columns:
        if column.is_title:
            continue
        value = (column.get_under_title or column.get)(record)
        if not is_empty(value):
            fields.append((str(column.header), value))
    return fields


def word_count(text) -> int:
    return len((text or "").split())


def _periods(rule, profession, renewal_date, first, last):
    """Return (start, end) registration periods covering first..last, oldest first.

    Without a renewal date on file, fall back to calendar years.
    """
    if renewal_date is None:
        return [(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in range(first.year, last.year + 1)]
    years = rule.years_for(profession)
    end = renewal_date
    while end < last:
        end = shift_date(end, years=years)
    while shift_date(end, years=-years) >= last:
        end = shift_date(end, years=-years)
    periods = []
    while True:
        start = shift_date(end, years=-years) + dt.timedelta(days=1)
        periods.append((start, end))
        if start <= first:
            break
        end = start - dt.timedelta(days=1)
    return list(reversed(periods))


def profile_sections(layout_code, records, *, options, registration, date_from, date_to):
    """Return the layout's profile-level data, read from the loaded records only."""
    if layout_code == ExportLayout.HCPC:
        dated = [r for r in records if r.start_date]
        start = date_from or (min(r.start_date for r in dated) if dated else None)
        end = date_to or (max(r.end_date or r.start_date for r in dated) if dated else None)
        gaps = ()
        if start and end:
            gaps = cpd_gaps(
                [CpdActivity(date=r.start_date, end_date=r.end_date, complete=True) for r in dated],
                start=start,
                end=end,
                months=RULES["hcpc"].gap_months,
            )
        chosen = set(options.get("statement_ids") or ())
        return {
            "summary": options.get("summary", ""),
            "gaps": [{"start": g.start, "end": g.end, "days": g.days} for g in gaps],
            "gap_explanation": options.get("gap_explanation", ""),
            "statement": [r for r in records if r.id in chosen],
            "evidence": list(records),
        }
    if layout_code == ExportLayout.NISCC:
        dated = [r for r in records if r.start_date]
        if not dated:
            return {"periods": []}
        profession = registration.profession if registration else ""
        renewal = registration.renewal_date if registration else None
        periods = _periods(
            RULES["niscc"],
            profession,
            renewal,
            min(r.start_date for r in dated),
            max(r.start_date for r in dated),
        )
        return {
            "periods": [
                {
                    "start": start,
                    "end": end,
                    "hours": sum(
                        (r.hours or Decimal(0) for r in dated if start <= r.start_date <= end),
                        Decimal(0),
                    ),
                }
                for start, end in periods
            ]
        }
    return {}
