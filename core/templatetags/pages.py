from django import template

register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """GOV.UK breadcrumbs from the site root to a Wagtail page's parent."""
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    request = context.get("request")
    return {
        "crumbs": [(p.title, p.get_url(request=request)) for p in ancestors],
        "request": request,
    }
