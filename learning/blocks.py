"""The one block library every content page is built from.

Each block declares its icon, template and preview value; each template is a thin call
into a GOV.UK Design System component (templates/components/).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

INLINE_FEATURES = ["bold", "italic", "link"]
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2 (section)")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
        help_text=_("Keep levels in order: a level 3 heading belongs under a level 2."),
    )

    class Meta:
        icon = "title"
        template = "learning/blocks/heading.html"
        label = _("Heading")
        preview_value = {"text": "General issues", "level": "h2"}
        description = _("A section heading; the editor picks its level.")


class QuotationBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        max_length=200,
        label=_("Attribution"),
        help_text=_("For example: Denise Turner, 2015"),
    )

    class Meta:
        icon = "openquote"
        template = "learning/blocks/quotation.html"
        label = _("Quotation")
        preview_value = {
            "quote": "The social networking genie is out of the bottle.",
            "attribution": "Denise Turner, 2015",
        }


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("bulleted", _("Bulleted")), ("numbered", _("Numbered"))],
        default="bulleted",
        label=_("Style"),
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Item")),
        min_num=1,
        label=_("Items"),
    )

    class Meta:
        icon = "list-ul"
        template = "learning/blocks/list.html"
        label = _("List")
        preview_value = {"style": "bulleted", "items": ["First point", "Second point"]}


class RiskBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    detail = blocks.TextBlock(required=False, label=_("Detail"))

    class Meta:
        label = _("Risk")


class RisksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Risks", label=_("Heading"))
    risks = blocks.ListBlock(RiskBlock(), min_num=1, label=_("Risks"))

    class Meta:
        icon = "warning"
        template = "learning/blocks/risks.html"
        label = _("Risks")
        preview_value = {
            "heading": "Risks",
            "risks": [{"title": "Service users contacting social workers via social media"}],
        }


class StandardsReferenceBlock(blocks.StructBlock):
    """Standards chosen from the standards content, never typed."""

    heading = blocks.CharBlock(
        max_length=120,
        required=False,
        label=_("Heading"),
        help_text=_("For example: Relevant HCPC standards"),
    )
    standards = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="learning.StandardPage", label=_("Standard")),
        min_num=1,
        label=_("Standards"),
    )

    class Meta:
        icon = "doc-full"
        template = "learning/blocks/standards_reference.html"
        label = _("Standards references")
        preview_value = {"heading": "Relevant standards", "standards": []}


class CalloutBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=40, default="Note", required=False, label=_("Label"))
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        template = "learning/blocks/callout.html"
        label = _("Note")
        preview_value = {
            "label": "Note",
            "text": "This knowledge bite should be read in conjunction with ...",
        }


class FootnoteBlock(blocks.StructBlock):
    after = blocks.CharBlock(
        max_length=120,
        label=_("Mark after the words"),
        help_text=_("The footnote number goes straight after these words of the text."),
    )
    source = blocks.CharBlock(max_length=300, label=_("Source"))
    url = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        label = _("Footnote")


class StatisticBlock(blocks.StructBlock):
    """A sentence stating one or more figures, each followed by a numbered footnote."""

    text = blocks.TextBlock(label=_("Text"))
    footnotes = blocks.ListBlock(FootnoteBlock(), min_num=1, label=_("Footnotes"))

    class Meta:
        icon = "table"
        template = "learning/blocks/statistic.html"
        label = _("Statistic")
        preview_value = {
            "text": "There are 1.5 billion monthly users.",
            "footnotes": [{"after": "1.5 billion", "source": "Statista", "url": ""}],
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for index, footnote in enumerate(value["footnotes"]):
            if footnote["after"] not in value["text"]:
                errors[index] = ValidationError(_("These words are not in the text."))
        if errors:
            raise StructBlockValidationError(
                block_errors={
                    "footnotes": blocks.list_block.ListBlockValidationError(
                        block_errors={
                            i: StructBlockValidationError({"after": e}) for i, e in errors.items()
                        }
                    )
                }
            )
        return value


def render_with_footnote_marks(text, footnotes, first_number):
    """Return the text as HTML with a linked footnote number after each footnote's words.

    Footnotes are numbered from `first_number` in the order given; each mark links to
    the note (#fn-N) and carries the id the note links back to (#fnref-N).
    """
    html = escape(text)
    for offset, footnote in enumerate(footnotes):
        number = first_number + offset
        words = escape(footnote["after"])
        mark = (
            f'<sup class="app-footnote-ref"><a href="#fn-{number}" id="fnref-{number}" '
            f'class="govuk-link">'
            f'<span class="govuk-visually-hidden">{escape(_("footnote"))} </span>{number}</a></sup>'
        )
        html = re.sub(re.escape(words), lambda m, mark=mark: m.group(0) + mark, html, count=1)
    return mark_safe(html)  # noqa: S308 - built from escaped parts


class ReferenceBlock(blocks.StructBlock):
    citation = blocks.RichTextBlock(features=["italic", "bold"], label=_("Citation"))
    url = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        label = _("Reference")


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="References", label=_("Heading"))
    references = blocks.ListBlock(ReferenceBlock(), min_num=1, label=_("References"))

    class Meta:
        icon = "link"
        template = "learning/blocks/references.html"
        label = _("References")
        preview_value = {
            "heading": "References",
            "references": [{"citation": "TURNER, D. (2015). Connected and protected.", "url": ""}],
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        template="learning/blocks/paragraph.html",
        label=_("Paragraph"),
        preview_value="<p>Social media is an unavoidable part of our lives.</p>",
    )
    quotation = QuotationBlock()
    list = ListBlock()
    risks = RisksBlock()
    standards = StandardsReferenceBlock()
    callout = CalloutBlock()
    statistic = StatisticBlock()
    references = ReferencesBlock()
