"""A signal sent after commit: a failing receiver is logged, never the learner's error."""

import logging

import pytest
from django.dispatch import Signal

from core.signals import send_on_commit

pytestmark = pytest.mark.django_db


class Sender:
    pass


def test_a_failing_receiver_is_logged_and_the_others_still_hear_it(
    django_capture_on_commit_callbacks, caplog
):
    happened = Signal()
    heard = []

    def broken(sender, **kwargs):
        raise RuntimeError("progress could not be updated")

    def listening(sender, **kwargs):
        heard.append(kwargs)

    happened.connect(broken, weak=False)
    happened.connect(listening, weak=False)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_on_commit(happened, sender=Sender, user_id=7)
    assert heard == []  # nothing is sent before the commit
    with caplog.at_level(logging.ERROR, logger="core.signals"):
        callbacks[0]()
    assert heard == [{"signal": happened, "user_id": 7}]
    [record] = [r for r in caplog.records if r.name == "core.signals"]
    assert "broken" in record.getMessage() and record.exc_info[0] is RuntimeError
