"""Training content: the training index and the modules (steps a learner completes)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ModuleStepsBlock


class TrainingIndexPage(Page):
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["training.TrainingModulePage"]
    parent_page_types = ["learning.HomePage"]
    max_count = 1
    page_description = _("Lists the training modules.")

    class Meta:
        verbose_name = _("training index page")
        verbose_name_plural = _("training index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = TrainingModulePage.objects.child_of(self).live().order_by("title")
        return context


class TrainingModulePage(Page):
    """An ordered set of steps: bites to read, a quiz to pass, a reflection to record."""

    summary = models.TextField(_("summary"), max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("How long the module takes; it pre-fills the time spent on a reflection."),
    )
    refresher_months = models.PositiveSmallIntegerField(
        _("refresher period (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("After this many months a completion expires and the module is due again."),
    )
    steps = StreamField(ModuleStepsBlock(), verbose_name=_("steps"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("refresher_months"),
        FieldPanel("steps"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []
    page_description = _("A training module: bites to read, a quiz to pass, a reflection.")

    class Meta:
        verbose_name = _("training module page")
        verbose_name_plural = _("training module pages")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import module_progress

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = module_progress(module=self, user=request.user)
        return context
