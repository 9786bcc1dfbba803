import pytest

from quizzes.services import attempt_answer_save, attempt_start, attempt_submit
from reflections.models import Record, RecordStatus
from reflections.services import (
    CompletionBlocked,
    RecordNotFound,
    StaleRecord,
    record_complete,
    record_save,
    record_share,
    record_start,
    records_delete_all,
)
from tests.accounts.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory, single
from tests.reflections.factories import RecordFactory

pytestmark = pytest.mark.django_db

COMPLETE = {
    "title": "Social media boundaries",
    "activity_type": "reading",
    "hours": 1,
    "description": "I read the bite.",
    "learning": "Friend requests from people I supported are a boundary issue.",
    "impact": "I will decline them and tell my manager.",
}


def test_a_record_started_from_a_bite_is_prefilled_with_it_and_its_standards(content):
    user = UserFactory()
    record = record_start(owner=user, bite_id=content.bite.id)
    assert record.status == RecordStatus.DRAFT
    assert record.title == "Reflection on Social workers - social media"
    assert record.source_url == "/knowledge-bites/social-workers-social-media/"
    assert set(record.standards.values_list("id", flat=True)) == {
        content.confidentiality.id,
        content.conduct.id,
    }


def test_a_record_started_from_a_quiz_lists_the_missed_scenarios_and_their_standards(content):
    quiz = QuizPageFactory(
        parent=content.bite,
        questions=[
            single("Got it right"),
            single("Got it wrong", standards=[content.social_media]),
        ],
    )
    quiz.save_revision().publish()
    user = UserFactory()
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    for question, right in zip(attempt.snapshot["questions"], [True, False], strict=True):
        option = next(o for o in question["options"] if o["correct"] == right)
        attempt_answer_save(
            attempt_id=attempt.id, user=user, question_id=question["id"], selected=[option["id"]]
        )
    attempt_submit(attempt_id=attempt.id, user=user)
    record = record_start(owner=user, attempt_id=attempt.id)
    assert record.reflective_model == "driscoll"
    assert "scored 50%" in record.description
    assert "Got it wrong" in record.description and "Got it right" not in record.description
    assert list(record.standards.values_list("id", flat=True)) == [content.social_media.id]
    with pytest.raises(RecordNotFound):
        record_start(owner=UserFactory(), attempt_id=attempt.id)


def test_a_stale_version_is_refused_and_saves_nothing():
    record = RecordFactory()
    record_save(record_id=record.id, owner=record.owner, version=1, data={"title": "First tab"})
    with pytest.raises(StaleRecord) as stale:
        record_save(
            record_id=record.id, owner=record.owner, version=1, data={"title": "Second tab"}
        )
    assert stale.value.current_version == 2
    record.refresh_from_db()
    assert (record.title, record.version) == ("First tab", 2)


def test_switching_reflective_model_keeps_answers_to_the_old_prompts():
    record = RecordFactory(reflective_model="gibbs")
    record_save(
        record_id=record.id, owner=record.owner, version=1, data={"extra": {"feelings": "Anxious"}}
    )
    record_save(
        record_id=record.id,
        owner=record.owner,
        version=2,
        data={"reflective_model": "kolb", "extra": {"observation": "X"}},
    )
    record.refresh_from_db()
    assert record.extra == {"feelings": "Anxious", "observation": "X"}


def test_completing_with_answers_missing_saves_the_draft_and_says_what_is_missing():
    record = RecordFactory(title="", learning="")
    with pytest.raises(CompletionBlocked) as blocked:
        record_complete(
            record_id=record.id, owner=record.owner, version=1, data={"impact": "Typed text"}
        )
    assert set(blocked.value.missing) == {"title", "learning"}
    record.refresh_from_db()
    assert (record.status, record.impact, record.version) == (RecordStatus.DRAFT, "Typed text", 2)


def test_completing_text_that_identifies_someone_needs_the_owners_confirmation():
    record = RecordFactory()
    data = {**COMPLETE, "learning": "The young person Kayleigh told me her postcode, M1 1AE."}
    with pytest.raises(CompletionBlocked) as blocked:
        record_complete(record_id=record.id, owner=record.owner, version=1, data=data)
    kinds = {finding.kind for finding in blocked.value.findings}
    assert "postcode" in kinds
    record_complete(
        record_id=record.id, owner=record.owner, version=2, data=data, identifiers_checked=True
    )
    record.refresh_from_db()
    assert record.status == RecordStatus.COMPLETE and record.identifiers_checked


def test_a_clean_record_completes_without_confirmation():
    record = RecordFactory()
    done = record_complete(record_id=record.id, owner=record.owner, version=1, data=COMPLETE)
    assert done.status == RecordStatus.COMPLETE and not done.identifiers_checked


def test_only_a_complete_record_can_be_shared_and_it_can_be_unshared():
    record = RecordFactory()
    with pytest.raises(CompletionBlocked):
        record_share(record_id=record.id, owner=record.owner, shared=True)
    record_complete(record_id=record.id, owner=record.owner, version=1, data=COMPLETE)
    assert record_share(record_id=record.id, owner=record.owner, shared=True).shared_with_manager
    assert not record_share(
        record_id=record.id, owner=record.owner, shared=False
    ).shared_with_manager


def test_no_one_else_can_save_or_share_a_record():
    record = RecordFactory()
    stranger = UserFactory()
    with pytest.raises(RecordNotFound):
        record_save(record_id=record.id, owner=stranger, version=1, data={"title": "Mine now"})
    with pytest.raises(RecordNotFound):
        record_share(record_id=record.id, owner=stranger, shared=True)
    record.refresh_from_db()
    assert record.title != "Mine now"


def test_delete_all_removes_only_the_owners_records():
    mine = RecordFactory()
    RecordFactory(owner=mine.owner)
    theirs = RecordFactory()
    assert records_delete_all(owner=mine.owner) == 2
    assert list(Record.objects.all()) == [theirs]


def test_editing_a_complete_shared_record_makes_it_a_private_draft_again():
    record = RecordFactory()
    record_complete(record_id=record.id, owner=record.owner, version=1, data=COMPLETE)
    record_share(record_id=record.id, owner=record.owner, shared=True)
    record_save(
        record_id=record.id, owner=record.owner, version=2, data={"learning": "NHS 943 476 5919"}
    )
    record.refresh_from_db()
    assert (record.status, record.shared_with_manager, record.completed_at) == (
        RecordStatus.DRAFT,
        False,
        None,
    )


def test_saving_a_complete_record_unchanged_keeps_it_complete():
    record = RecordFactory()
    record_complete(record_id=record.id, owner=record.owner, version=1, data=COMPLETE)
    record_save(record_id=record.id, owner=record.owner, version=2, data=COMPLETE)
    record.refresh_from_db()
    assert record.status == RecordStatus.COMPLETE


def test_delete_all_also_deletes_the_owners_exports_and_their_files(settings, tmp_path):
    from django.core.files.base import ContentFile

    from reflections.models import Export
    from tests.reflections.factories import ExportFactory

    settings.MEDIA_ROOT = tmp_path
    record = RecordFactory()
    export = ExportFactory(owner=record.owner, record_ids=[record.id])
    export.file.save("export.csv", ContentFile(b"secret reflection"), save=True)
    path = export.file.path
    records_delete_all(owner=record.owner)
    assert not Export.objects.exists()
    import os

    assert not os.path.exists(path)
