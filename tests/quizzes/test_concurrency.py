"""Five concurrent submissions of one attempt record exactly one result (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from quizzes.models import Answer, Attempt, AttemptStatus
from quizzes.services import attempt_start, attempt_submit
from tests.quizzes.conftest import answer_everything

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs row locks: run with DATABASE_URL on PostgreSQL"
)
def test_five_concurrent_submissions_record_exactly_one_result(quiz, learner):
    attempt = attempt_start(user=learner, quiz_id=quiz.id)
    answer_everything(attempt, learner)
    barrier = threading.Barrier(5)
    outcomes, errors = [], []

    def submit():
        try:
            barrier.wait(timeout=10)
            outcomes.append(attempt_submit(attempt_id=attempt.id, user=learner).newly_submitted)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes) == [False, False, False, False, True]
    assert Answer.objects.filter(attempt=attempt).count() == len(attempt.snapshot["questions"])
    assert Attempt.objects.get(id=attempt.id).status == AttemptStatus.SUBMITTED
