"""An export survives its worker being killed: late acknowledgement hands the task to the
next worker, and the idempotent task leaves exactly one finished export and one file.

Needs Redis at 127.0.0.1:6379 and a database the worker can share with the test: run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpd \\
        .venv/bin/pytest tests/reflections/test_exports_worker.py -m celery_worker -p no:xdist
"""

import os
import re
import signal

import pytest

from core.prepared_files.services import prepared_file_name
from reflections import services
from reflections.exports.files import CPD_EXPORTS
from reflections.models import Export, ExportStatus
from tests.accounts.factories import RegistrationFactory, UserFactory
from tests.celery_worker import (
    require_redis,
    shared_database_url,
    start_worker,
    stop_worker,
    tasks_sent_to,
    wait_until,
)
from tests.reflections.factories import CompleteRecordFactory

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

# A Redis database of its own, apart from the accounts worker test's.
BROKER_URL = "redis://127.0.0.1:6379/14"
# The killed worker's message comes back once it has been unacknowledged this long.
VISIBILITY_TIMEOUT = 3
WORKER_SETTINGS = f"""\
import os

from config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
MEDIA_ROOT = os.environ["EXPORT_TEST_MEDIA_ROOT"]
PREPARED_FILE_TEST_DELAY_SECONDS = float(os.environ.get("EXPORT_TEST_DELAY_SECONDS", "0"))
CELERY_BROKER_TRANSPORT_OPTIONS = {{
    "visibility_timeout": {VISIBILITY_TIMEOUT},
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}}
"""


@pytest.fixture
def celery_on_test_broker(settings):
    with tasks_sent_to(settings, BROKER_URL) as app:
        yield app


def start_export_worker(tmp_path, name, *, database_url, media_root, delay):
    return start_worker(
        tmp_path,
        f"exports-{name}",
        broker_url=BROKER_URL,
        database_url=database_url,
        settings_source=WORKER_SETTINGS,
        env={"EXPORT_TEST_MEDIA_ROOT": str(media_root), "EXPORT_TEST_DELAY_SECONDS": str(delay)},
    )


def wait_for_status(export_id, status, worker):
    wait_until(
        lambda: Export.objects.filter(id=export_id, status=status).exists(),
        worker,
        f"export {status}",
    )


def wait_for_log(worker, text, *, times=1):
    wait_until(
        lambda: worker.log_path.read_text().count(text) >= times,
        worker,
        f"{text!r} logged {times} times",
    )


def task_ids(worker):
    return re.findall(r"prepared_file_render\[([0-9a-f-]+)\] received", worker.log_path.read_text())


def test_an_export_whose_worker_is_killed_finishes_once_on_the_next_worker(tmp_path, request):
    require_redis()
    database_url = shared_database_url()
    celery_app = request.getfixturevalue("celery_on_test_broker")
    media_root = tmp_path / "media"
    owner = UserFactory()
    RegistrationFactory(user=owner)
    CompleteRecordFactory.create_batch(3, owner=owner)

    first = start_export_worker(
        tmp_path, "first", database_url=database_url, media_root=media_root, delay=60
    )
    second = None
    try:
        export = services.export_request(owner=owner, format="pdf", layout="swe")
        wait_for_status(export.id, ExportStatus.RUNNING, first)
        os.kill(first.pid, signal.SIGKILL)  # mid-export: the task is never acknowledged
        first.wait(timeout=10)
        assert Export.objects.get(id=export.id).status == ExportStatus.RUNNING

        second = start_export_worker(
            tmp_path, "second", database_url=database_url, media_root=media_root, delay=0
        )
        wait_for_status(export.id, ExportStatus.DONE, second)
        # Run it once more, as a redelivery would: a finished export is left alone.
        finished_at = Export.objects.get(id=export.id).finished_at
        celery_app.send_task("core.tasks.prepared_file_render", args=[CPD_EXPORTS.name, export.id])
        wait_for_log(second, "succeeded", times=2)
    finally:
        stop_worker(first)
        if second is not None:
            stop_worker(second)

    # The second worker ran the very message the first was killed running.
    assert task_ids(first) == task_ids(second)[:1]
    export = Export.objects.get(id=export.id)
    assert Export.objects.filter(status=ExportStatus.DONE).count() == 1
    assert export.finished_at == finished_at
    files = list((media_root / "exports" / str(owner.id)).iterdir())
    assert [f.name for f in files] == [prepared_file_name(kind=CPD_EXPORTS, row=export)]
    assert files[0].read_bytes().startswith(b"%PDF")
