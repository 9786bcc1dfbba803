"""Wagtail content: the home page, knowledge bites, regulators and their standards."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.api import RegulatorCode

from ..blocks import BodyStreamBlock


class Regulator(models.Model):
    """A UK regulator of social work or social care, and whom it took over from."""

    code = models.CharField(_("code"), max_length=8, choices=RegulatorCode.choices, unique=True)
    name = models.CharField(_("name"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=20)
    regulates = models.CharField(
        _("regulates"),
        max_length=200,
        help_text=_("Whom it regulates, e.g. social workers in England."),
    )
    regulates_since = models.DateField(
        _("regulates since"),
        null=True,
        blank=True,
        help_text=_("When it took over regulating them, if recorded."),
    )
    previous_regulator = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name=_("previous regulator"),
        help_text=_("The regulator whose standards these professionals followed before."),
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("regulates"),
        FieldPanel("regulates_since"),
        FieldPanel("previous_regulator"),
        FieldPanel("website"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("regulator")
        verbose_name_plural = _("regulators")

    def __str__(self):
        return self.name


# The Wagtail hook the home page calls for a signed-in visitor. Each function registered
# under it takes (*, page, request) and returns a section to show, or None: a mapping with
# "template" (the include to render) and whatever that template needs. Sections show in
# hook order, above the latest knowledge bites (the practitioner's section is
# training's; a manager's could follow).
HOME_PAGE_CONTEXT_HOOK = "home_page_context"


class HomePage(Page):
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # No subpage_types: each section's index page names the home page as its parent
    # (the training app's index too, which learning must not name: it sits above it).
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    page_description = _("The site's front page.")

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import bites_latest

        context = super().get_context(request, *args, **kwargs)
        context["bites"] = bites_latest(limit=6)
        if request.user.is_authenticated:
            context["home_sections"] = self.signed_in_sections(request)
        return context

    def signed_in_sections(self, request) -> list:
        """Return what each HOME_PAGE_CONTEXT_HOOK function shows a signed-in visitor."""
        from wagtail import hooks

        sections = (
            add_section(page=self, request=request)
            for add_section in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK)
        )
        return [section for section in sections if section]


class BiteIndexPage(Page):
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["learning.KnowledgeBitePage"]
    parent_page_types = ["learning.HomePage"]
    page_description = _("Lists the knowledge bites below it.")

    class Meta:
        verbose_name = _("knowledge bite index page")
        verbose_name_plural = _("knowledge bite index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bites"] = KnowledgeBitePage.objects.child_of(self).live().order_by("title")
        return context


class KnowledgeBitePage(Page):
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["learning.BiteIndexPage"]
    subpage_types = ["quizzes.QuizPage"]
    page_description = _(
        "A short piece of learning on one topic, citing the standards it rests on."
    )

    class Meta:
        verbose_name = _("knowledge bite page")
        verbose_name_plural = _("knowledge bite pages")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import bite_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(bite_page_context(bite=self, request=request))
        return context


class StandardsIndexPage(Page):
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["learning.FrameworkPage"]
    parent_page_types = ["learning.HomePage"]
    page_description = _("Lists the regulators' standards frameworks.")

    class Meta:
        verbose_name = _("standards index page")
        verbose_name_plural = _("standards index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["frameworks"] = (
            FrameworkPage.objects.child_of(self)
            .live()
            .select_related("regulator")
            .order_by("regulator__name", "-effective_from")
        )
        return context


class FrameworkPage(Page):
    """One version of a regulator's standards, e.g. HCPC Standards of conduct (2016)."""

    regulator = models.ForeignKey(
        Regulator,
        on_delete=models.PROTECT,
        related_name="frameworks",
        verbose_name=_("regulator"),
    )
    version = models.CharField(_("version"), max_length=40, help_text=_("For example: 2016"))
    effective_from = models.DateField(_("effective from"))
    superseded_on = models.DateField(_("superseded on"), null=True, blank=True)
    applies_to = models.CharField(
        _("applies to"),
        max_length=250,
        help_text=_("The nations and professions it applies to."),
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    source_url = models.URLField(
        _("source URL"), blank=True, help_text=_("Where the regulator publishes it.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("regulator"),
                FieldPanel("version"),
                FieldPanel("effective_from"),
                FieldPanel("superseded_on"),
                FieldPanel("applies_to"),
            ],
            heading=_("Framework"),
        ),
        FieldPanel("intro"),
        FieldPanel("source_url"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["learning.StandardsIndexPage"]
    subpage_types = ["learning.StandardPage"]
    page_description = _("One version of a regulator's standards; its standards sit below it.")

    class Meta:
        verbose_name = _("standards framework page")
        verbose_name_plural = _("standards framework pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["standards"] = StandardPage.objects.child_of(self).live()
        return context


class StandardPage(Page):
    """One standard of a framework: its code, the standard itself and any detail."""

    code = models.CharField(_("code"), max_length=20, help_text=_("For example: 5.9"))
    statement = models.TextField(
        _("statement"), help_text=_("The standard as the regulator words it.")
    )
    detail = RichTextField(_("detail"), features=["bold", "italic", "link", "ol", "ul"], blank=True)
    current_equivalents = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="earlier_equivalents",
        verbose_name=_("current equivalents"),
        help_text=_("The standards in force now that cover the same ground."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("statement"),
        FieldPanel("detail"),
        FieldPanel("current_equivalents"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("statement"),
        index.SearchField("detail"),
        index.SearchField("framework_title"),  # "HCPC confidentiality" finds HCPC's
        index.FilterField("code"),
    ]
    parent_page_types = ["learning.FrameworkPage"]
    subpage_types = []
    page_description = _("One standard, with the knowledge bites that cite it.")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def framework_title(self):
        """Return the framework's title (regulator and edition), for the search index."""
        framework = self.get_parent() if self.depth and self.depth > 1 else None
        return framework.title if framework else ""

    def get_context(self, request, *args, **kwargs):
        from ..selectors import standard_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(standard_page_context(standard=self))
        return context
