"""Learner data of training: assignments, progress, completions, reminders, summaries.

Plain Django models keyed to the user, written only through `training.services`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import TrainingModulePage


class Assignment(models.Model):
    """A manager asks a team, or chosen members of it, to complete a module by a date.

    An assignment to everyone in the team also covers people who join the team later.
    Withdrawing it keeps the row (and every completion already earned). It outlives its
    module too: `module_id` stays when an editor deletes the page (no constraint, nothing
    cascades), and `module_title` keeps the title it had for the report.
    """

    module = models.ForeignKey(
        TrainingModulePage,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="assignments",
    )
    module_title = models.CharField(max_length=255, default="")
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="assignments")
    everyone = models.BooleanField(
        default=True, help_text=_("Everyone in the team, including people who join later.")
    )
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="chosen_assignments"
    )
    due_date = models.DateField()
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "module"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_open_assignment_per_team_and_module",
            )
        ]
        indexes = [models.Index(fields=["team", "withdrawn_at"])]

    def __str__(self):
        return f"{self.module_id} for team {self.team_id} by {self.due_date}"

    @property
    def title(self) -> str:
        """The module's title now, or the title it had when the page was deleted."""
        try:
            module = self.module
        except TrainingModulePage.DoesNotExist:
            module = None
        return module.title if module is not None else self.module_title


class ModuleProgressLog(models.Model):
    """How many of a module's steps a learner has done in the current cycle.

    A cycle starts afresh when a completion expires (the module's refresher period).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(TrainingModulePage, on_delete=models.CASCADE, related_name="+")
    steps_done = models.PositiveSmallIntegerField(default=0)
    steps_total = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module"], name="one_progress_log_per_learner_and_module"
            ),
            models.CheckConstraint(
                condition=models.Q(steps_done__lte=models.F("steps_total")),
                name="progress_steps_done_within_total",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} {self.module_id}: {self.steps_done}/{self.steps_total}"


class Completion(models.Model):
    """A learner completed a module: kept, with what it was earned against, after it expires.

    Learner history outlives content: deleting the module page leaves `module_id` as it
    was (no constraint, nothing cascades) and `module_title` names it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(
        TrainingModulePage,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="completions",
    )
    module_title = models.CharField(max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The module revision the completion was earned against."),
    )
    completed_at = models.DateTimeField()
    expires_on = models.DateField(
        null=True, blank=True, help_text=_("When the module is due again, if it has a refresher.")
    )
    quiz_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["-completed_at"]
        indexes = [
            models.Index(fields=["user", "module", "completed_at"]),
            models.Index(fields=["completed_at"]),
        ]

    def __str__(self):
        return f"{self.user_id} completed {self.module_title} on {self.completed_at:%Y-%m-%d}"

    @classmethod
    def of_module(cls, *, user_id, module, completed_at, completed_on, quiz_percent=None):
        """Return an unsaved completion of `module` as it is now (its title and live
        revision), expiring `module.refresher_months` after `completed_on`, if it has one."""
        from ..rules import add_months

        months = module.refresher_months
        return cls(
            user_id=user_id,
            module_id=module.id,
            module_title=module.title,
            revision_id=module.live_revision_id,
            completed_at=completed_at,
            expires_on=add_months(completed_on, months) if months else None,
            quiz_percent=quiz_percent,
        )


class ReminderKind(models.TextChoices):
    LEARNER_DUE = "learner_due", _("Training due or overdue (learner)")
    MANAGER_DIGEST = "manager_digest", _("Team overdue digest (manager)")
    ON_DEMAND = "on_demand", _("Reminder from a manager (learner)")


class ReminderLog(models.Model):
    """One reminder: the key makes a second run (or a second click) on the same day send nothing.

    The automatic kinds are one email a person a day, about every module they must act on
    (`module` is empty). A manager's reminder (`ON_DEMAND`) is about one module, so its key
    adds the module: one a learner, module and day, whoever asks. Its row is written when
    the manager asks and `emailed_at` is set when the task sends it (automatic rows are
    written as they are sent).
    """

    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    item_count = models.PositiveIntegerField(default=0)
    # Learner history outlives content, as for completions: no constraint, the title kept.
    module = models.ForeignKey(
        TrainingModulePage,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    module_titles = models.JSONField(
        default=list, blank=True, help_text=_("The titles of the modules the email named.")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The manager who asked for it; empty for automatic reminders."),
    )
    due_date = models.DateField(
        null=True, blank=True, help_text=_("A manager's reminder: the module's due date then.")
    )
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "user", "sent_on"],
                condition=models.Q(module__isnull=True),
                name="one_reminder_per_kind_user_and_day",
            ),
            models.UniqueConstraint(
                fields=["kind", "user", "module", "sent_on"],
                condition=models.Q(module__isnull=False),
                name="one_reminder_per_kind_user_module_and_day",
            ),
        ]
        indexes = [models.Index(fields=["user", "-sent_at"], name="reminder_user_newest_first")]

    def __str__(self):
        return f"{self.kind} to {self.user_id} on {self.sent_on}"


class TeamSummary(models.Model):
    """A team's training counts per status, precomputed for the organisation-wide report.

    Refreshed by a periodic task (config/celery.py); the page says when it was computed.
    """

    team = models.OneToOneField("accounts.Team", on_delete=models.CASCADE, related_name="+")
    people = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, help_text=_("Status code -> number of assignments."))
    computed_at = models.DateTimeField()

    def __str__(self):
        return f"Summary of team {self.team_id} at {self.computed_at:%Y-%m-%d %H:%M}"
