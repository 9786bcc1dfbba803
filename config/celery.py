"""The Celery application and the one place where periodic schedules are declared."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("cpd")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Every periodic task the site runs is declared here, and only here.
# Times are in CELERY_TIMEZONE (Europe/London), so they follow British Summer Time.
app.conf.beat_schedule = {
    "delete-expired-exports": {
        "task": "core.tasks.prepared_files_delete_expired",
        "schedule": crontab(hour=3, minute=20),
        "args": ("cpd-export",),
    },
    "delete-expired-report-files": {
        "task": "core.tasks.prepared_files_delete_expired",
        "schedule": crontab(minute=40),
        "args": ("training-report",),
    },
    "remind-learners-daily": {
        "task": "training.tasks.reminders_learners",
        "schedule": crontab(hour=7, minute=0),
    },
    "remind-managers-weekly": {
        "task": "training.tasks.reminders_managers",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
    },
    "refresh-team-summaries": {
        "task": "training.tasks.team_summaries_refresh",
        "schedule": crontab(minute="*/15"),
    },
}
