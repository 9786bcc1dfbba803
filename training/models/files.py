"""The organisation's training report as a file, prepared by a task and kept for a day."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.prepared_files.models import PreparedFile

REPORT_FILE_LIFETIME = dt.timedelta(days=1)  # names and emails of staff: kept briefly


class ReportFileFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (XLSX)")


class ReportFile(PreparedFile):
    """The training report of many teams as a file, for the person who asked for it only.

    `team_ids` are the teams they managed when they asked; the file is served to them
    only while they still manage every one of those teams.
    """

    folder = "training-reports"

    format = models.CharField(max_length=4, choices=ReportFileFormat.choices)
    team_ids = models.JSONField(default=list)

    class Meta(PreparedFile.Meta):
        pass

    def __str__(self):
        return _("Training report (%(format)s)") % {"format": self.get_format_display()}
