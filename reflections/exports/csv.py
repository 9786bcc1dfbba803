"""Write a layout as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), rows
built by a generator and written as they come, so memory stays flat however many records.

Every cell passes through `safe_cell`: a spreadsheet runs a cell that starts with `=`,
`+`, `-` or `@` (or a tab or carriage return before one) as a formula.
"""

import csv
import datetime as dt
import io
from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def plain(value) -> str:
    """Return the value as text: ISO dates (they sort), hours without trailing zeros."""
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


def rows(layout, records):
    """Yield the header row, then one row per record."""
    yield [safe_cell(str(column.header)) for column in layout.columns]
    for record in records:
        yield [safe_cell(column.get(record)) for column in layout.columns]


def write_csv(stream, layout, records) -> None:
    """Write the layout's rows to the binary file object `stream`, one row at a time."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    for row in rows(layout, records):
        writer.writerow(row)
    text.flush()
    text.detach()  # leave `stream` open for the caller
