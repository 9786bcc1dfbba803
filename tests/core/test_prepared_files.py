"""The prepared-file flow, once for every use of it (CPD exports and training report files).

Each test runs for both kinds: what is the same about them is tested here, once; what is
each use's own (its layouts, its rows, who keeps access) is in tests/reflections and
tests/training.
"""

import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from core import tasks
from core.prepared_files import kinds
from core.prepared_files.kinds import PreparedFileKind, kind_register
from core.prepared_files.models import PreparedFileStatus
from core.prepared_files.services import (
    prepared_file_name,
    prepared_file_render,
    prepared_file_request,
)
from reflections.exports.files import CPD_EXPORTS
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.reflections.factories import CompleteRecordFactory
from training.files import REPORT_FILES

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Use:
    kind: PreparedFileKind
    make_owner: Callable  # () -> a user who may ask for this kind of file
    fields: Callable  # owner -> what their request asks for
    sign_in: Callable  # (client, user) -> None


def _practitioner():
    user = UserFactory()
    RegistrationFactory(user=user)
    CompleteRecordFactory(owner=user, title="Boundaries and social media")
    return user


def _manager():
    manager = UserFactory()
    TeamFactory(members=[UserFactory()], managers=[manager])
    return manager


USES = {
    "cpd-export": Use(
        kind=CPD_EXPORTS,
        make_owner=_practitioner,
        fields=lambda owner: {"format": "csv", "layout": "swe", "record_ids": [], "options": {}},
        sign_in=lambda client, user: client.force_login(user),
    ),
    "training-report": Use(
        kind=REPORT_FILES,
        make_owner=_manager,
        fields=lambda owner: {
            "format": "csv",
            "team_ids": sorted(owner.managed_teams.values_list("id", flat=True)),
        },
        sign_in=verified_login,
    ),
}


@pytest.fixture(params=list(USES))
def use(request, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return USES[request.param]


def ask(use, owner, django_capture_on_commit_callbacks, *, execute=False):
    with django_capture_on_commit_callbacks(execute=execute) as callbacks:
        row = prepared_file_request(kind=use.kind, owner=owner, **use.fields(owner))
    return row, callbacks


def ready(use, owner):
    """A file asked for and prepared, as the task would, in this process."""
    row = use.kind.model.objects.create(
        owner=owner, expires_at=timezone.now() + use.kind.lifetime, **use.fields(owner)
    )
    return prepared_file_render(kind=use.kind, file_id=row.id)


def status_url(use, row):
    return reverse(use.kind.pages.status_url, args=[row.id])


def download_url(use, row):
    return reverse(use.kind.pages.download_url, args=[row.id])


def test_a_request_is_prepared_once_the_transaction_commits(
    use, django_capture_on_commit_callbacks
):
    owner = use.make_owner()
    row, callbacks = ask(use, owner, django_capture_on_commit_callbacks)
    assert len(callbacks) == 1
    assert use.kind.model.objects.get(id=row.id).status == PreparedFileStatus.PENDING
    callbacks[0]()
    row.refresh_from_db()
    assert row.status == PreparedFileStatus.DONE and row.file and row.finished_at
    assert row.expires_at == pytest.approx(row.created_at + use.kind.lifetime, abs=dt.timedelta(1))


def test_asking_again_while_it_is_prepared_gives_the_first_and_a_stuck_one_holds_nothing_back(
    use, django_capture_on_commit_callbacks
):
    owner = use.make_owner()
    first, _ = ask(use, owner, django_capture_on_commit_callbacks)
    second, callbacks = ask(use, owner, django_capture_on_commit_callbacks)
    assert second.id == first.id and callbacks == []
    # Stuck for over an hour (its worker lost): asking again starts a new file.
    use.kind.model.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    third, callbacks = ask(use, owner, django_capture_on_commit_callbacks)
    assert third.id != first.id and len(callbacks) == 1


def test_only_its_owner_gets_the_status_page_and_the_file(client, use):
    owner, someone_else = use.make_owner(), use.make_owner()
    row = ready(use, owner)
    use.sign_in(client, someone_else)
    assert client.get(status_url(use, row)).status_code == 404
    assert client.get(download_url(use, row)).status_code == 404
    use.sign_in(client, owner)
    page = client.get(status_url(use, row))
    assert page.status_code == 200
    assert f'href="{download_url(use, row)}"' in page.content.decode()
    assert client.get(download_url(use, row)).status_code == 200


def test_nothing_about_a_file_is_cached(client, use):
    owner = use.make_owner()
    row = ready(use, owner)
    use.sign_in(client, owner)
    download = client.get(download_url(use, row))
    assert download["Cache-Control"] == "no-store"
    assert download["Content-Disposition"].startswith("attachment; ")
    assert client.get(status_url(use, row))["Cache-Control"] == "no-store"
    use.kind.model.objects.filter(id=row.id).update(expires_at=timezone.now())
    assert client.get(status_url(use, row))["Cache-Control"] == "no-store"


def test_a_waiting_file_says_so_asks_again_by_script_and_its_link_leads_back(
    client, use, django_capture_on_commit_callbacks
):
    owner = use.make_owner()
    row, _ = ask(use, owner, django_capture_on_commit_callbacks)
    use.sign_in(client, owner)
    html = client.get(status_url(use, row)).content.decode()
    assert str(use.kind.pages.waiting_title) in html and "Check again" in html
    # The page asks again by script and never reloads itself (WCAG 2.2.1, failure F41).
    assert 'data-wait-for-file data-state="waiting"' in html and "wait-for-file.mjs" in html
    assert 'http-equiv="refresh"' not in html
    early = client.get(download_url(use, row))
    assert early["Location"] == status_url(use, row) and early["Cache-Control"] == "no-store"


def test_an_expired_file_is_gone_with_a_way_to_ask_again_and_is_deleted_by_beat(client, use):
    owner = use.make_owner()
    old, fresh = ready(use, owner), ready(use, owner)
    path = old.file.path
    use.kind.model.objects.filter(id=old.id).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    use.sign_in(client, owner)
    for url in (status_url(use, old), download_url(use, old)):
        response = client.get(url)
        assert response.status_code == 410
        html = response.content.decode()
        assert str(use.kind.pages.gone_title) in html
        assert f'href="{reverse(use.kind.pages.again_url)}"' in html

    assert tasks.prepared_files_delete_expired.delay(use.kind.name).get() == 1

    assert list(use.kind.model.objects.values_list("id", flat=True)) == [fresh.id]
    assert not os.path.exists(path) and os.path.exists(fresh.file.path)
    schedule = celery_app.conf.beat_schedule.values()
    assert any(
        entry["task"] == "core.tasks.prepared_files_delete_expired"
        and entry["args"] == (use.kind.name,)
        for entry in schedule
    )


def test_rendering_twice_leaves_one_file_and_replaces_a_killed_runs_leftover(use):
    owner = use.make_owner()
    row = use.kind.model.objects.create(
        owner=owner, expires_at=timezone.now() + use.kind.lifetime, **use.fields(owner)
    )
    folder = row.file.storage.path(row.file.field.generate_filename(row, "x")).rsplit("/", 1)[0]
    leftover = os.path.join(folder, prepared_file_name(kind=use.kind, row=row))
    os.makedirs(folder)
    with open(leftover, "wb") as handle:
        handle.write(b"half a file")
    use.kind.model.objects.filter(id=row.id).update(status=PreparedFileStatus.RUNNING)

    first = prepared_file_render(kind=use.kind, file_id=row.id)
    second = prepared_file_render(kind=use.kind, file_id=row.id)

    assert os.listdir(folder) == [os.path.basename(leftover)]
    with open(leftover, "rb") as handle:
        assert handle.read().startswith(b"\xef\xbb\xbf")  # the CSV, not the leftover
    assert second.finished_at == first.finished_at and second.file.name == first.file.name


def test_a_failure_marks_the_file_failed_and_its_page_offers_to_try_again(client, use, monkeypatch):
    owner = use.make_owner()
    row = use.kind.model.objects.create(
        owner=owner, expires_at=timezone.now() + use.kind.lifetime, **use.fields(owner)
    )

    def broken(row, stream):
        raise ValueError("a bug")

    monkeypatch.setitem(kinds._KINDS, use.kind.name, dataclasses.replace(use.kind, write=broken))
    with pytest.raises(ValueError):
        tasks.prepared_file_render.delay(use.kind.name, row.id)
    row.refresh_from_db()
    assert row.status == PreparedFileStatus.FAILED
    use.sign_in(client, owner)
    html = client.get(status_url(use, row)).content.decode()
    assert str(use.kind.pages.failed_title) in html and "Try again" in html
    assert f'href="{reverse(use.kind.pages.again_url)}"' in html
    assert "wait-for-file.mjs" not in html


def test_a_storage_error_is_retried_and_only_the_last_try_marks_the_file_failed(use, monkeypatch):
    owner = use.make_owner()
    row = use.kind.model.objects.create(
        owner=owner, expires_at=timezone.now() + use.kind.lifetime, **use.fields(owner)
    )

    tries = []

    def disk_full(row, stream):
        tries.append(use.kind.model.objects.get(id=row.id).status)
        raise OSError("No space left on device")

    monkeypatch.setitem(kinds._KINDS, use.kind.name, dataclasses.replace(use.kind, write=disk_full))
    # Run eagerly without propagating, Celery runs each retry at once until the last.
    monkeypatch.setitem(celery_app.conf, "task_eager_propagates", False)
    result = tasks.prepared_file_render.apply(args=[use.kind.name, row.id])
    assert result.state == "FAILURE" and isinstance(result.result, OSError)
    assert len(tries) == 1 + tasks.prepared_file_render.max_retries
    assert set(tries) == {PreparedFileStatus.RUNNING}  # not failed before the last try
    assert use.kind.model.objects.get(id=row.id).status == PreparedFileStatus.FAILED


def test_the_task_acknowledges_late_and_is_requeued_when_its_worker_is_lost():
    assert tasks.prepared_file_render.acks_late is True
    assert tasks.prepared_file_render.reject_on_worker_lost is True


def test_two_kinds_cannot_share_a_name():
    with pytest.raises(ValueError, match="two prepared-file kinds"):
        kind_register(dataclasses.replace(CPD_EXPORTS))
    assert kinds.kind_named("cpd-export") is CPD_EXPORTS


def test_the_stored_name_is_fixed_per_file_and_not_guessable_from_its_id(use):
    owner = use.make_owner()
    row, other = ready(use, owner), ready(use, owner)
    name = prepared_file_name(kind=use.kind, row=row)
    assert row.file.name.endswith(name) and name == prepared_file_name(kind=use.kind, row=row)
    tokens = [
        prepared_file_name(kind=use.kind, row=r).rsplit(".", 1)[0].rsplit("-", 1)[1]
        for r in (row, other)
    ]
    assert all(len(t) == 24 and int(t, 16) >= 0 for t in tokens) and tokens[0] != tokens[1]
