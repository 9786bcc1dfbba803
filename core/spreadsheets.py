"""Cells for CSV and XLSX files that every app's downloads share.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return before one) as a formula: `safe_cell` makes it text by prefixing an apostrophe.
A download that people sort and filter keeps its dates and numbers typed: `typed_cell`
guards text only, and `xlsx_cells` writes dates as date cells (with a date format) and
numbers as numbers; in CSV, `plain` writes ISO dates (YYYY-MM-DD), which sort as text.
"""

import datetime as dt
from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATE_FORMAT = "yyyy-mm-dd"  # unambiguous in every locale, and a real date to Excel


def plain(value) -> str:
    """Return the value as text: ISO dates (they sort), numbers without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def safe_cell(value) -> str:
    """Return the value as text a spreadsheet shows rather than runs."""
    text = plain(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def typed_cell(value):
    """Return a date, a number or None as it is (a spreadsheet never runs those) and
    anything else as guarded text (`safe_cell`)."""
    if isinstance(value, bool):
        return safe_cell(value)
    if value is None or isinstance(value, dt.date | int | float | Decimal):
        return value
    return safe_cell(value)


def csv_cells(values) -> list[str]:
    """Return a row of typed cells as CSV text: ISO dates, plain numbers, guarded text."""
    return [plain(typed_cell(value)) for value in values]


def xlsx_cells(sheet, values) -> list:
    """Return a row for a write-only openpyxl sheet: dates as date cells formatted
    XLSX_DATE_FORMAT, numbers as numbers, text guarded against formulas."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        value = typed_cell(value)
        if isinstance(value, dt.datetime):
            value = value.replace(tzinfo=None)  # XLSX has no time zones
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, dt.date):
            cell.number_format = XLSX_DATE_FORMAT
        cells.append(cell)
    return cells
