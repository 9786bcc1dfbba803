"""Write a layout as a tagged PDF (PDF/UA-1): a Django template, autoescaped, rendered to
HTML, then WeasyPrint lays it out. Headings and table headers become PDF structure, so a
screen reader can navigate the file."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

PDF_VARIANT = "pdf/ua-1"
SHORT_ANSWER = 100  # characters


def display(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _cell(header, text):
    """Return (header, text, long): long answers get a heading, short ones a line."""
    return header, text, len(text) > SHORT_ANSWER or "\n" in text


def _blocks(cells):
    """Return the cells in order as blocks: a long answer alone, under its heading, and each
    run of short answers together, as one line of "label: value" pairs.

    WeasyPrint's cost follows the number of boxes more than the amount of text, so a run of
    short answers is one paragraph rather than one paragraph each.
    """
    blocks = []
    for header, text, long in cells:
        if long:
            blocks.append({"long": True, "header": header, "text": text})
        elif blocks and not blocks[-1]["long"]:
            blocks[-1]["fields"].append((header, text))
        else:
            blocks.append({"long": False, "fields": [(header, text)]})
    return blocks


def render_html(*, layout, records, profile, learner, date_from, date_to) -> str:
    """Return the export as HTML; every value is autoescaped by the template."""
    rows = []
    for record in records:
        cells = [_cell(column.header, display(column.get(record))) for column in layout.columns]
        rows.append({"record": record, "cells": cells, "blocks": _blocks(cells)})
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
