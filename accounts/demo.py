"""Demo people: five practitioners in a team, their manager, an editor and an administrator.

Every account shares one password: DEMO_PASSWORD from the environment, or
DEFAULT_DEMO_PASSWORD. The manager and the administrator also need a second factor: both
get an authenticator app with the published key DEMO_TOTP_KEY and the recovery codes
DEMO_RECOVERY_CODES (README.md, "Demo logins"). Running the loader again updates the
accounts in place and resets their passwords, apps and recovery codes; it never creates
duplicates. load_demo refuses to run with production settings.
"""

import os
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission

from .models import Profession, Registration, RegulatorCode, Team, User
from .permissions import EDITOR_GROUP
from .services import APP_DEVICE_NAME, recovery_codes_replace

DEFAULT_DEMO_PASSWORD = "cpd-demo-password"  # noqa: S105 - a documented demo-only default
DEMO_TEAM = "Children's services team A"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# A published, demo-only key (20 bytes, as django-otp makes them). In base32, as
# authenticator apps take it: MNYGILLEMVWW6LLUN52HALLLMV4S2MBR.
DEMO_TOTP_KEY = b"cpd-demo-totp-key-01"
DEMO_RECOVERY_CODES = tuple(f"demo-code-{number:02d}" for number in range(1, 11))
DEMO_SECOND_FACTOR_EMAILS = ("manager@example.com", "admin@example.com")


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name: str
    role: str


def demo_password():
    """Return the password the demo accounts get: DEMO_PASSWORD, else the default."""
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def next_30_november(today=None):
    """Return the next 30 November on or after today (Social Work England's renewal date)."""
    today = today or timezone.localdate()
    renewal = date(today.year, 11, 30)
    return renewal if renewal >= today else date(today.year + 1, 11, 30)


def demo_user_update_or_create(*, email, password, first_name, last_name, **flags):
    """Create or update the account with this email and reset its password."""
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={"first_name": first_name, "last_name": last_name, "is_active": True, **flags},
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def demo_second_factor_reset(*, user):
    """Give the user the demo authenticator app and the demo recovery codes, all unused.

    The app keeps its database id across runs, so a session verified with it stays so.
    """
    device = TOTPDevice.objects.filter(user=user).order_by("pk").first() or TOTPDevice(user=user)
    device.name = APP_DEVICE_NAME
    device.key = DEMO_TOTP_KEY.hex()
    device.confirmed = True
    device.drift = 0
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    recovery_codes_replace(user=user, codes=DEMO_RECOVERY_CODES)
    return device


# Three more practitioners in the demo team, so the manager's report has every status.
DEMO_COLLEAGUES = (
    {
        "email": "practitioner3@example.com",
        "first_name": "Megan",
        "last_name": "Evans",
        "regulator": RegulatorCode.SOCIAL_CARE_WALES,
        "profession": Profession.SOCIAL_CARE_WORKER,
        "role": "Social care worker (Social Care Wales)",
    },
    {
        "email": "practitioner4@example.com",
        "first_name": "Daniel",
        "last_name": "Osei",
        "regulator": RegulatorCode.SOCIAL_WORK_ENGLAND,
        "profession": Profession.SOCIAL_WORKER,
        "role": "Social worker (Social Work England)",
    },
    {
        "email": "practitioner5@example.com",
        "first_name": "Hannah",
        "last_name": "Reid",
        "regulator": RegulatorCode.HCPC,
        "profession": Profession.OTHER,
        "role": "Occupational therapist (HCPC)",
    },
)


def demo_colleague_load(*, password, email, first_name, last_name, regulator, profession, role):
    """Create or update one of the demo team's other practitioners and their registration."""
    user = demo_user_update_or_create(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_staff=False,
        is_superuser=False,
    )
    Registration.objects.update_or_create(
        user=user, defaults={"regulator": regulator, "profession": profession}
    )
    return user


def editor_group_get_or_create(*, home_page):
    """Return the Editors group with Wagtail admin access and add/edit/publish on the site."""
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=permission
        )
    return group


def demo_users_load(*, password, home_page):
    """Create or update the demo accounts, their team and the Editors group.

    Return a DemoLogin per account, in the order a demo walks through them.
    """
    ordinary = {"is_staff": False, "is_superuser": False}
    asha = demo_user_update_or_create(
        email="practitioner1@example.com",
        password=password,
        first_name="Asha",
        last_name="Patel",
        **ordinary,
    )
    Registration.objects.update_or_create(
        user=asha,
        defaults={
            "regulator": RegulatorCode.SOCIAL_WORK_ENGLAND,
            "profession": Profession.SOCIAL_WORKER,
            "registration_number": "SW123456",
            "renewal_date": next_30_november(),
        },
    )
    ciaran = demo_user_update_or_create(
        email="practitioner2@example.com",
        password=password,
        first_name="Ciarán",
        last_name="Murphy",
        **ordinary,
    )
    Registration.objects.update_or_create(
        user=ciaran,
        defaults={
            "regulator": RegulatorCode.NISCC,
            "profession": Profession.SOCIAL_CARE_WORKER,
            "registration_number": "7001234",
            "renewal_date": None,
        },
    )
    grace = demo_user_update_or_create(
        email="manager@example.com",
        password=password,
        first_name="Grace",
        last_name="Okafor",
        **ordinary,
    )
    colleagues = [
        demo_colleague_load(password=password, **colleague) for colleague in DEMO_COLLEAGUES
    ]
    team, _ = Team.objects.get_or_create(name=DEMO_TEAM)
    team.members.add(asha, ciaran, *colleagues)
    team.managers.add(grace)
    demo_second_factor_reset(user=grace)

    tom = demo_user_update_or_create(
        email="editor@example.com",
        password=password,
        first_name="Tom",
        last_name="Hughes",
        **ordinary,
    )
    tom.groups.add(editor_group_get_or_create(home_page=home_page))
    alex = demo_user_update_or_create(
        email="admin@example.com",
        password=password,
        first_name="Alex",
        last_name="Morgan",
        is_staff=True,
        is_superuser=True,
    )
    demo_second_factor_reset(user=alex)
    return [
        DemoLogin("practitioner1@example.com", "Asha Patel", "Social worker (Social Work England)"),
        DemoLogin("practitioner2@example.com", "Ciarán Murphy", "Social care worker (NISCC)"),
        *(
            DemoLogin(c["email"], f"{c['first_name']} {c['last_name']}", c["role"])
            for c in DEMO_COLLEAGUES
        ),
        DemoLogin(
            "manager@example.com",
            "Grace Okafor",
            f"Manager of {DEMO_TEAM} (needs a code: manage.py demo_totp_code)",
        ),
        DemoLogin("editor@example.com", "Tom Hughes", "Content editor (Wagtail admin)"),
        DemoLogin(
            "admin@example.com",
            "Alex Morgan",
            "Administrator (superuser; needs a code: manage.py demo_totp_code)",
        ),
    ]
