"""The team report as CSV and XLSX: one row per person and module, columns declared once.

Rows come from a generator, so the CSV streams as it is written; the XLSX is written
by openpyxl in write-only mode (rows go straight to a temporary file). Every text cell
is guarded against formulas (`core.spreadsheets.safe_cell`).
"""

import csv
import tempfile

from django.utils.translation import gettext_lazy as _

from core.spreadsheets import safe_cell

HEADERS = (
    _("Name"),
    _("Email"),
    _("Team"),
    _("Module"),
    _("Status"),
    _("Due date"),
    _("Completed on"),
    _("Expires on"),
)


def report_rows(reports):
    """Yield the header, then a row per assigned (person, module), as safe text.

    `reports` is an iterable of TeamReport (the organisation's comes a batch of teams at
    a time, so memory stays flat however many people there are). The columns are
    HEADERS, in order; each status label is translated once, not once a row.
    """
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
                    safe_cell(cell.due_date),
                    safe_cell(cell.completed_on),
                    safe_cell(cell.expires_on),
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
        yield writer.writerow(row)


def csv_write(stream, reports) -> None:
    """Write the report as UTF-8 CSV (with a byte-order mark, for Excel) to a binary file."""
    for line in csv_lines(reports):
        stream.write(line.encode("utf-8"))


def xlsx_write(stream, reports) -> None:
    """Write the report as an XLSX workbook to a binary file."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Training report")))
    for row in report_rows(reports):
        sheet.append(row)
    workbook.save(stream)


def xlsx_file(reports):
    """Return a temporary file holding the report as an XLSX workbook, rewound."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115  (the response closes it)
    xlsx_write(handle, reports)
    handle.seek(0)
    return handle
