"""The team report as CSV and XLSX: one row per person and module, columns declared once.

Rows come from a generator, so the CSV streams as it is written; the XLSX is written
by openpyxl in write-only mode (rows go straight to a temporary file). Text cells are
guarded against formulas; dates and numbers stay dates and numbers, so a spreadsheet
sorts and filters them (`core.spreadsheets`): ISO dates (YYYY-MM-DD) in the CSV, date
cells in the XLSX. The status and its dates are the report's (`rules.shown_date` picks
which one the grid shows: the same values are here, each in its own column).
"""

import csv
import tempfile

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import csv_cells, safe_cell, xlsx_cells

from .rules import days_overdue

HEADERS = (
    _("Name"),
    _("Email"),
    _("Team"),
    _("Module"),
    _("Status"),
    _("Due date"),
    _("Completed on"),
    _("Expires on"),
    _("Days overdue"),
)


def report_rows(reports, *, today=None):
    """Yield the header, then a row per assigned (person, module), as typed cells.

    `reports` is an iterable of TeamReport (the organisation's comes a batch of teams at
    a time, so memory stays flat however many people there are). The columns are
    HEADERS, in order: text (already guarded), then dates (or None) and the days overdue
    (a number, or None). Each status label is translated once, not once a row.
    """
    today = today or timezone.localdate()
    yield [safe_cell(str(header)) for header in HEADERS]
    labels = {}
    for report in reports:
        titles = [safe_cell(module.label) for module in report.modules]
        for row in report.rows:
            person = [safe_cell(row.name), safe_cell(row.email), safe_cell(row.team_name)]
            for title, cell in zip(titles, row.cells, strict=True):
                if cell is None:
                    continue
                if cell.status not in labels:
                    labels[cell.status] = safe_cell(str(cell.status.label))
                yield [
                    *person,
                    title,
                    labels[cell.status],
                    cell.due_date,
                    cell.completed_on,
                    cell.expires_on,
                    days_overdue(cell, today=today),
                ]


class _Echo:
    """A file-like object whose write returns the line, for a streaming CSV response."""

    def write(self, value):
        return value


def csv_lines(reports):
    """Yield the report as CSV text, a line at a time, starting with a byte-order mark."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in report_rows(reports):
        yield writer.writerow(csv_cells(row))


def csv_write(stream, reports) -> None:
    """Write the report as UTF-8 CSV (with a byte-order mark, for Excel) to a binary file."""
    for line in csv_lines(reports):
        stream.write(line.encode("utf-8"))


def xlsx_write(stream, reports) -> None:
    """Write the report as an XLSX workbook to a binary file: one header row (frozen, with
    a filter on every column), then a row per person and module."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Training report")))
    sheet.freeze_panes = "A2"
    rows = 0
    for row in report_rows(reports):
        sheet.append(xlsx_cells(sheet, row))
        rows += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{rows}"
    workbook.save(stream)


def xlsx_file(reports):
    """Return a temporary file holding the report as an XLSX workbook, rewound."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115  (the response closes it)
    xlsx_write(handle, reports)
    handle.seek(0)
    return handle
