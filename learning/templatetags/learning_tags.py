from django import template

from learning.blocks import render_with_footnote_marks

register = template.Library()


@register.simple_tag(takes_context=True)
def footnoted(context, value, block_id):
    """Render a statistic's text with its footnote marks numbered in page order."""
    first = context.get("footnote_numbers", {}).get(block_id, 1)
    return render_with_footnote_marks(value["text"], value["footnotes"], first)


@register.simple_tag(takes_context=True)
def framework_of(context, standard):
    """Return the framework a cited standard belongs to (looked up once per page)."""
    return context.get("standard_frameworks", {}).get(standard.id)


@register.simple_tag(takes_context=True)
def notices_for(context, standards):
    """Return the framework notices that concern any of these standards."""
    ids = {s.id for s in standards if s is not None}
    return [
        notice
        for notice in context.get("framework_notices", [])
        if ids & {s.id for s in notice.standards}
    ]
