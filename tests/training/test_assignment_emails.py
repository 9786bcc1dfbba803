"""Learners get one email when a module is assigned to them, its due date or its people
change, or it is withdrawn: sent after the change commits, by a task."""

import datetime as dt
from smtplib import SMTPException
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.accounts.otp import verified_login
from training.assignment_emails import AssignmentChange, assignment_emails_send
from training.services import assignment_create, assignment_update, assignment_withdraw
from training.tasks import assignment_emails

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DUE = TODAY + dt.timedelta(days=14)
LATER = TODAY + dt.timedelta(days=28)


def long_date(day):
    return f"{day:%-d %B %Y}"


def inbox(mailoutbox):
    """{email address: [subjects]}: who got what."""
    got = {}
    for message in mailoutbox:
        for to in message.to:
            got.setdefault(to, []).append(message.subject)
    return got


@pytest.fixture
def people(team):
    asha, ciaran = team.members
    gone = UserFactory(first_name="Left", last_name="Already", is_active=False)
    team.team.members.add(gone)
    return asha, ciaran


def test_a_module_assigned_to_the_team_emails_every_active_member_once(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = people
    with django_capture_on_commit_callbacks(execute=True):
        assignment_create(
            actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
        )
    subject = f"New training to do: {module.title}"
    assert inbox(mailoutbox) == {asha.email: [subject], ciaran.email: [subject]}
    body = mailoutbox[0].body
    assert f"complete this training by {long_date(DUE)}" in body
    assert module.title in body
    assert "http://testserver/training/social-media/" in body


def test_a_module_assigned_to_chosen_people_emails_only_them(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, _ciaran = people
    with django_capture_on_commit_callbacks(execute=True):
        assignment_create(
            actor=team.manager,
            team_id=team.team.id,
            module_id=module.id,
            due_date=DUE,
            everyone=False,
            learner_ids=[asha.id],
        )
    assert list(inbox(mailoutbox)) == [asha.email]


def test_nothing_is_sent_before_the_change_commits(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assignment_create(
            actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
        )
    assert len(callbacks) == 1 and not mailoutbox
    callbacks[0]()
    assert len(mailoutbox) == 2


def test_a_new_due_date_emails_everyone_on_it_with_both_dates(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = people
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
    )
    with django_capture_on_commit_callbacks(execute=True):
        assignment_update(actor=team.manager, assignment_id=assignment.id, due_date=LATER)
    subject = f"New due date for {module.title}"
    assert inbox(mailoutbox) == {asha.email: [subject], ciaran.email: [subject]}
    assert f"changed from {long_date(DUE)} to {long_date(LATER)}" in mailoutbox[0].body


def test_saving_without_a_change_emails_nobody(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
    )
    with django_capture_on_commit_callbacks(execute=True):
        assignment_update(actor=team.manager, assignment_id=assignment.id, due_date=DUE)
    assert mailoutbox == []


def test_changing_the_people_tells_those_taken_off_and_those_added(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = people
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
    )
    with django_capture_on_commit_callbacks(execute=True):
        assignment_update(
            actor=team.manager,
            assignment_id=assignment.id,
            due_date=DUE,
            everyone=False,
            learner_ids=[asha.id],
        )
    # Asha is still on it, by the same date: nothing new for her.
    assert inbox(mailoutbox) == {ciaran.email: [f"Training withdrawn: {module.title}"]}
    assert "You no longer need to complete this training" in mailoutbox[0].body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assignment_update(
            actor=team.manager,
            assignment_id=assignment.id,
            due_date=LATER,
            everyone=False,
            learner_ids=[asha.id, ciaran.id],
        )
    assert inbox(mailoutbox) == {
        asha.email: [f"New due date for {module.title}"],
        ciaran.email: [f"New training to do: {module.title}"],
    }


def test_withdrawing_emails_everyone_it_covered_once(
    team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = people
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
    )
    with django_capture_on_commit_callbacks(execute=True):
        assignment_withdraw(actor=team.manager, assignment_id=assignment.id)
    subject = f"Training withdrawn: {module.title}"
    assert inbox(mailoutbox) == {asha.email: [subject], ciaran.email: [subject]}
    assert "Anything you have done already is kept" in mailoutbox[0].body
    assert "http://testserver/my-training/" in mailoutbox[0].body


def test_assigning_from_the_form_emails_the_learners(
    client, team, people, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, _ciaran = people
    verified_login(client, team.manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("training:assignment_new", args=[team.team.id]),
            {
                "module": module.id,
                "due_date_0": DUE.day,
                "due_date_1": DUE.month,
                "due_date_2": DUE.year,
                "who": "chosen",
                "learners": [asha.id],
            },
        )
    assert response.status_code == 302
    assert list(inbox(mailoutbox)) == [asha.email]


def test_a_retry_sends_only_the_emails_that_failed(team, people, module, mailoutbox):
    asha, ciaran = people
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=DUE
    )
    real_send = EmailBackend.send_messages

    def fail_for_ciaran(self, messages):
        if messages[0].to == [ciaran.email]:
            raise SMTPException("421 try later")
        return real_send(self, messages)

    kwargs = {
        "assignment_id": assignment.id,
        "change": AssignmentChange.ASSIGNED.value,
        "user_ids": [asha.id, ciaran.id],
    }
    with mock.patch.object(EmailBackend, "send_messages", fail_for_ciaran):
        assert assignment_emails_send(**kwargs) == [ciaran.id]
        mailoutbox.clear()
        with pytest.raises(Retry) as retry:
            assignment_emails.apply(kwargs=kwargs).get()
    assert retry.value.sig.kwargs["user_ids"] == [ciaran.id]  # the retry: Ciaran only
    assert list(inbox(mailoutbox)) == [asha.email]
    assignment_emails.apply(kwargs=retry.value.sig.kwargs).get()
    assert inbox(mailoutbox) == {
        asha.email: [f"New training to do: {module.title}"],
        ciaran.email: [f"New training to do: {module.title}"],
    }
