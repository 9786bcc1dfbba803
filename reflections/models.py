"""Reflective-learning records: learner data, private to their owner.

A record is written only through reflections.services; who may read it is answered by
reflections.permissions.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.prepared_files.models import PreparedFile, PreparedFileStatus

from .reflective_models import CHOICES as MODEL_CHOICES
from .reflective_models import DEFAULT_MODEL

TEXT_LIMIT = 10_000  # characters in each long answer


class ActivityType(models.TextChoices):
    E_LEARNING = "e_learning", _("E-learning")
    READING = "reading", _("Reading")
    SUPERVISION = "supervision", _("Supervision")
    COURSE = "course", _("Course or training event")
    SHADOWING = "shadowing", _("Shadowing")
    RESEARCH = "research", _("Research")
    PEER_DISCUSSION = "peer_discussion", _("Peer discussion or reflective group")
    OTHER = "other", _("Other")


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    COMPLETE = "complete", _("Complete")


class Record(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_records"
    )
    title = models.CharField(max_length=200, blank=True)
    activity_type = models.CharField(max_length=20, choices=ActivityType.choices, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    hours = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(500)],
        help_text=_("Time spent, in hours."),
    )
    reflective_model = models.CharField(max_length=20, choices=MODEL_CHOICES, default=DEFAULT_MODEL)
    description = models.TextField(max_length=TEXT_LIMIT, blank=True)
    learning = models.TextField(max_length=TEXT_LIMIT, blank=True)
    impact = models.TextField(max_length=TEXT_LIMIT, blank=True)
    extra = models.JSONField(
        default=dict, blank=True, help_text=_("Answers to the model's extra prompts.")
    )
    standards = models.ManyToManyField("learning.StandardPage", blank=True, related_name="+")
    peer_name = models.CharField(max_length=120, blank=True)
    peer_role = models.CharField(max_length=120, blank=True)
    peer_date = models.DateField(null=True, blank=True)
    peer_learning = models.TextField(max_length=TEXT_LIMIT, blank=True)
    source_title = models.CharField(max_length=255, blank=True)
    source_url = models.CharField(max_length=500, blank=True)
    source_bite_id = models.PositiveIntegerField(null=True, blank=True)
    source_attempt_id = models.PositiveIntegerField(null=True, blank=True)
    source_module_id = models.PositiveIntegerField(null=True, blank=True)
    # The number of the attempt's question the record reflects on (1 is the first).
    source_question = models.PositiveSmallIntegerField(null=True, blank=True)
    site_text = models.JSONField(
        default=list,
        blank=True,
        help_text=_(
            "Text the site wrote into the record (what it pre-filled and the quiz or bite "
            "text it quotes): the privacy guard never flags it."
        ),
    )
    status = models.CharField(
        max_length=10, choices=RecordStatus.choices, default=RecordStatus.DRAFT
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    identifiers_checked = models.BooleanField(
        default=False, help_text=_("The owner confirmed the record identifies no one.")
    )
    shared_with_manager = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "-created_at"]
        indexes = [models.Index(fields=["owner", "status", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="record_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gte=0),
                name="record_hours_not_negative",
            ),
        ]

    def __str__(self):
        return self.title or str(_("Untitled record"))

    @property
    def has_peer_reflection(self):
        return bool(self.peer_learning.strip())

    @property
    def is_complete(self):
        return self.status == RecordStatus.COMPLETE


# Exports ---------------------------------------------------------------------------------

EXPORT_LIFETIME_DAYS = 7


class ExportFormat(models.TextChoices):
    PDF = "pdf", _("PDF document")
    CSV = "csv", _("CSV spreadsheet")
    JSON = "json", _("JSON data")


class ExportLayout(models.TextChoices):
    SWE = "swe", _("Social Work England CPD record")
    HCPC = "hcpc", _("HCPC CPD profile")
    NISCC = "niscc", _("NISCC PRTL summary")
    SCW = "scw", _("Social Care Wales CPD record")
    FULL = "full", _("Every field of each record")


ExportStatus = PreparedFileStatus


class Export(PreparedFile):
    """A file of the owner's records, prepared by a task; private to its owner.

    `record_ids` are the records chosen (empty: every complete record in the dates);
    `options` holds the HCPC profile's summary, gap explanations and statement ids.
    """

    folder = "exports"

    format = models.CharField(max_length=4, choices=ExportFormat.choices)
    layout = models.CharField(max_length=5, choices=ExportLayout.choices)
    date_from = models.DateField(null=True, blank=True)
    date_to = models.DateField(null=True, blank=True)
    record_ids = models.JSONField(default=list, blank=True)
    options = models.JSONField(default=dict, blank=True)

    class Meta(PreparedFile.Meta):
        pass

    def __str__(self):
        return f"{self.get_layout_display()} ({self.get_format_display()})"
