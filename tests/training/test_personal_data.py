"""'Download all my data': every kind of data, readable, the owner's only, in a ZIP."""

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from learning import api as learning_api
from learning.services import bite_mark_read
from quizzes.services import attempt_answer_save, attempt_start, attempt_submit
from tests.accounts.factories import RegistrationFactory, UserFactory
from tests.reflections.factories import CompleteRecordFactory, ExportFactory, RecordFactory
from training.models import Completion
from training.personal_data import KINDS, personal_data, personal_data_zip, to_json
from training.services import assignment_create

pytestmark = pytest.mark.django_db

CANARY = "I learnt to check who can see my posts."
# Registration, completions, progress, assignments, reminders; reads; attempts and their
# answers; records, which standards each cites, the standards and their frameworks, exports.
PERSONAL_DATA_QUERIES = 13


def committed():
    return TestCase.captureOnCommitCallbacks(execute=True)


def take_quiz(user, quiz, *, wrong_first=True):
    """Submit an attempt: the first question answered with "Wrong", the rest as keyed."""
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    for number, question in enumerate(attempt.snapshot["questions"]):
        if question["type"] == "situational_judgement":
            ratings = {o["id"]: o["expert_rating"] for o in question["options"]}
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], ratings=ratings
            )
            continue
        chosen = [o["id"] for o in question["options"] if o["correct"]]
        if number == 0 and wrong_first:
            chosen = [o["id"] for o in question["options"] if o["text"] == "Wrong"]
        attempt_answer_save(
            attempt_id=attempt.id, user=user, question_id=question["id"], selected=chosen
        )
    with committed():
        attempt_submit(attempt_id=attempt.id, user=user)
    return attempt


def practitioner(module, content, team, *, records=1, attempts=1):
    """A practitioner who has done a bit of everything the download covers."""
    user = team.members[0]
    RegistrationFactory(user=user, registration_number="SW000123")
    assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=timezone.localdate() + dt.timedelta(days=3),
    )
    with committed():
        bite_mark_read(user=user, bite_id=content.bite.id)
    for _ in range(attempts):
        take_quiz(user, module.quiz)
    Completion.of_module(
        user_id=user.id,
        module=module,
        completed_at=timezone.now() - dt.timedelta(days=400),
        completed_on=timezone.localdate() - dt.timedelta(days=400),
        quiz_percent=Decimal(80),
    ).save()
    first = CompleteRecordFactory(owner=user, title="Boundaries", learning=CANARY)
    for record in [first, *CompleteRecordFactory.create_batch(records - 1, owner=user)]:
        record.standards.set([content.social_media, content.conduct])
    RecordFactory(owner=user, title="A draft still")
    ExportFactory(owner=user, layout="niscc", format="pdf")
    return user


def someone_else(content):
    other = UserFactory(email="other@example.com")
    CompleteRecordFactory(owner=other, title="Someone else's record", learning="NOT MINE")
    with committed():
        bite_mark_read(user=other, bite_id=content.bite.id)
    return other


def test_every_kind_of_data_is_there_and_readable(module, content, team):
    user = practitioner(module, content, team)
    data = json.loads(to_json(personal_data(user=user)))
    assert list(data) == [name for name, _description in KINDS]

    assert data["profile"]["email"] == user.email
    assert data["profile"]["registration"]["registration_number"] == "SW000123"
    assert data["profile"]["registration"]["regulator"] == "Social Work England"

    (assignment,) = data["training_assignments"]
    assert assignment["module"] == "Social media and professional boundaries"
    assert assignment["team"] == "Children's services team A"
    assert assignment["status"] == "In progress"  # read and quiz done, no reflection yet
    assert assignment["due_date"] == str(timezone.localdate() + dt.timedelta(days=3))

    (completion,) = data["training_completions"]
    assert completion["module"] == "Social media and professional boundaries"
    assert completion["expires_on"]  # a 12-month refresher

    assert [read["bite"] for read in data["bite_reads"]] == [content.bite.title]

    (attempt,) = data["quiz_attempts"]
    assert attempt["quiz"] == module.quiz.title and attempt["status"] == "Submitted"
    assert attempt["passed"] is False  # 2 out of 3 is under the 70% pass mark
    first = attempt["questions"][0]
    assert first["question"] == "Which is best?"
    assert first["your_answer"] == ["Wrong"]  # the option's text, not its id
    assert first["right_answer"] == ["Right"]
    assert first["score"] == 0.0

    records = {record["title"]: record for record in data["reflective_records"]}
    assert set(records) == {"Boundaries", "A draft still"}
    boundaries = records["Boundaries"]
    assert boundaries["what_i_learnt"] == CANARY
    assert boundaries["status"] == "Complete" and boundaries["type_of_activity"] == "Reading"
    labels = learning_api.standard_labels([content.social_media.id, content.conduct.id])
    assert boundaries["standards"] == list(labels.values())  # in full, in tree order
    assert records["A draft still"]["standards"] == []

    (export,) = data["cpd_exports"]
    assert export["layout"] == "NISCC PRTL summary" and export["format"] == "PDF document"
    assert export["status"] == "Waiting to start"


def test_another_users_data_is_never_included(module, content, team):
    user = practitioner(module, content, team)
    other = someone_else(content)
    take_quiz(other, module.quiz, wrong_first=False)
    archive = zipfile.ZipFile(io.BytesIO(personal_data_zip(user=user)))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert CANARY.encode() in everything
    assert b"NOT MINE" not in everything and b"Someone else" not in everything
    assert other.email.encode() not in everything
    data = personal_data(user=user)
    assert len(data["quiz_attempts"]) == 1 and len(data["bite_reads"]) == 1


def test_the_download_is_a_zip_of_json_and_csv_with_a_readme(client, module, content, team):
    user = practitioner(module, content, team)
    client.force_login(user)
    response = client.get(reverse("training:my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="my-cpd-data-')
    assert response["Cache-Control"] == "no-store"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    readme = archive.read("README.txt").decode()
    assert user.email in readme and timezone.localdate().strftime("%Y") in readme
    for name, _description in KINDS:
        assert f"{name}.json" in names and f"{name}.csv" in names
        assert f"{name}.json, {name}.csv: " in readme  # says what each file holds
    attempts = json.loads(archive.read("quiz_attempts.json"))
    assert attempts[0]["questions"][0]["your_answer"] == ["Wrong"]
    rows = list(csv.DictReader(io.StringIO(archive.read("quiz_attempts.csv").decode("utf-8-sig"))))
    assert len(rows) == 3  # one row per question
    assert rows[0]["question your_answer"] == "Wrong"
    assert rows[0]["question right_answer"] == "Right"


def test_the_address_is_the_one_practitioners_already_use(client):
    assert reverse("training:my_data") == "/reflections/my-data/"
    response = client.get("/reflections/my-data/")
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_a_formula_in_a_record_is_neutralised_in_its_csv(module, content, team):
    user = practitioner(module, content, team)
    CompleteRecordFactory(owner=user, title='=HYPERLINK("http://evil.example","Click")')
    archive = zipfile.ZipFile(io.BytesIO(personal_data_zip(user=user)))
    rows = list(
        csv.DictReader(io.StringIO(archive.read("reflective_records.csv").decode("utf-8-sig")))
    )
    titles = [row["title"] for row in rows]
    assert '\'=HYPERLINK("http://evil.example","Click")' in titles
    assert rows[0]["peer_reflection: discussed_with"] == ""  # nested fields get a column each


@pytest.mark.parametrize("size", [1, 20])
def test_the_same_queries_for_1_and_20_records(
    module, content, team, size, django_assert_num_queries
):
    user = practitioner(module, content, team, records=size, attempts=1 if size == 1 else 2)
    with django_assert_num_queries(PERSONAL_DATA_QUERIES):
        data = personal_data(user=user)
    assert len(data["reflective_records"]) == size + 1
