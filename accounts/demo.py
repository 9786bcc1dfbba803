"""Demo people: two practitioners in a team, their manager, an editor and an administrator.

Every account shares one password: DEMO_PASSWORD from the environment, or
DEFAULT_DEMO_PASSWORD. Running the loader again updates the accounts in place and resets
their passwords; it never creates duplicates.
"""

import os
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from .models import Profession, Registration, Regulator, Team, User
from .permissions import EDITOR_GROUP

DEFAULT_DEMO_PASSWORD = "cpd-demo-password"  # noqa: S105 - a documented demo-only default
DEMO_TEAM = "Children's services team A"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


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
            "regulator": Regulator.SOCIAL_WORK_ENGLAND,
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
            "regulator": Regulator.NISCC,
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
    team, _ = Team.objects.get_or_create(name=DEMO_TEAM)
    team.members.add(asha, ciaran)
    team.managers.add(grace)

    tom = demo_user_update_or_create(
        email="editor@example.com",
        password=password,
        first_name="Tom",
        last_name="Hughes",
        **ordinary,
    )
    tom.groups.add(editor_group_get_or_create(home_page=home_page))
    demo_user_update_or_create(
        email="admin@example.com",
        password=password,
        first_name="Alex",
        last_name="Morgan",
        is_staff=True,
        is_superuser=True,
    )
    return [
        DemoLogin("practitioner1@example.com", "Asha Patel", "Social worker (Social Work England)"),
        DemoLogin("practitioner2@example.com", "Ciarán Murphy", "Social care worker (NISCC)"),
        DemoLogin("manager@example.com", "Grace Okafor", f"Manager of {DEMO_TEAM}"),
        DemoLogin("editor@example.com", "Tom Hughes", "Content editor (Wagtail admin)"),
        DemoLogin("admin@example.com", "Alex Morgan", "Administrator (superuser)"),
    ]
