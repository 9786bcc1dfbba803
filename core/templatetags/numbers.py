"""{% load numbers %}: {{ record.hours|number }} gives "0.5", not "0.50"."""

from django import template

from core.numbers import format_number

register = template.Library()


@register.filter
def number(value, places=2):
    """At most `places` decimals and no trailing zeros; "" for None."""
    return format_number(value, int(places))
