"""Small helpers for Wagtail pages that several apps' demo loaders share."""


def child_page_get_or_create(*, parent, model, slug, **fields):
    """Return the live child of `parent` with this slug, creating and publishing it if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page
