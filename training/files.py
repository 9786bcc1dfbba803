"""The organisation's training report as a prepared file (core.prepared_files).

Written 20 teams at a time (`team_reports_in_batches`), so memory stays flat at any
size; served only to the person who asked, while they still manage every team in it.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.prepared_files.kinds import PreparedFileKind, PreparedFilePages, kind_register

from . import report_files
from .models import ReportFile, ReportFileFormat
from .models.files import REPORT_FILE_LIFETIME
from .permissions import teams_managed_by
from .selectors.reports import team_reports_in_batches

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def report_file_write(report_file, stream) -> None:
    """Write the report of the file's teams as CSV or XLSX (it only reads: safe to rerun)."""
    reports = team_reports_in_batches(team_ids=report_file.team_ids)
    if report_file.format == ReportFileFormat.XLSX:
        report_files.xlsx_write(stream, reports)
    else:
        report_files.csv_write(stream, reports)


def still_manages_every_team(user, report_file) -> bool:
    managed = set(teams_managed_by(user).values_list("id", flat=True))
    return set(report_file.team_ids) <= managed


REPORT_FILES = kind_register(
    PreparedFileKind(
        name="training-report",
        model=ReportFile,
        lifetime=REPORT_FILE_LIFETIME,
        write=report_file_write,
        file_stem=lambda report_file: "training-report",
        content_type=lambda report_file: (
            XLSX_TYPE if report_file.format == ReportFileFormat.XLSX else CSV_TYPE
        ),
        still_allowed=still_manages_every_team,
        pages=PreparedFilePages(
            status_url="training:report_file",
            download_url="training:report_file_download",
            again_url="training:team_report",
            back_url="training:team_report",
            back_text=gettext_lazy("Back to the training report"),
            waiting_title=gettext_lazy("Preparing your file"),
            waiting_text=gettext_lazy(
                "A report of every team can take a few minutes. This page checks again by "
                "itself; you can also leave it and come back from the training report."
            ),
            ready_title=gettext_lazy("Your file is ready"),
            failed_title=gettext_lazy("Your file could not be prepared"),
            again_text=gettext_lazy("Prepare a new file"),
            gone_title=gettext_lazy("This file has expired"),
            gone_text=gettext_lazy(
                "Report files hold staff names and email addresses, so we delete them after a day."
            ),
            download_text=lambda report_file: (
                _("Download the training report as %(format)s")
                % {"format": report_file.get_format_display()}
            ),
            kept_text=lambda report_file: (
                _(
                    "Figures as of %(time)s. Only you can download it. It holds staff names and "
                    "email addresses: we delete it at %(day)s."
                )
                % {
                    "time": date_format(localtime(report_file.finished_at), "j F Y, H:i"),
                    "day": date_format(localtime(report_file.expires_at), "j F Y, H:i"),
                }
            ),
        ),
    )
)
