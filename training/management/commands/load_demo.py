"""manage.py load_demo: load the demo content and accounts (never in production)."""

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from accounts.api import demo_password
from training.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo regulators, standards, knowledge bites and accounts. Safe to run "
        "again. Accounts get the password in DEMO_PASSWORD (default: cpd-demo-password)."
    )

    def handle(self, *args, **options):
        if (settings.SETTINGS_MODULE or "").endswith(".production"):
            raise CommandError(
                "load_demo creates accounts with a known password, so it refuses to run "
                "with production settings. Use config.settings.dev."
            )
        summary = load_demo(password=demo_password())
        # Pages published now are indexed when the transaction commits; pages loaded by
        # an earlier run keep entries made with older search fields or stemming
        # (docs/decisions/0012-search.md), so index everything again (about a second).
        call_command("update_index", stdout=StringIO())
        self.stdout.write(self.style.SUCCESS("Demo loaded. Sign in with:"))
        for login in summary.logins:
            self.stdout.write(f"  {login.email:<28} {login.role}")
        self.stdout.write(
            "Password: the DEMO_PASSWORD environment variable, else cpd-demo-password."
        )
        for url in summary.bite_urls:
            self.stdout.write(f"  Knowledge bite: {url}")
