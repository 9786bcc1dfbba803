"""What other apps may ask about people. Returns plain dataclasses."""

from dataclasses import dataclass
from datetime import date

from .selectors import registration_for_user


@dataclass(frozen=True)
class RegistrationRef:
    regulator: str
    regulator_name: str
    profession: str
    registration_number: str
    renewal_date: date | None


def registration_for(*, user) -> RegistrationRef | None:
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
