"""The team report as CSV and XLSX: one row per person and module, columns declared once.

Rows come from a generator, so the CSV streams as it is written; the XLSX is written
by openpyxl in write-only mode (rows go straight to a temporary file). Every text cell
is guarded against formulas (`config.spreadsheets.safe_cell`).
"""

import csv
import tempfile

from django.utils.translation import gettext_lazy as _

from config.spreadsheets import safe_cell

COLUMNS = (
    (_("Name"), lambda row, module, cell: row.name),
    (_("Email"), lambda row, module, cell: row.email),
    (_("Team"), lambda row, module, cell: row.team_name),
    (_("Module"), lambda row, module, cell: module.title),
    (_("Status"), lambda row, module, cell: cell.status.label),
    (_("Due date"), lambda row, module, cell: cell.due_date),
    (_("Completed on"), lambda row, module, cell: cell.completed_on),
    (_("Expires on"), lambda row, module, cell: cell.expires_on),
)


def report_rows(reports):
    """Yield the header, then a row per assigned (person, module), as safe text.

    `reports` is an iterable of TeamReport (the organisation's comes a batch of teams at
    a time, so memory stays flat however many people there are).
    """
    yield [safe_cell(str(header)) for header, _get in COLUMNS]
    for report in reports:
        for row in report.rows:
            for module, cell in zip(report.modules, row.cells, strict=True):
                if cell is not None:
                    yield [safe_cell(get(row, module, cell)) for _header, get in COLUMNS]


class _Echo:
    """A file-like object whose write returns the line, for a streaming CSV response."""

    def write(self, value):
        return value


def csv_lines(reports):
    """Yield the report as CSV text, a line at a time, starting with a byte-order mark."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in report_rows(reports):
        yield writer.writerow(row)


def xlsx_file(reports):
    """Return a temporary file holding the report as an XLSX workbook, rewound."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Training report")))
    for row in report_rows(reports):
        sheet.append(row)
    handle = tempfile.TemporaryFile()  # noqa: SIM115  (the response closes it)
    workbook.save(handle)
    handle.seek(0)
    return handle
