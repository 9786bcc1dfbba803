"""Writes about people: registrations, password reset emails, sign-in lockouts."""

from datetime import date
from functools import partial

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

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
