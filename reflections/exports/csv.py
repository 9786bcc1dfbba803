"""Write a layout as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), rows
built by a generator and written as they come, so memory stays flat however many records.

Every cell passes through `safe_cell`: a spreadsheet runs a cell that starts with `=`,
`+`, `-` or `@` (or a tab or carriage return before one) as a formula.
"""

import csv
import io

from core.spreadsheets import FORMULA_PREFIXES, plain, safe_cell

__all__ = ["FORMULA_PREFIXES", "cell", "plain", "rows", "safe_cell", "write_csv"]


def cell(value) -> str:
    """Return a column's value as a guarded cell; a list (the standards) is one cell,
    its items separated by semicolons."""
    if isinstance(value, tuple | list):
        value = "; ".join(str(item) for item in value)
    return safe_cell(value)


def rows(layout, records):
    """Yield the header row, then one row per record: every column, in the layout's order."""
    yield [safe_cell(str(column.header)) for column in layout.columns]
    for record in records:
        yield [cell(column.get(record)) for column in layout.columns]


def write_csv(stream, layout, records) -> None:
    """Write the layout's rows to the binary file object `stream`, one row at a time."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    for row in rows(layout, records):
        writer.writerow(row)
    text.flush()
    text.detach()  # leave `stream` open for the caller
