import datetime as dt
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from celery.schedules import crontab
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from training.models import (
    Completion,
    ReminderKind,
    ReminderLog,
    TrainingIndexPage,
    TrainingModulePage,
)
from training.reminders import ReminderSendError, reminders_send_learners, reminders_send_managers
from training.services import assignment_create, assignment_withdraw
from training.tasks import reminders_learners

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)  # a Monday


@pytest.fixture
def modules(content):
    training = content.home.add_child(instance=TrainingIndexPage(title="Training", slug="training"))
    made = []
    for title, slug in [
        ("Social media and professional boundaries", "social-media"),
        ("Safeguarding adults", "safeguarding"),
    ]:
        module = training.add_child(
            instance=TrainingModulePage(
                title=title,
                slug=slug,
                summary="Read and reflect.",
                estimated_minutes=30,
                steps=[{"type": "bite", "value": content.bite.id}],
            )
        )
        module.save_revision().publish()
        made.append(module)
    return made


@pytest.fixture
def team():
    manager = UserFactory(first_name="Morgan", last_name="Manager")
    alex = UserFactory(first_name="Alex", last_name="Smith", email="alex@example.com")
    return TeamFactory(name="Children's services team A", members=[alex], managers=[manager])


def assign(module, team, due_date, *, learners=None):
    """Assign as the team's manager, on a day the due date was still in the future."""
    return assignment_create(
        actor=team.managers.first(),
        team_id=team.id,
        module_id=module.id,
        due_date=due_date,
        everyone=learners is None,
        learner_ids=[u.id for u in learners or ()],
        today=min(due_date, TODAY),
    )


def learner(team):
    return team.members.get(email="alex@example.com")


def test_a_module_due_in_7_days_gets_a_reminder_with_a_link_to_my_training(
    modules, team, mailoutbox
):
    assign(modules[0], team, TODAY + dt.timedelta(days=7))

    assert reminders_send_learners(today=TODAY) == 1

    (email,) = mailoutbox
    assert email.to == ["alex@example.com"]
    assert email.subject == "You have training due soon on Social care CPD"
    assert "Dear Alex Smith," in email.body
    assert "- Social media and professional boundaries: due on 9 March 2026" in email.body
    assert "http://testserver/my-training/" in email.body.split()
    log = ReminderLog.objects.get()
    assert (log.kind, log.user, log.sent_on, log.item_count) == (
        ReminderKind.LEARNER_DUE,
        learner(team),
        TODAY,
        1,
    )


def test_a_module_due_in_8_days_gets_no_reminder(modules, team, mailoutbox):
    assign(modules[0], team, TODAY + dt.timedelta(days=8))

    assert reminders_send_learners(today=TODAY) == 0
    assert mailoutbox == [] and not ReminderLog.objects.exists()


def test_an_overdue_module_gets_a_reminder_listing_it_first(modules, team, mailoutbox):
    assign(modules[0], team, TODAY + dt.timedelta(days=3))
    assign(modules[1], team, TODAY - dt.timedelta(days=1))

    assert reminders_send_learners(today=TODAY) == 1

    body = mailoutbox[0].body
    assert mailoutbox[0].subject == "You have overdue training on Social care CPD"
    assert "You have 2 training modules to do:" in body
    overdue = "- Safeguarding adults: overdue, it was due on 1 March 2026"
    due = "- Social media and professional boundaries: due on 5 March 2026"
    assert overdue in body and due in body and body.index(overdue) < body.index(due)


def test_a_module_due_today_says_so(modules, team, mailoutbox):
    assign(modules[0], team, TODAY)

    reminders_send_learners(today=TODAY)

    assert "- Social media and professional boundaries: due today" in mailoutbox[0].body


def test_a_completed_module_gets_no_reminder(modules, team, mailoutbox):
    assign(modules[0], team, TODAY - dt.timedelta(days=1))
    Completion.objects.create(
        user=learner(team),
        module=modules[0],
        module_title=modules[0].title,
        completed_at=timezone.now() - dt.timedelta(days=400),
    )

    assert reminders_send_learners(today=TODAY) == 0
    assert mailoutbox == []


def test_a_withdrawn_assignment_gets_no_reminder(modules, team, mailoutbox):
    assignment = assign(modules[0], team, TODAY + dt.timedelta(days=2))
    assignment_withdraw(actor=team.managers.first(), assignment_id=assignment.id)

    assert reminders_send_learners(today=TODAY) == 0
    assert mailoutbox == []


def test_inactive_people_and_people_with_nothing_to_do_get_nothing(modules, team, mailoutbox):
    gone = UserFactory(is_active=False)
    other = UserFactory()
    team.members.add(gone, other)
    assign(modules[0], team, TODAY - dt.timedelta(days=1), learners=[learner(team), gone])

    assert reminders_send_learners(today=TODAY) == 1
    assert [email.to for email in mailoutbox] == [["alex@example.com"]]


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_sends_again(
    modules, team, mailoutbox
):
    assign(modules[0], team, TODAY + dt.timedelta(days=1))

    assert reminders_send_learners(today=TODAY) == 1
    assert reminders_send_learners(today=TODAY) == 0
    assert len(mailoutbox) == 1

    assert reminders_send_learners(today=TODAY + dt.timedelta(days=1)) == 1
    assert len(mailoutbox) == 2
    assert ReminderLog.objects.count() == 2


def test_a_failed_send_leaves_no_log_so_a_retry_sends_it(modules, team, mailoutbox):
    assign(modules[0], team, TODAY + dt.timedelta(days=1))
    other = UserFactory(email="sam@example.com")
    team.members.add(other)

    def refuse_alex(message):
        if message.to == ["alex@example.com"]:
            raise SMTPException("421 try again later")
        mailoutbox.append(message)
        return 1

    with (
        mock.patch("django.core.mail.EmailMessage.send", autospec=True, side_effect=refuse_alex),
        pytest.raises(ReminderSendError) as raised,
    ):
        reminders_send_learners(today=TODAY)
    assert (raised.value.sent, raised.value.failed) == (1, 1)
    assert list(ReminderLog.objects.values_list("user__email", flat=True)) == ["sam@example.com"]

    mailoutbox.clear()
    assert reminders_send_learners(today=TODAY) == 1
    assert [email.to for email in mailoutbox] == [["alex@example.com"]]


def test_the_manager_digest_lists_only_their_teams_overdue_people(modules, team, mailoutbox):
    alex = learner(team)
    jo = UserFactory(first_name="Jo", last_name="Bloggs", email="jo@example.com")
    team.members.add(jo)
    assign(modules[0], team, TODAY - dt.timedelta(days=3))  # overdue for Alex and Jo
    assign(modules[1], team, TODAY + dt.timedelta(days=2))  # due soon: not in a digest
    Completion.objects.create(
        user=jo, module=modules[0], module_title=modules[0].title, completed_at=timezone.now()
    )
    # Another team, with its own manager: Alex is in it too, and it assigned a module.
    other_manager = UserFactory(email="other.manager@example.com")
    casey = UserFactory(first_name="Casey", last_name="Jones")
    other = TeamFactory(name="Adult services", members=[casey, alex], managers=[other_manager])
    assign(modules[1], other, TODAY - dt.timedelta(days=10))
    # A manager of a team with nothing overdue gets nothing.
    quiet_manager = UserFactory()
    TeamFactory(members=[UserFactory()], managers=[quiet_manager])

    assert reminders_send_managers(today=TODAY) == 2

    digests = {email.to[0]: email for email in mailoutbox}
    assert set(digests) == {team.managers.first().email, "other.manager@example.com"}
    mine = digests[team.managers.first().email]
    assert mine.subject == "Overdue training in your team on Social care CPD"
    assert "Dear Morgan Manager," in mine.body
    assert "This training is overdue in your team:\n\nChildren's services team A\n" in mine.body
    assert "- Alex Smith: Social media and professional boundaries, due on 27 February 2026" in (
        mine.body
    )
    # Alex's overdue module from the other team, Jo (completed) and Casey are not listed.
    assert "Safeguarding" not in mine.body and "Jo Bloggs" not in mine.body
    assert "Casey" not in mine.body
    assert "http://testserver/team-training/" in mine.body.split()
    theirs = digests["other.manager@example.com"].body
    assert "This training is overdue in your team:" in theirs
    assert "- Alex Smith: Safeguarding adults, due on 20 February 2026" in theirs
    assert "- Casey Jones: Safeguarding adults, due on 20 February 2026" in theirs
    assert "Social media" not in theirs


def test_a_manager_of_several_teams_gets_one_digest_and_never_twice_a_day(
    modules, team, mailoutbox
):
    manager = team.managers.first()
    second = TeamFactory(
        name="Adult services", members=[UserFactory(first_name="Casey", last_name="Jones")]
    )
    second.managers.add(manager)
    assign(modules[0], team, TODAY - dt.timedelta(days=1))
    assign(modules[0], second, TODAY - dt.timedelta(days=2))
    UserFactory(is_active=False).managed_teams.add(team)  # an inactive manager: nothing

    assert reminders_send_managers(today=TODAY) == 1
    assert reminders_send_managers(today=TODAY) == 0

    (digest,) = mailoutbox
    assert digest.subject == "Overdue training in your teams on Social care CPD"
    assert "This training is overdue in your teams:" in digest.body
    assert "To see your teams' training, go to the training report:" in digest.body
    body = digest.body
    assert body.index("Adult services\n- Casey Jones") < body.index(
        "Children's services team A\n- Alex Smith"
    )


def test_the_command_sends_each_kind_by_hand_for_a_given_date(modules, team, mailoutbox):
    assign(modules[0], team, TODAY - dt.timedelta(days=1))

    out = StringIO()
    call_command("send_reminders", "learners", "--date", TODAY.isoformat(), stdout=out)
    assert out.getvalue() == "Sent 1 reminder email to learners.\n"
    call_command("send_reminders", "learners", "--date", TODAY.isoformat(), stdout=out)
    assert out.getvalue().endswith("Sent 0 reminder emails to learners.\n")
    call_command("send_reminders", "managers", "--date", TODAY.isoformat(), stdout=out)
    assert out.getvalue().endswith("Sent 1 reminder email to managers.\n")
    assert len(mailoutbox) == 2

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "learners", "--date", "2 March 2026")
    with pytest.raises(CommandError):
        call_command("send_reminders", "everyone")


def test_the_task_sends_todays_learner_reminders(modules, team, mailoutbox):
    today = timezone.localdate()
    assign(modules[0], team, today + dt.timedelta(days=1))

    assert reminders_learners.delay().get() == 1
    assert len(mailoutbox) == 1


def test_the_beat_schedule_runs_learners_daily_and_managers_on_monday_mornings():
    from config.celery import app

    schedule = {entry["task"]: entry["schedule"] for entry in app.conf.beat_schedule.values()}
    assert schedule["training.tasks.reminders_learners"] == crontab(hour=7, minute=0)
    assert schedule["training.tasks.reminders_managers"] == crontab(
        hour=7, minute=30, day_of_week="mon"
    )
    assert app.conf.timezone == "Europe/London"


def reads_and_writes(send, today):
    with CaptureQueriesContext(connection) as queries:
        send(today=today)
    sql = [q["sql"] for q in queries.captured_queries]
    assert not any("reflections_" in s for s in sql)  # reminders never read a reflection
    reads = [s for s in sql if s.lstrip().upper().startswith("SELECT")]
    inserts = [s for s in sql if s.lstrip().upper().startswith("INSERT")]
    return len(reads), len(inserts)


def add_people(team, n):
    people = UserFactory.create_batch(n)
    team.members.add(*people)
    return people


def test_reminders_read_a_fixed_number_of_queries_whatever_the_number_of_people(
    modules, team, mailoutbox
):
    chosen = add_people(team, 1)
    assign(modules[0], team, TODAY + dt.timedelta(days=1))
    assign(modules[1], team, TODAY - dt.timedelta(days=1), learners=[learner(team), *chosen])
    second = TeamFactory(members=UserFactory.create_batch(1), managers=[UserFactory()])
    assign(modules[1], second, TODAY - dt.timedelta(days=1))

    small_reads, small_inserts = reads_and_writes(reminders_send_learners, TODAY)
    small_manager_reads, _ = reads_and_writes(reminders_send_managers, TODAY)
    assert small_inserts == 3  # one ReminderLog per email

    more = add_people(team, 5)
    team.assignments.get(module=modules[1]).learners.add(*more)
    add_people(second, 4)
    day = TODAY + dt.timedelta(days=1)
    large_reads, large_inserts = reads_and_writes(reminders_send_learners, day)
    large_manager_reads, _ = reads_and_writes(reminders_send_managers, day)

    assert large_inserts == 12
    assert large_reads == small_reads
    assert large_manager_reads == small_manager_reads
    # A second run the same day reads as much again, and writes nothing.
    assert reads_and_writes(reminders_send_learners, day) == (large_reads, 0)


def test_a_module_withdrawn_and_assigned_again_stays_in_the_managers_digest(
    modules, team, mailoutbox
):
    first = assign(modules[0], team, TODAY - dt.timedelta(days=3))  # Alex missed it
    assignment_withdraw(actor=team.managers.first(), assignment_id=first.id)
    assign(modules[0], team, TODAY + dt.timedelta(days=20))
    assert reminders_send_managers(today=TODAY) == 1
    assert "- Alex Smith: Social media and professional boundaries, due on 27 February 2026" in (
        mailoutbox[0].body
    )
