"""Reads about people: who someone is, their teams and their registration."""

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Registration, Team


def user_active_by_email(*, email: str):
    """Return the active user with this email address, ignoring case, or None."""
    return get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()


def user_sign_in_email(*, email: str) -> str:
    """Return the email address to authenticate with for what someone typed.

    People type their address in any case; the account holds one spelling. Returning the
    stored spelling lets sign-in ignore case, and gives the lockout one key per account,
    so changing the case of letters does not buy an attacker more attempts.
    """
    user = user_active_by_email(email=email)
    return user.email if user else email.strip().lower()


def registration_for_user(*, user) -> Registration | None:
    return Registration.objects.filter(user=user).first()


def teams_for_user(*, user) -> dict[str, list[Team]]:
    """Return the teams the user belongs to and the teams they manage."""
    return {
        "member_of": list(Team.objects.filter(members=user)),
        "manages": list(Team.objects.filter(managers=user)),
    }


def totp_device_confirmed(*, user) -> TOTPDevice | None:
    """Return the authenticator app the user has set up, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def recovery_codes_left(*, user) -> int:
    """Return how many unused recovery codes the user has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def managers_of_user(*, user) -> list:
    """Return the people who manage any team the user belongs to, by name, in one query."""
    return list(
        get_user_model()
        .objects.filter(managed_teams__members=user, is_active=True)
        .exclude(id=user.id)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )
