"""manage.py second_factor_reset EMAIL: for someone who lost their app and recovery codes."""

from django.core.management.base import BaseCommand, CommandError

from accounts.selectors import user_active_by_email
from accounts.services import second_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app and recovery codes, so that their next "
        "sign-in sets up a new app. Check who is asking first: it leaves only the password."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = user_active_by_email(email=email)
        if user is None:
            raise CommandError(f"No active account has the email address {email}.")
        removed = second_factor_reset(user=user)
        self.stdout.write(
            f"Removed {removed} device(s) of {user.email}: they set up a new app when they "
            "next sign in."
        )
