"""Run a real Celery worker against Redis for a test, sharing the test's database.

Used by the tests marked `celery_worker`; they skip on an in-memory SQLite database,
which another process cannot see (CI runs them on PostgreSQL).
"""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection

from config.celery import app as celery_app

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def redis_is_reachable():
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1).close()
    except OSError:
        return False
    return True


def require_redis():
    if not redis_is_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}")


def shared_database_url():
    """Return a DATABASE_URL for the test database, or skip when a worker cannot share it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        if connection.creation.is_in_memory_db(db["NAME"]):
            pytest.skip(
                "the SQLite test database is in memory, where a worker process cannot see "
                "it: run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpd"
            )
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    if connection.vendor != "postgresql":
        pytest.skip(f"no way to share a {connection.vendor} test database with a worker")
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    user = quote(db.get("USER") or "postgres", safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def forget_broker_connections(app):
    """Drop pooled broker connections so the next send uses the broker configured now.

    Celery's own after-fork clean-up does the same.
    """
    from kombu import pools

    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    # kombu keeps its own registry of pools by connection: without this, a task sent
    # later (even an eager one, which takes a producer too) can get a pool closed above.
    pools.reset()


@contextmanager
def tasks_sent_to(settings, broker_url):
    """Send tasks to this broker for a worker to run, rather than running them here.

    Celery reads its configuration from the Django settings the first time it is asked:
    the values to restore afterwards are read before the settings change.
    """
    conf = celery_app.conf
    saved = {"task_always_eager": conf.task_always_eager, "broker_url": conf.broker_url}
    settings.CELERY_TASK_ALWAYS_EAGER = False
    conf.task_always_eager = False
    conf.broker_url = broker_url
    forget_broker_connections(celery_app)
    celery_app.control.purge()
    try:
        yield celery_app
    finally:
        celery_app.control.purge()
        conf.update(saved)
        forget_broker_connections(celery_app)


def start_worker(tmp_path, name, *, broker_url, database_url, settings_source, env=None):
    """Start `celery worker` with settings built from `settings_source`; return the process.

    The process has a `log_path` attribute: the worker's output.
    """
    settings_dir = tmp_path / "worker_settings"
    settings_dir.mkdir(exist_ok=True)
    module = f"{name.replace('-', '_')}_worker_settings"
    (settings_dir / f"{module}.py").write_text(settings_source)
    base_dir = Path(django_settings.BASE_DIR)
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(settings_dir), str(base_dir)]),
        "DJANGO_SETTINGS_MODULE": module,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **(env or {}),
    }
    log_path = tmp_path / f"{name}.log"
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker",
        "--pool=solo", "--concurrency=1", "-Q", "celery",
        "--without-heartbeat", "--without-gossip", "--without-mingle",
        "--loglevel=INFO", "-n", f"{name}-{os.getpid()}@%h",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            command, cwd=base_dir, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
    worker.log_path = log_path
    return worker


def stop_worker(worker):
    if worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=5)


WAIT_SECONDS = 60


def wait_until(condition, worker, what, *, seconds=WAIT_SECONDS):
    """Wait for `condition()` to be true; fail with the worker's log if it stops first or
    `seconds` pass."""
    deadline = time.monotonic() + seconds
    while not condition():
        if worker.poll() is not None:
            pytest.fail(
                f"the worker stopped (exit {worker.returncode}):\n{worker.log_path.read_text()}"
            )
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not within {seconds} s:\n{worker.log_path.read_text()}")
        time.sleep(0.2)
