"""Feedback people send from the phase banner's link: read by administrators in the admin."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Caps on what one person can send: enough for a paragraph or two, never a dump.
PAGE_MAX_LENGTH = 500
DOING_MAX_LENGTH = 500
DETAILS_MAX_LENGTH = 1200


class Feedback(models.Model):
    """What one person said about the service, and the page they were on.

    `page` is only ever a path on this site (`core.forms.local_path`), never a full URL.
    `contact_email` is kept only when the person chose to be contacted. Written only by
    `core.services.feedback_create`, which drops a double submit.
    """

    page = models.CharField(_("page"), max_length=PAGE_MAX_LENGTH, blank=True)
    doing = models.CharField(
        _("what they were trying to do"), max_length=DOING_MAX_LENGTH, blank=True
    )
    details = models.CharField(
        _("what went wrong or could be better"), max_length=DETAILS_MAX_LENGTH
    )
    contact_email = models.EmailField(_("email for a reply"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed in as"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    # A digest of who sent it and what, within one minute (services.feedback_create): the
    # same feedback sent twice in that minute (a double click) meets this constraint.
    dedupe_key = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return self.details[:60]
