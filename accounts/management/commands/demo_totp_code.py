"""manage.py demo_totp_code [EMAIL]: print the code a demo account's authenticator app shows now."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from accounts.demo import DEMO_SECOND_FACTOR_EMAILS, DEMO_TOTP_KEY
from accounts.selectors import totp_device_confirmed, user_active_by_email


class Command(BaseCommand):
    help = (
        "Print the current 6-digit code of a demo account's authenticator app "
        f"({', '.join(DEMO_SECOND_FACTOR_EMAILS)}), so you can sign in without one. "
        "Never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="?", default=DEMO_SECOND_FACTOR_EMAILS[0])

    def handle(self, *args, email, **options):
        if (settings.SETTINGS_MODULE or "").endswith(".production"):
            raise CommandError("demo_totp_code only runs outside production settings.")
        if email.strip().lower() not in DEMO_SECOND_FACTOR_EMAILS:
            raise CommandError(
                f"{email} is not a demo account with an app: use one of "
                f"{', '.join(DEMO_SECOND_FACTOR_EMAILS)}."
            )
        user = user_active_by_email(email=email)
        device = totp_device_confirmed(user=user) if user else None
        # Only the published demo key: never print the code of an app someone set up.
        if device is None or device.bin_key != DEMO_TOTP_KEY:
            raise CommandError(f"{email} has no demo app: run `manage.py load_demo` first.")
        now = time.time()
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        seconds_left = device.step - int(now - device.t0) % device.step
        self.stdout.write(f"{code:0{device.digits}d}")
        self.stderr.write(
            f"The code for {user.email} changes in {seconds_left} seconds; each code works once."
        )
