"""Who may do what: the one place that answers role questions about a user."""

EDITOR_GROUP = "Editors"


def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_editor(user) -> bool:
    """Return whether the user may write content in the Wagtail admin."""
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def is_manager(user) -> bool:
    return bool(user.is_authenticated and user.managed_teams.exists())
