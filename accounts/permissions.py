"""Who may do what: the one place that answers role questions about a user."""

EDITOR_GROUP = "Editors"


def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_editor(user) -> bool:
    """Return whether the user may write content in the Wagtail admin."""
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def is_manager(user) -> bool:
    return bool(user.is_authenticated and user.managed_teams.exists())


def needs_second_factor(user) -> bool:
    """Return whether signing in takes a code as well as the password.

    Administrators and managers see other people's data, so a stolen password alone must
    not be enough for their accounts (docs/decisions/0009-second-factor.md).
    """
    return is_administrator(user) or is_manager(user)
