"""Quiz numbers in templates, as a person writes them (see quizzes.scoring)."""

from django import template

from ..scoring import format_number, format_percent

register = template.Library()


@register.filter
def quiz_number(value, places=2):
    """Render a score with at most `places` decimals and no trailing zeros: 4.30 -> 4.3."""
    return format_number(value, int(places))


@register.filter
def quiz_percent(value):
    """Render a percent as a whole number, rounded down: 69.6 -> 69."""
    return format_percent(value)
