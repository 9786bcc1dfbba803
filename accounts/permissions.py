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


class Roles:
    """The signed-in person's roles beyond their own learning, read once a request.

    Each answer is read when first asked (the header asks on every page), so a request
    makes one query at most however many templates and sections ask.
    """

    def __init__(self, user):
        self._user = user
        self._manages_teams: bool | None = None

    @property
    def manages_teams(self) -> bool:
        """Whether they manage at least one team (one query, the first time)."""
        if self._manages_teams is None:
            self._manages_teams = is_manager(self._user)
        return self._manages_teams

    @property
    def sees_team_training(self) -> bool:
        """Whether "Team training" is theirs to see: a manager's teams, or every team."""
        return is_administrator(self._user) or self.manages_teams


def roles_for(request) -> Roles:
    """Return the roles of the request's user, kept on the request for the next asker."""
    roles = getattr(request, "_account_roles", None)
    if roles is None or roles._user is not request.user:
        roles = Roles(request.user)
        request._account_roles = roles
    return roles
