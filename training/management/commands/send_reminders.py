"""manage.py send_reminders learners|managers [--date YYYY-MM-DD]: send reminders now.

Runs the same service as the beat task, in this process. Anyone already reminded that
day is skipped, so running it after the task (or twice) sends nothing twice.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from training.reminders import ReminderSendError, reminders_send_learners, reminders_send_managers

SERVICES = {"learners": reminders_send_learners, "managers": reminders_send_managers}


def iso_date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Send the reminder emails now: 'learners' (training overdue or due within 7 days) "
        "or 'managers' (each manager's weekly digest of their teams' overdue training)."
    )

    def add_arguments(self, parser):
        parser.add_argument("who", choices=sorted(SERVICES))
        parser.add_argument(
            "--date",
            type=iso_date,
            default=None,
            help="Send as if today were this date (YYYY-MM-DD); defaults to today.",
        )

    def handle(self, *args, who, date, **options):
        try:
            sent = SERVICES[who](today=date)
        except ReminderSendError as error:
            raise CommandError(
                f"{error.failed} reminder email(s) to {who} could not be sent "
                f"({error.sent} sent): run the command again to retry them."
            ) from error
        self.stdout.write(f"Sent {sent} reminder email{'' if sent == 1 else 's'} to {who}.")
