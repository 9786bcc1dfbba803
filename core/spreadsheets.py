"""Cells for CSV and XLSX files that every app's downloads share.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return before one) as a formula: `safe_cell` makes it text by prefixing an apostrophe.
"""

import datetime as dt
from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
