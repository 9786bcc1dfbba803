"""Write a layout as a tagged PDF (PDF/UA-1): a Django template, autoescaped, rendered to
HTML, then WeasyPrint lays it out. Headings and table headers become PDF structure, so a
screen reader can navigate the file.

What each record shows, and in which order, is the layout's (`layouts.record_fields`);
this module only formats the values and hands them to the templates."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .layouts import record_fields, record_heading

PDF_VARIANT = "pdf/ua-1"


def display(value) -> str:
    """Return a field's value as the PDF prints it: dates in words, hours as a number,
    standards one a line (the template keeps line breaks)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, tuple | list):
        return "\n".join(display(item) for item in value)
    return str(value)


def _record_view(layout, record) -> dict:
    """The record as the templates show it: its heading once, then each field labelled
    (the layout decides which fields, in which order, and leaves out empty ones)."""
    return {
        "record": record,
        "heading": record_heading(record),
        "fields": [(label, display(value)) for label, value in record_fields(layout, record)],
    }


def render_html(*, layout, records, profile, learner, date_from, date_to) -> str:
    """Return the export as HTML; every value is autoescaped by the template."""
    rows = [_record_view(layout, record) for record in records]
    by_id = {row["record"].id: row for row in rows}
    number = learner.get("registration_number", "")
    learner_line = [
        part
        for part in (
            learner.get("name", ""),
            learner.get("regulator_name", ""),
            _("Registration number %(number)s") % {"number": number} if number else "",
        )
        if part
    ]
    context = {
        "learner_line": learner_line,
        "layout": layout,
        "rows": rows,
        # The HCPC statement: the records chosen for it, shown as every other record is.
        "statement_rows": [
            by_id.get(record.id) or _record_view(layout, record)
            for record in profile.get("statement", ())
        ],
        "profile": profile,
        "learner": learner,
        "date_from": date_from,
        "date_to": date_to,
        "generated_on": timezone.localdate(),
    }
    return render_to_string(f"reflections/exports/{layout.code}.html", context)


def write_pdf(stream, html: str) -> None:
    from weasyprint import HTML  # imported here: it loads pango, which pages do not need

    HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        target=stream, pdf_variant=PDF_VARIANT
    )
