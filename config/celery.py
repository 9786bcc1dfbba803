"""The Celery application and the one place where periodic schedules are declared."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("cpd")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Every periodic task the site runs is declared here, and only here.
app.conf.beat_schedule = {
    "delete-expired-exports": {
        "task": "reflections.tasks.exports_delete_expired",
        "schedule": crontab(hour=3, minute=20),
    },
}
