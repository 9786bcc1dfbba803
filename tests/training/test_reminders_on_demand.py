"""Reminders a manager sends: to one learner, or to everyone overdue in the report's view;
once a learner, module and day; the log of what was sent."""

import datetime as dt
from smtplib import SMTPException
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from training.models import Completion, ReminderKind, ReminderLog
from training.reminders import (
    ReminderSendError,
    reminders_request,
    reminders_send_learners,
    reminders_send_requested,
)
from training.selectors.reminders import reminder_log, reminder_target
from training.services import assignment_create
from training.tasks import reminders_requested

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def assign_overdue(team, module, *, days=3, learners=None):
    """Assign the module so that it fell due `days` ago (assigned before it was due)."""
    due = TODAY - dt.timedelta(days=days)
    return assignment_create(
        actor=team.managers.first(),
        team_id=team.id,
        module_id=module.id,
        due_date=due,
        everyone=learners is None,
        learner_ids=[u.id for u in learners or ()],
        today=due - dt.timedelta(days=10),
    )


def person_url(user, module, **query):
    url = reverse("training:reminder_person", args=[user.id, module.id])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def overdue_url(**query):
    url = reverse("training:reminder_overdue")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def other_team(db):
    """A team the `team` fixture's manager does not manage, with its own manager."""
    outsider = UserFactory(first_name="Olu", last_name="Outsider", email="olu@example.com")
    manager = UserFactory(first_name="Other", last_name="Manager")
    return TeamFactory(name="Adults team B", members=[outsider], managers=[manager])


def test_one_learner_is_asked_first_then_sent_one_email_about_the_module(
    client, team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, _ciaran = team.members
    assign_overdue(team.team, module)
    verified_login(client, team.manager)

    report = client.get(reverse("training:team_report")).content.decode()
    assert person_url(asha, module) in report  # the overdue cell links to it

    page = client.get(person_url(asha, module)).content.decode()
    assert "Send a reminder to Asha Patel?" in page
    assert module.title in page
    assert not mailoutbox and not ReminderLog.objects.exists()  # asking sends nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(person_url(asha, module), follow=True)
    assert response.redirect_chain[-1][0] == reverse("training:team_report")
    assert "1 reminder sent." in response.content.decode()
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [asha.email]
    assert module.title in email.subject and "overdue" in email.subject
    assert "Grace Okafor has sent you a reminder" in email.body
    assert "http://testserver/training/social-media/" in email.body
    log = ReminderLog.objects.get()
    assert (log.kind, log.user, log.module_id, log.sent_by) == (
        ReminderKind.ON_DEMAND,
        asha,
        module.id,
        team.manager,
    )
    assert log.emailed_at is not None


def test_the_learner_page_links_to_a_reminder_for_each_module_still_to_do(
    client, team, module, bite_only_module
):
    asha = team.members[0]
    assign_overdue(team.team, module, learners=[asha])
    assign_overdue(team.team, bite_only_module, learners=[asha])
    Completion.objects.create(
        user=asha,
        module=bite_only_module,
        module_title=bite_only_module.title,
        completed_at=timezone.now(),
    )
    verified_login(client, team.manager)
    learner_page = reverse("training:learner", args=[asha.id])
    html = client.get(learner_page).content.decode()
    assert person_url(asha, module, next=learner_page) in html
    assert person_url(asha, bite_only_module) not in html  # completed: nothing to remind


def test_after_sending_it_goes_back_to_a_page_on_this_site_only(
    client, team, module, django_capture_on_commit_callbacks
):
    asha = team.members[0]
    assign_overdue(team.team, module)
    verified_login(client, team.manager)
    back = "/team-training/?status=overdue"
    response = client.post(person_url(asha, module), {"next": back})
    assert response.url == back
    response = client.post(person_url(asha, module), {"next": "https://evil.example/"})
    assert response.url == reverse("training:team_report")


def test_everyone_overdue_in_a_filtered_view_is_reminded_and_nobody_else(
    client, team, module, bite_only_module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = team.members
    assign_overdue(team.team, module)  # both overdue
    assign_overdue(team.team, bite_only_module, learners=[asha])  # Asha overdue on a second
    # A second team of the same manager, overdue too, but filtered out below.
    second = TeamFactory(name="Fostering team C", members=[UserFactory(first_name="Zed")])
    second.managers.add(team.manager)
    assign_overdue(second, module)
    verified_login(client, team.manager)
    view = {"team": team.team.id, "module": module.id}

    report = client.get(reverse("training:team_report"), view).content.decode()
    assert overdue_url(**view).replace("&", "&amp;") in report

    page = client.get(overdue_url(**view)).content.decode()
    assert "Send a reminder to 2 people?" in page
    assert "Asha Patel" in page and "Ciaran Murphy" in page and "Zed" not in page
    assert bite_only_module.title not in page
    assert "Send 2 reminders" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(overdue_url(**view), follow=True)
    assert "2 reminders sent." in response.content.decode()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([asha.email, ciaran.email])
    assert all(module.title in m.subject for m in mailoutbox)
    assert set(ReminderLog.objects.values_list("user_id", "module_id")) == {
        (asha.id, module.id),
        (ciaran.id, module.id),
    }


def test_only_overdue_people_are_reminded_from_the_view(
    client, team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = team.members
    assign_overdue(team.team, module)
    Completion.objects.create(
        user=ciaran, module=module, module_title=module.title, completed_at=timezone.now()
    )
    verified_login(client, team.manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(overdue_url())
    assert [m.to for m in mailoutbox] == [[asha.email]]


def test_a_double_submit_sends_one_email_and_the_second_says_it_was_already_sent(
    client, team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha = team.members[0]
    assign_overdue(team.team, module, learners=[asha])
    verified_login(client, team.manager)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(overdue_url(), follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(overdue_url(), follow=True)
    assert "1 reminder sent." in first.content.decode()
    html = second.content.decode()
    assert "No reminders sent. 1 had already been sent today, so was not sent again." in html
    assert len(mailoutbox) == 1
    assert ReminderLog.objects.count() == 1


def test_the_same_day_again_sends_none_and_the_pages_say_so(
    client, team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha = team.members[0]
    assign_overdue(team.team, module, learners=[asha])
    verified_login(client, team.manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(person_url(asha, module))
    assert len(mailoutbox) == 1

    one = client.get(person_url(asha, module)).content.decode()
    assert "Grace Okafor already sent this reminder today" in one
    assert "Send reminder</button>" not in one
    everyone = client.get(overdue_url()).content.decode()
    assert "Already reminded today" in everyone
    assert "Everyone here has already been reminded" in everyone

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(person_url(asha, module), follow=True)
    assert "1 had already been sent today" in response.content.decode()
    assert len(mailoutbox) == 1


def test_another_day_the_learner_can_be_reminded_again(
    team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha = team.members[0]
    assign_overdue(team.team, module, learners=[asha])
    target = reminder_target(user=team.manager, learner_id=asha.id, module_id=module.id)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_request(actor=team.manager, targets=[target], today=TODAY)
        result = reminders_request(
            actor=team.manager, targets=[target], today=TODAY + dt.timedelta(days=1)
        )
    assert (result.sent, result.already) == (1, 0)
    assert len(mailoutbox) == 2


def test_another_teams_learner_is_not_found_and_nothing_is_sent(
    client, team, module, other_team, mailoutbox, django_capture_on_commit_callbacks
):
    outsider = other_team.members.get()
    assign_overdue(other_team, module)
    assign_overdue(team.team, module)
    verified_login(client, team.manager)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(person_url(outsider, module)).status_code == 404
        assert client.post(person_url(outsider, module)).status_code == 404
    assert not mailoutbox and not ReminderLog.objects.exists()


def test_a_module_not_assigned_or_already_done_cannot_be_reminded(
    client, team, module, bite_only_module
):
    asha, ciaran = team.members
    assign_overdue(team.team, module, learners=[asha])
    Completion.objects.create(
        user=asha, module=module, module_title=module.title, completed_at=timezone.now()
    )
    verified_login(client, team.manager)
    assert client.get(person_url(asha, module)).status_code == 404  # completed
    assert client.get(person_url(ciaran, module)).status_code == 404  # not assigned to him
    assert client.get(person_url(asha, bite_only_module)).status_code == 404


def test_a_learner_is_looked_up_in_a_fixed_number_of_queries(
    team, module, django_assert_num_queries
):
    asha = team.members[0]
    assign_overdue(team.team, module)
    for _ in range(10):
        team.team.members.add(UserFactory())
    with django_assert_num_queries(5):  # an assignment to everyone: no chosen learners
        target = reminder_target(user=team.manager, learner_id=asha.id, module_id=module.id)
    assert target.overdue and target.module_title == module.title


def test_the_log_lists_what_was_sent_newest_first_and_only_for_this_managers_teams(
    client, team, module, other_team, django_capture_on_commit_callbacks
):
    asha, ciaran = team.members
    outsider = other_team.members.get()
    assign_overdue(team.team, module)
    assign_overdue(other_team, module)
    reminders_send_learners()  # automatic: Asha, Ciaran and the outsider, module titles kept
    with django_capture_on_commit_callbacks(execute=True):
        reminders_request(
            actor=other_team.managers.get(),
            targets=[
                reminder_target(
                    user=other_team.managers.get(), learner_id=outsider.id, module_id=module.id
                )
            ],
        )
        reminders_request(
            actor=team.manager,
            targets=[reminder_target(user=team.manager, learner_id=asha.id, module_id=module.id)],
        )
    verified_login(client, team.manager)
    html = client.get(reverse("training:reminder_log")).content.decode()
    assert "Olu Outsider" not in html and "Other Manager" not in html
    rows = html.split('<tbody class="govuk-table__body">')[1].split("</tbody>")[0]
    rows = rows.split("</tr>")[:-1]
    assert len(rows) == 3
    assert "Asha Patel" in rows[0] and "Grace Okafor" in rows[0]  # newest: the manager's
    assert all(module.title in row for row in rows)
    assert sum("Automatic" in row for row in rows) == 2
    assert any("Ciaran Murphy" in row for row in rows)
    nav = client.get(reverse("training:team_report")).content.decode()
    assert reverse("training:reminder_log") in nav


def test_the_log_is_a_page_of_two_queries_whatever_its_length(
    team, module, django_assert_num_queries
):
    asha = team.members[0]
    for day in range(60):
        ReminderLog.objects.create(
            kind=ReminderKind.ON_DEMAND,
            user=asha,
            module=module,
            module_titles=[module.title],
            sent_on=TODAY - dt.timedelta(days=day),
            sent_by=team.manager,
        )
    with django_assert_num_queries(2):
        page = Paginator(reminder_log(user=team.manager), 50).get_page(2)
        rows = [(log.user.email, str(log.sent_by)) for log in page]
    assert len(rows) == 10 and page.paginator.count == 60


def _requested(team, module):
    """Ask for a reminder to each member it is assigned to about the module."""
    targets = [
        reminder_target(user=team.manager, learner_id=member.id, module_id=module.id)
        for member in team.members
    ]
    return reminders_request(actor=team.manager, targets=[t for t in targets if t])


def test_a_retried_task_sends_only_what_failed_and_never_twice(
    team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha, ciaran = team.members
    assign_overdue(team.team, module)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = _requested(team, module)
    assert result.sent == 2 and len(callbacks) == 1 and not mailoutbox
    ids = list(ReminderLog.objects.order_by("id").values_list("id", flat=True))

    from django.core.mail.backends.locmem import EmailBackend

    real_send = EmailBackend.send_messages

    def fail_for_ciaran(self, messages):
        if messages[0].to == [ciaran.email]:
            raise SMTPException("421 try later")
        return real_send(self, messages)

    with (
        mock.patch.object(EmailBackend, "send_messages", fail_for_ciaran),
        pytest.raises(ReminderSendError),
    ):
        reminders_send_requested(log_ids=ids)
    assert [m.to for m in mailoutbox] == [[asha.email]]
    assert ReminderLog.objects.get(user=ciaran).emailed_at is None  # owed: the retry sends it

    assert reminders_send_requested(log_ids=ids) == 1  # the retry
    assert reminders_requested.apply(args=[ids]).get() == 0  # and a duplicate delivery
    assert sorted(m.to[0] for m in mailoutbox) == sorted([asha.email, ciaran.email])


def test_the_task_asks_to_be_retried_and_its_retry_sends_what_is_owed(
    team, module, mailoutbox, django_capture_on_commit_callbacks
):
    asha = team.members[0]
    assign_overdue(team.team, module, learners=[asha])
    from django.core.mail.backends.locmem import EmailBackend

    with (
        mock.patch.object(EmailBackend, "send_messages", side_effect=SMTPException("421")),
        pytest.raises(Retry),  # eager here; a worker would run it again later
        django_capture_on_commit_callbacks(execute=True),
    ):
        _requested(team, module)
    assert not mailoutbox
    ids = list(ReminderLog.objects.values_list("id", flat=True))
    assert reminders_requested.apply(args=[ids]).get() == 1
    assert [m.to for m in mailoutbox] == [[asha.email]]
