"""The second step of signing in: who is part-way through it, where it goes next, and how
an authenticator app's key is shown.

After a right password, someone who needs a second factor is not signed in yet: the
session only remembers, for ten minutes, whose password it was. They are signed in once
their code is right. Someone already signed in without one (through the Wagtail admin's
own sign-in form, say) passes the same step to be marked verified.
"""

import time
import xml.etree.ElementTree as ET
from base64 import b32encode
from urllib.parse import urlencode

import qrcode
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from qrcode.image.svg import SvgPathImage

from .selectors import totp_device_confirmed

PENDING_SESSION_KEY = "accounts.second_factor.pending"
SET_UP_DEVICE_SESSION_KEY = "accounts.second_factor.set_up_device"
NEW_RECOVERY_CODES_SESSION_KEY = "accounts.second_factor.new_recovery_codes"
PENDING_SECONDS = 10 * 60
KEY_GROUP = 4
QR_CODE_PIXELS = 200


def pending_sign_in_start(request, *, user) -> None:
    """Remember that this session gave the user's right password, for PENDING_SECONDS.

    ``user`` comes from authenticate(), which names the backend that accepted it.
    """
    # A new session key, so a session id planted before the password was typed is no use.
    request.session.cycle_key()
    request.session[PENDING_SESSION_KEY] = {
        "user_id": str(user.pk),
        "backend": user.backend,
        # A password change since then ends the pending sign-in.
        "auth_hash": user.get_session_auth_hash(),
        "started": int(time.time()),
    }


def pending_sign_in_clear(request) -> None:
    request.session.pop(PENDING_SESSION_KEY, None)
    request.session.pop(SET_UP_DEVICE_SESSION_KEY, None)


def pending_user(request):
    """Return the user whose right password this session gave recently, or None."""
    pending = request.session.get(PENDING_SESSION_KEY)
    if not isinstance(pending, dict):
        return None
    user = None
    if time.time() - pending.get("started", 0) <= PENDING_SECONDS:
        user = get_user_model().objects.filter(pk=pending.get("user_id"), is_active=True).first()
    if user is None or not constant_time_compare(
        user.get_session_auth_hash(), pending.get("auth_hash", "")
    ):
        pending_sign_in_clear(request)
        return None
    user.backend = pending["backend"]
    return user


def user_to_verify(request):
    """Return (the user this step is for, whether their sign-in is pending).

    A pending sign-in comes first: it is the latest password typed in this browser. Return
    (None, False) when there is no one: not signed in and no password given.
    """
    user = pending_user(request)
    if user is not None:
        return user, True
    if request.user.is_authenticated:
        return request.user, False
    return None, False


def sign_in_complete(request, *, user, device, pending: bool) -> None:
    """Sign the user in (if pending) and mark the session verified by this device."""
    if pending:
        # django-otp's user_logged_in receiver stores the device in the session, and
        # django-axes's clears the account's failed sign-ins.
        user.otp_device = device
        auth_login(request, user, backend=user.backend)
    else:
        request.session.cycle_key()
        otp_login(request, device)
    pending_sign_in_clear(request)


def safe_next(request) -> str:
    """Return the ?next= address if it is on this site, else an empty string."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def next_or_home(request) -> str:
    return safe_next(request) or resolve_url(settings.LOGIN_REDIRECT_URL)


def step_url(name: str, next_url: str = "") -> str:
    """Return the URL of an accounts view, carrying next_url along when there is one."""
    url = reverse(f"accounts:{name}")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def first_step_name(user) -> str:
    """Return the step the user starts with: the code, or setting up an app."""
    return "second_factor_code" if totp_device_confirmed(user=user) else "second_factor_set_up"


def second_factor_redirect(request, next_url: str | None = None) -> HttpResponseRedirect:
    """Send the signed-in user to the second-factor step, then back to next_url."""
    next_url = request.get_full_path() if next_url is None else next_url
    return HttpResponseRedirect(step_url(first_step_name(request.user), next_url))


def key_for_typing(device) -> str:
    """Return the app's key in base32, as authenticator apps take it, in groups of four."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + KEY_GROUP] for i in range(0, len(key), KEY_GROUP))


def qr_code_svg(device, *, title: str) -> str:
    """Return an inline SVG QR code of the app's otpauth:// address.

    It has role="img" and a <title>, so screen readers announce it, and no style attribute,
    which the site's Content Security Policy would refuse.
    """
    svg = qrcode.make(device.config_url, image_factory=SvgPathImage, border=4).get_image()
    for attribute, value in {
        "width": str(QR_CODE_PIXELS),
        "height": str(QR_CODE_PIXELS),
        "role": "img",
        "aria-labelledby": "qr-code-title",
        "class": "app-qr-code",
        "focusable": "false",
    }.items():
        svg.set(attribute, value)
    for path in svg.iter("path"):
        # qrcode names it "qr-path"; an id is not needed, and must not repeat on a page.
        path.attrib.pop("id", None)
    title_element = ET.Element("title", {"id": "qr-code-title"})
    title_element.text = str(title)
    # A light background behind the dark squares, whatever colour the page around it is.
    background = ET.Element("rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    svg[:0] = [title_element, background]
    return ET.tostring(svg, encoding="unicode")
