"""Quizzes (Wagtail content) and attempts (learner data).

A quiz is a page below the knowledge bite it checks; its questions are a StreamField.
An attempt keeps a snapshot of everything the learner was shown and the key it is
scored against, so editing or deleting a question never rewrites a past attempt.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from .blocks import QuestionStreamBlock


class FeedbackTiming(models.TextChoices):
    EACH_QUESTION = "each", _("After each question")
    AT_END = "end", _("At the end")


class QuizPage(Page):
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The percentage needed to pass."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    feedback_timing = models.CharField(
        _("when to show feedback"),
        max_length=4,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AT_END,
    )
    shuffle_options = models.BooleanField(_("shuffle the options"), default=True)
    ask_confidence = models.BooleanField(
        _("ask for confidence"),
        default=False,
        help_text=_("Ask how sure the learner is of each answer (certainty-based marking)."),
    )
    is_closed = models.BooleanField(
        _("closed"),
        default=False,
        help_text=_("Closed quizzes take no new attempts and no submissions."),
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("feedback_timing"),
                FieldPanel("shuffle_options"),
                FieldPanel("ask_confidence"),
                FieldPanel("is_closed"),
            ],
            heading=_("Settings"),
        ),
        FieldPanel("questions"),
    ]
    # Site search finds a quiz by what a learner reads on it: the scenarios, questions
    # and options, not the feedback or the key (learning.selectors.search).
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("question_text"),
    ]
    parent_page_types = ["learning.KnowledgeBitePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _("Scenario questions that check the knowledge bite above it.")

    class Meta:
        verbose_name = _("quiz page")
        verbose_name_plural = _("quiz pages")

    def question_text(self):
        """Return the scenarios, questions and options as plain text, for the search index."""
        texts = []
        for question in self.questions:
            value = question.value
            texts += [get_text_for_indexing(value["scenario"].source), value["prompt"]]
            texts += [option["text"] for option in value["options"]]
        return "\n".join(texts)

    def get_context(self, request, *args, **kwargs):
        from .selectors import quiz_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_page_context(quiz=self, user=request.user))
        return context


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class Attempt(models.Model):
    """One learner's attempt at a quiz, with what they were shown."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        QuizPage, null=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    quiz_title = models.CharField(max_length=255)
    number = models.PositiveSmallIntegerField(help_text=_("1 for the learner's first attempt."))
    snapshot = models.JSONField(help_text=_("Questions, options, feedback and key as shown."))
    responses = models.JSONField(default=dict, help_text=_("Answers saved so far, by question."))
    status = models.CharField(
        max_length=16, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    max_score = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    passed = models.BooleanField(null=True)
    cbm_total = models.DecimalField(
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Certainty-based marks, out of 3 per question, when confidence was asked."),
    )

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=models.Q(status="in_progress"),
                name="one_open_attempt_per_learner_and_quiz",
            ),
        ]
        indexes = [models.Index(fields=["user", "quiz", "status"])]

    def __str__(self):
        return f"{self.quiz_title} #{self.number} ({self.user})"


class Answer(models.Model):
    """A submitted answer to one question of an attempt, scored from the snapshot.

    Each question is worth 1; an attempt's score is the sum of its answers' scores.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField()
    response = models.JSONField()
    score = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("The question's score, 0 to 1 (see quizzes/scoring.py)."),
    )
    cbm_mark = models.DecimalField(
        max_digits=5,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(-6), MaxValueValidator(3)],
        help_text=_("The certainty-based mark, -6 to 3, when confidence was asked."),
    )
    confidence = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.attempt_id}:{self.question_id}"
