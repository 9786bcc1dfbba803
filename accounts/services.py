"""Writes about people: registrations, password reset emails, sign-in lockouts, and the
second factor (authenticator apps and recovery codes)."""

from collections.abc import Iterable
from datetime import date, datetime
from functools import partial

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Registration
from .selectors import user_active_by_email


def registration_update(
    *,
    user,
    regulator: str,
    profession: str,
    registration_number: str,
    renewal_date: date | None,
) -> Registration:
    """Record or replace the user's registration with their regulator."""
    registration = Registration.objects.filter(user=user).first() or Registration(user=user)
    registration.regulator = regulator
    registration.profession = profession
    registration.registration_number = registration_number
    registration.renewal_date = renewal_date
    registration.full_clean()
    registration.save()
    return registration


def password_reset_request(*, email: str, domain: str, use_https: bool) -> None:
    """Send a reset link to the active account with this email address, if there is one.

    Nothing tells the caller whether an account exists, so the page cannot be used to
    find out who has an account. The email is sent by a task once the transaction
    commits, which also keeps the response time the same whether or not it is sent.
    """
    # Imported here because tasks import this module.
    from .tasks import send_password_reset_email

    user = user_active_by_email(email=email)
    # As Django does: an account without a usable password signs in some other way.
    if user is None or not user.has_usable_password():
        return
    transaction.on_commit(
        partial(
            send_password_reset_email.delay,
            user_id=user.pk,
            domain=domain,
            use_https=use_https,
        )
    )


def password_reset_email_send(*, user_id: int, domain: str, use_https: bool) -> bool:
    """Email the user a single-use link to choose a new password.

    Return False, sending nothing, when the account has gone or been deactivated since the
    request was made.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "service_name": settings.SERVICE_NAME,
        "user": user,
        "reset_url": f"{'https' if use_https else 'http'}://{domain}{path}",
    }
    # A subject line must not contain newlines.
    subject = "".join(
        render_to_string("accounts/email/password_reset_subject.txt", context).splitlines()
    )
    body = render_to_string("accounts/email/password_reset_body.txt", context)
    send_mail(subject, body, None, [user.email])
    return True


def sign_in_failures_clear(*, email: str) -> None:
    """Forget failed sign-in attempts for this account, from every address."""
    axes_reset(username=email)


# The second factor --------------------------------------------------------------------

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


class WrongCode(Exception):
    """The code is not one the user's device accepts now."""


class TooManyWrongCodes(Exception):
    """Wrong codes came too fast: django-otp checks no other code before wait_until."""

    def __init__(self, wait_until: datetime):
        super().__init__(wait_until)
        self.wait_until = wait_until


def recovery_code_normalise(code: str) -> str:
    """Return a recovery code as it is stored: lower case, without spaces or hyphens."""
    return "".join(code.split()).replace("-", "").lower()


def _code_check(devices, code: str) -> Device:
    """Return the first of these devices if it accepts the code, else raise.

    The device row is locked while it checks, so two requests cannot both use one code,
    and a failure is committed (it counts towards django-otp's throttling) before the
    exception is raised.
    """
    wait_until = verified = None
    with transaction.atomic():
        device = devices.select_for_update().first()
        if device is not None:
            allowed, details = device.verify_is_allowed()
            if not allowed:
                wait_until = (details or {}).get("locked_until") or timezone.now()
            elif device.verify_token(code):
                verified = device
    if wait_until is not None:
        raise TooManyWrongCodes(wait_until)
    if verified is None:
        raise WrongCode
    return verified


def app_code_check(*, user, code: str) -> TOTPDevice:
    """Return the user's authenticator app if the code is its current one, else raise.

    Raise WrongCode, or TooManyWrongCodes while django-otp makes the user wait.
    """
    devices = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk")
    return _code_check(devices, code)


def recovery_code_use(*, user, code: str) -> StaticDevice:
    """Accept one of the user's recovery codes once (it is deleted), else raise."""
    devices = StaticDevice.objects.filter(user=user, confirmed=True).order_by("-pk")
    return _code_check(devices, recovery_code_normalise(code))


def app_set_up_start(*, user, device_id: int | None) -> TOTPDevice:
    """Return the unconfirmed app this set-up began with, or start one with a new key.

    A key belongs to one set-up (the caller keeps device_id in the session): a set-up
    started elsewhere, perhaps by someone who has learnt the password, never shows the
    key that this one goes on to confirm.
    """
    with transaction.atomic():
        device = (
            TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
            if device_id
            else None
        )
        if device is None:
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def app_set_up_confirm(*, user, device_id: int, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the app being set up once it shows a right code.

    Return the device and the user's new recovery codes, the only time they are readable.
    Raise WrongCode or TooManyWrongCodes otherwise.
    """
    pending = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False)
    device = _code_check(pending, code)
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = recovery_codes_replace(user=user)
    return device, codes


def recovery_codes_replace(*, user, codes: Iterable[str] | None = None) -> list[str]:
    """Replace the user's recovery codes and return the new ones.

    Only their stored form is kept, so the caller shows them once. ``codes`` sets them
    (the demo accounts' fixed codes); otherwise they are random.
    """
    if codes is None:
        new_codes: set[str] = set()
        while len(new_codes) < RECOVERY_CODE_COUNT:
            new_codes.add(StaticToken.random_token())
        codes = sorted(new_codes)
    else:
        codes = [recovery_code_normalise(code) for code in codes]
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        device = device or StaticDevice(user=user)
        device.name = RECOVERY_DEVICE_NAME
        device.confirmed = True
        device.throttle_reset(commit=False)
        device.save()
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return list(codes)


def second_factor_reset(*, user) -> int:
    """Remove the user's app and recovery codes, so their next sign-in sets up a new app.

    Return how many devices were removed.
    """
    with transaction.atomic():
        apps = TOTPDevice.objects.filter(user=user)
        recovery = StaticDevice.objects.filter(user=user)
        removed = apps.count() + recovery.count()
        apps.delete()
        recovery.delete()
    return removed
