"""The row every prepared file has: its owner, format, status, file and lifetime."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PreparedFileStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to start")
    RUNNING = "running", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


WAITING = (PreparedFileStatus.PENDING, PreparedFileStatus.RUNNING)


def prepared_file_upload_to(instance, filename):
    """Keep each use's files in its own folder, one folder per owner."""
    return f"{instance.folder}/{instance.owner_id}/{filename}"


class PreparedFile(models.Model):
    """A file one person asked for, prepared by a task and kept until `expires_at`.

    A subclass sets `folder` (where its files are stored) and usually narrows `format`
    to its own choices. Only its owner may download it (`core.prepared_files.views`).
    """

    folder = "prepared-files"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(max_length=4)
    status = models.CharField(
        max_length=7, choices=PreparedFileStatus.choices, default=PreparedFileStatus.PENDING
    )
    file = models.FileField(upload_to=prepared_file_upload_to, max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def is_expired(self, now=None) -> bool:
        return self.expires_at <= (now or timezone.now())

    @property
    def is_done(self) -> bool:
        return self.status == PreparedFileStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == PreparedFileStatus.FAILED

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING
