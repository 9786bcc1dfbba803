"""The record form: reflecting on one question, the privacy guard at every save, the
reflective model that fits the learner's regulator."""

import pytest
from django.urls import reverse

from accounts.models import RegulatorCode
from quizzes.api import answered_question
from quizzes.services import attempt_answer_save, attempt_start, attempt_submit
from reflections.models import Record, RecordStatus
from reflections.services import (
    CompletionBlocked,
    record_complete,
    record_findings,
    record_save,
    record_start,
)
from tests.accounts.factories import RegistrationFactory, UserFactory
from tests.quizzes.factories import QuizPageFactory, option, question, rated, single
from tests.reflections.factories import RecordFactory

pytestmark = pytest.mark.django_db

SCENARIO = (
    "Your Instagram account is private, so people have to ask to follow you. Dee, a mother "
    "you're working with now, sends you a follow request."
)
NHS_NUMBER = "943 476 5919"  # valid: passes the modulus 11 check


def dee_quiz(content):
    """A quiz whose scenarios and answers name Dee, as the demo quiz does."""
    quiz = QuizPageFactory(
        parent=content.bite,
        slug="dee",
        title="Social media check",
        questions=[
            single("Warm-up", standards=[content.conduct]),
            question(
                "single_best_answer",
                "What should you do about Dee's request?",
                [
                    option("Decline, and tell Dee why at your next visit.", True),
                    option(
                        "Accept Dee, a mother you work with, as the account is private.",
                        standards=[content.social_media],
                    ),
                ],
                scenario=f"<p>{SCENARIO}</p>",
            ),
            question(
                "situational_judgement",
                "How appropriate is each response?",
                [rated("Decline and explain to Dee kindly", 4), rated("Accept Dee's request", 1)],
                scenario=f"<p>{SCENARIO}</p>",
            ),
        ],
    )
    quiz.save_revision().publish()
    return quiz


def submit_missing_dee(user, quiz):
    """Answer the warm-up right and both Dee questions wrong; return the attempt."""
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    first, second, third = attempt.snapshot["questions"]
    right = next(o["id"] for o in first["options"] if o["correct"])
    wrong = next(o["id"] for o in second["options"] if not o["correct"])
    attempt_answer_save(attempt_id=attempt.id, user=user, question_id=first["id"], selected=[right])
    attempt_answer_save(
        attempt_id=attempt.id, user=user, question_id=second["id"], selected=[wrong]
    )
    ratings = {o["id"]: 5 - o["expert_rating"] for o in third["options"]}  # the opposite
    attempt_answer_save(attempt_id=attempt.id, user=user, question_id=third["id"], ratings=ratings)
    attempt_submit(attempt_id=attempt.id, user=user)
    return attempt


@pytest.fixture
def missed(content):
    user = UserFactory()
    quiz = dee_quiz(content)
    return user, quiz, submit_missing_dee(user, quiz)


# Reflect on one question


def test_a_record_on_a_question_names_the_quiz_question_and_answer_not_the_scenario(
    missed, content
):
    user, quiz, attempt = missed
    record = record_start(owner=user, attempt_id=attempt.id, question=2)
    assert record.title == "Reflection on question 2 of Social media check"
    assert "What should you do about Dee's request?" in record.description
    assert "Accept Dee, a mother you work with, as the account is private." in record.description
    assert "My answer was not right." in record.description
    assert "Instagram" not in record.description  # the scenario is not pasted in
    assert record.source_attempt_id == attempt.id and record.source_question == 2
    assert record.source_url == reverse("quizzes:result", args=[attempt.id])
    assert list(record.standards.values_list("id", flat=True)) == [content.social_media.id]


def test_a_record_on_a_rated_question_says_how_the_learner_rated_each_response(missed):
    user, _quiz, attempt = missed
    record = record_start(owner=user, attempt_id=attempt.id, question=3)
    assert "You rated “Decline and explain to Dee kindly” as very inappropriate." in (
        record.description
    )
    assert "My answer was not right." in record.description


def test_a_record_on_a_question_answered_right_says_so(missed):
    user, _quiz, attempt = missed
    record = record_start(owner=user, attempt_id=attempt.id, question=1)
    assert "My answer was right." in record.description


def test_reflect_on_this_quiz_names_the_quiz_and_score_without_the_scenarios(missed):
    user, _quiz, attempt = missed
    record = record_start(owner=user, attempt_id=attempt.id)
    assert "I took the quiz “Social media check” and scored 33%." in record.description
    assert "Question 2: What should you do about Dee's request?" in record.description
    assert "Instagram" not in record.description and "Warm-up" not in record.description


def test_the_sites_own_words_raise_no_privacy_findings_but_the_learners_do(missed):
    user, _quiz, attempt = missed
    for number in (2, 3):
        record = record_start(owner=user, attempt_id=attempt.id, question=number)
        assert record_findings(record) == []
    whole = record_start(owner=user, attempt_id=attempt.id)
    assert record_findings(whole) == []
    saved = record_save(
        record_id=record.id,
        owner=user,
        version=record.version,
        data={"description": record.description, "learning": f"I noted {NHS_NUMBER}."},
    )
    assert [(f.kind, f.field) for f in record_findings(saved)] == [("nhs_number", "learning")]


def test_reflect_on_a_question_posts_open_the_same_draft_when_sent_twice(client, missed):
    user, _quiz, attempt = missed
    client.force_login(user)
    url = reverse("reflections:new")
    first = client.post(url, {"attempt": attempt.id, "question": 2})
    second = client.post(url, {"attempt": attempt.id, "question": 2})
    record = Record.objects.get(owner=user)
    assert first["Location"] == second["Location"] == reverse("reflections:edit", args=[record.id])
    client.post(url, {"attempt": attempt.id, "question": 3})
    assert Record.objects.filter(owner=user).count() == 2  # another question, another record


def test_another_users_attempt_gives_404_and_creates_nothing(client, missed):
    _user, _quiz, attempt = missed
    stranger = UserFactory()
    client.force_login(stranger)
    for data in (
        {"attempt": attempt.id, "question": 2},
        {"attempt": attempt.id},
    ):
        assert client.post(reverse("reflections:new"), data).status_code == 404
    assert not Record.objects.exists()


def test_a_question_the_attempt_does_not_have_gives_404(client, missed):
    user, _quiz, attempt = missed
    client.force_login(user)
    for number in ("0", "4", "x"):
        data = {"attempt": attempt.id, "question": number}
        response = client.post(reverse("reflections:new"), data)
        # "x" is no number: the whole quiz, as when no question is sent.
        assert response.status_code == (302 if number == "x" else 404)
    assert Record.objects.filter(owner=user, source_question__isnull=False).count() == 0
    assert client.post(reverse("reflections:new"), {"question": "2"}).status_code == 404


def test_answered_question_reads_the_snapshot_in_two_queries(missed, django_assert_num_queries):
    user, _quiz, attempt = missed
    with django_assert_num_queries(2):
        asked = answered_question(user_id=user.id, attempt_id=attempt.id, number=2)
    assert asked is not None
    assert (asked.title, asked.number, asked.question_count, asked.right) == (
        "What should you do about Dee's request?",
        2,
        3,
        False,
    )
    assert answered_question(user_id=UserFactory().id, attempt_id=attempt.id, number=2) is None


# The privacy guard at every save


def form_data(record, **changes):
    data = {
        "version": record.version,
        "title": record.title,
        "activity_type": "reading",
        "start_date_0": "2",
        "start_date_1": "3",
        "start_date_2": "2026",
        "hours": "1.5",
        "reflective_model": record.reflective_model,
        "description": record.description,
        "learning": record.learning,
        "impact": record.impact,
    }
    data.update(changes)
    return data


def test_autosave_saves_and_returns_the_warning_for_the_field_concerned(client):
    record = RecordFactory(reflective_model="driscoll")
    client.force_login(record.owner)
    response = client.post(
        reverse("reflections:autosave", args=[record.id]),
        form_data(record, learning=f"Service user NHS number {NHS_NUMBER}."),
    )
    body = response.json()
    assert response.status_code == 200 and body["status"] == "saved"
    record.refresh_from_db()
    assert NHS_NUMBER in record.learning  # saved all the same
    assert [(f["field"], f["label"]) for f in body["findings"]] == [("learning", "an NHS number")]
    assert "an NHS number" in body["warnings"]["learning"]
    assert "govuk-warning-text" in body["warnings"]["learning"]
    assert body["warnings"]["impact"] == ""  # cleared where there is nothing to say


def test_save_draft_keeps_the_text_and_shows_the_warning_beside_the_field(client):
    record = RecordFactory(reflective_model="driscoll")
    client.force_login(record.owner)
    response = client.post(
        reverse("reflections:edit", args=[record.id]),
        form_data(record, impact="I will ring service user John Smith.", save=""),
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.impact == "I will ring service user John Smith." and not record.is_complete
    html = client.get(response["Location"]).content.decode()
    warning = html.split('id="privacy-impact"')[1].split('id="privacy-')[0]
    assert "a name next to a word like" in warning and "John Smith" in warning
    assert "a name next to" not in html.split('id="privacy-learning"')[1].split("</div>")[0]


def test_complete_still_needs_the_confirmation_when_the_guard_finds_something(client):
    record = RecordFactory(reflective_model="driscoll")
    client.force_login(record.owner)
    url = reverse("reflections:edit", args=[record.id])
    data = form_data(record, learning=f"NHS number {NHS_NUMBER}", complete="")
    response = client.post(url, data)
    assert response.status_code == 400
    record.refresh_from_db()
    assert record.status == RecordStatus.DRAFT
    data = form_data(record, learning=f"NHS number {NHS_NUMBER}", complete="")
    data["identifiers_checked"] = "on"
    assert client.post(url, data).status_code == 302
    record.refresh_from_db()
    assert record.status == RecordStatus.COMPLETE


def test_a_record_prefilled_by_the_site_completes_without_the_confirmation(missed):
    user, _quiz, attempt = missed
    record = record_start(owner=user, attempt_id=attempt.id, question=2)
    completed = record_complete(
        record_id=record.id,
        owner=user,
        version=record.version,
        data={
            "activity_type": "e_learning",
            "hours": 1,
            "learning": "Declining kindly keeps the boundary.",
            "impact": "I will decline and explain.",
        },
    )
    assert completed.is_complete and not completed.identifiers_checked
    again = record_start(owner=user, attempt_id=attempt.id, question=3)
    with pytest.raises(CompletionBlocked):
        record_complete(
            record_id=again.id,
            owner=user,
            version=again.version,
            data={
                "activity_type": "e_learning",
                "hours": 1,
                "learning": f"My client's NHS number is {NHS_NUMBER}.",
                "impact": "I will check.",
            },
        )


def test_the_save_status_is_a_polite_live_region_beside_the_buttons(client):
    record = RecordFactory()
    record_save(record_id=record.id, owner=record.owner, version=1, data={"title": "Saved"})
    client.force_login(record.owner)
    html = client.get(reverse("reflections:edit", args=[record.id])).content.decode()
    buttons_and_status = html.split('class="govuk-button-group"')[1]
    assert 'name="complete"' in buttons_and_status
    status = buttons_and_status.split('id="autosave-status"')[0].rsplit("<p", 1)[1]
    assert 'role="status"' in status
    assert "Last saved at" in buttons_and_status.split('id="autosave-status"')[1].split("</p>")[0]
    assert html.count('role="status"') == 1  # one live region: announced once


# The reflective model for the learner's regulator


@pytest.mark.parametrize(
    ("regulator", "model"),
    [
        (RegulatorCode.SOCIAL_WORK_ENGLAND, "swe"),
        (RegulatorCode.NISCC, "niscc"),
        (RegulatorCode.HCPC, "hcpc"),
        (RegulatorCode.SOCIAL_CARE_WALES, "scw"),
    ],
)
def test_a_new_record_asks_the_questions_of_the_learners_regulator(content, regulator, model):
    user = UserFactory()
    RegistrationFactory(user=user, regulator=regulator)
    assert record_start(owner=user, bite_id=content.bite.id).reflective_model == model


def test_the_form_suggests_the_regulators_model_and_keeps_an_existing_records_choice(client):
    user = UserFactory()
    RegistrationFactory(user=user, regulator=RegulatorCode.SOCIAL_WORK_ENGLAND)
    record = RecordFactory(owner=user, reflective_model="gibbs")
    client.force_login(user)
    html = client.get(reverse("reflections:edit", args=[record.id])).content.decode()
    select = html.split('name="reflective_model"')[1].split("</select>")[0]
    assert "Social Work England CPD record (suggested for Social Work England registrants)" in (
        select
    )
    assert 'value="gibbs" selected' in select
    assert "Feelings" in html  # Gibbs' own prompts, kept
