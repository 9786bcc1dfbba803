"""What other apps may use of accounts: people, teams, roles, registrations.

Thin: re-exports and small functions; the reads live in `selectors`.
"""

from dataclasses import dataclass
from datetime import date

from .decorators import second_factor_required
from .demo import DEMO_TEAM, DemoLogin, demo_password, demo_users_load
from .models import RegulatorCode, Team, User
from .permissions import Roles, is_administrator, is_manager, roles_for
from .selectors import managers_of_user, registration_for_user
from .services import registration_update

__all__ = [
    "DEMO_TEAM",
    "DemoLogin",
    "PersonRef",
    "RegistrationRef",
    "RegulatorCode",
    "Roles",
    "Team",
    "User",
    "all_team_ids",
    "demo_password",
    "demo_users_load",
    "is_administrator",
    "is_manager",
    "managers_of",
    "registration_for",
    "registration_update",
    "roles_for",
    "second_factor_required",
]


@dataclass(frozen=True)
class RegistrationRef:
    regulator: str
    regulator_name: str
    profession: str
    registration_number: str
    renewal_date: date | None


def registration_for(*, user) -> RegistrationRef | None:
    """Return the user's regulator registration as plain data, or None."""
    registration = registration_for_user(user=user)
    if registration is None:
        return None
    return RegistrationRef(
        regulator=registration.regulator,
        regulator_name=registration.get_regulator_display(),
        profession=registration.profession,
        registration_number=registration.registration_number,
        renewal_date=registration.renewal_date,
    )


def all_team_ids() -> list[int]:
    """Return the id of every team, in order."""
    return list(Team.objects.order_by("id").values_list("id", flat=True))


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str
    email: str


def managers_of(*, user) -> list[PersonRef]:
    """Return who manages the user's teams (the people a shared record reaches). One query."""
    return [
        PersonRef(id=person.id, name=person.get_full_name() or person.email, email=person.email)
        for person in managers_of_user(user=user)
    ]
