"""Organisation-wide training report files, prepared by a task and kept for a day."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.prepared_files import PreparedFile, PreparedFileStatus

DOWNLOAD_LIFETIME = dt.timedelta(days=1)  # names and emails of staff: kept briefly


class ReportDownloadFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (XLSX)")


ReportDownloadStatus = PreparedFileStatus


def report_download_expiry():
    return timezone.now() + DOWNLOAD_LIFETIME


def report_download_upload_to(instance, filename):
    return f"training-reports/{instance.requested_by_id}/{filename}"


class ReportDownload(PreparedFile):
    """The training report of many teams as a file, for the person who asked for it only.

    `team_ids` are the teams they managed when they asked; the file is served to them
    only while they still manage every one of those teams.
    """

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_downloads"
    )
    format = models.CharField(max_length=4, choices=ReportDownloadFormat.choices)
    team_ids = models.JSONField(default=list)
    file = models.FileField(upload_to=report_download_upload_to, max_length=255, blank=True)
    expires_at = models.DateTimeField(default=report_download_expiry, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return _("Training report (%(format)s)") % {"format": self.get_format_display()}
