"""Who may see and assign training for which teams: the one place that answers it."""

from accounts.api import Team, is_administrator


def teams_managed_by(user):
    """Return the teams whose training this user may see and assign.

    Administrators: every team. Managers: the teams they manage. Anyone else: none.
    """
    if not user.is_authenticated:
        return Team.objects.none()
    if is_administrator(user):
        return Team.objects.all()
    return Team.objects.filter(managers=user)


def may_manage_training(user) -> bool:
    """Return whether the user manages any team's training (or administers them all)."""
    return teams_managed_by(user).exists()
