"""Second-factor helpers for tests: sign in verified, make an app, read its current code."""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_for(user) -> TOTPDevice:
    """Return the user's confirmed authenticator app, setting one up if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)


def code_for(device, *, steps=0) -> str:
    """Return the code the app shows now, or ``steps`` 30-second steps from now."""
    counter = int((time.time() - device.t0) // device.step) + device.drift + steps
    return f"{hotp(device.bin_key, counter, device.digits):0{device.digits}d}"


def verified_login(client, user) -> TOTPDevice:
    """Sign the user in with the test client, as if they had just given a right code.

    The session stores the verifying device the way django_otp.login() does, so
    OTPMiddleware marks request.user verified.
    """
    client.force_login(user)
    device = app_for(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
