"""The organisation's report file is prepared by a real Celery worker on Redis, after the
request's transaction commits, and a redelivered task leaves the one file it made.

Needs Redis at 127.0.0.1:6379 and a database the worker can share with the test: run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpd \\
        .venv/bin/pytest tests/training/test_report_files_worker.py -m celery_worker -p no:xdist
"""

import csv
import datetime as dt
import io
import os

import pytest
from django.utils import timezone

from core.prepared_files.models import PreparedFileStatus
from core.prepared_files.services import prepared_file_name
from tests.accounts.factories import TeamFactory, UserFactory
from tests.celery_worker import (
    require_redis,
    shared_database_url,
    start_worker,
    stop_worker,
    tasks_sent_to,
    wait_until,
)
from training import services
from training.files import REPORT_FILES
from training.models import ReportFile

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

# A Redis database of its own, apart from the other worker tests' (14 and 15).
BROKER_URL = "redis://127.0.0.1:6379/13"
WORKER_SETTINGS = """\
import os

from config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
MEDIA_ROOT = os.environ["REPORT_TEST_MEDIA_ROOT"]
"""


def test_a_worker_prepares_the_file_once(tmp_path, settings, module):
    require_redis()
    database_url = shared_database_url()
    media_root = tmp_path / "media"
    settings.MEDIA_ROOT = media_root
    admin = UserFactory(is_superuser=True)
    teams = [TeamFactory(members=[UserFactory(), UserFactory()]) for _ in range(3)]
    for team in teams:
        services.assignment_create(
            actor=admin,
            team_id=team.id,
            module_id=module.id,
            due_date=timezone.localdate() + dt.timedelta(days=7),
        )
    with tasks_sent_to(settings, BROKER_URL) as celery_app:
        worker = start_worker(
            tmp_path,
            "report-files",
            broker_url=BROKER_URL,
            database_url=database_url,
            settings_source=WORKER_SETTINGS,
            env={"REPORT_TEST_MEDIA_ROOT": str(media_root)},
        )
        try:
            download = services.report_file_request(
                user=admin, team_ids=[t.id for t in teams], format="csv"
            )

            def done():
                return ReportFile.objects.filter(
                    id=download.id, status=PreparedFileStatus.DONE
                ).exists()

            wait_until(done, worker, "the file")
            finished_at = ReportFile.objects.get(id=download.id).finished_at
            # Sent again, as a redelivery would be: the finished file is left alone.
            celery_app.send_task(
                "core.tasks.prepared_file_render", args=[REPORT_FILES.name, download.id]
            )
            wait_until(
                lambda: worker.log_path.read_text().count("succeeded") >= 2, worker, "a rerun"
            )
        finally:
            stop_worker(worker)

    download = ReportFile.objects.get(id=download.id)
    assert download.finished_at == finished_at
    folder = media_root / "training-reports" / str(admin.id)
    assert os.listdir(folder) == [prepared_file_name(kind=REPORT_FILES, row=download)]
    text = (folder / os.listdir(folder)[0]).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6 and {row["Module"] for row in rows} == {module.title}
