"""Assigning, changing and withdrawing training, and who may do it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from training.models import Assignment, Completion, ModuleProgressLog
from training.rules import Status
from training.selectors import my_training
from training.selectors.reports import team_report
from training.services import (
    AssignmentError,
    assignment_create,
    assignment_update,
    assignment_withdraw,
)

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + dt.timedelta(days=days)


def test_a_manager_assigns_a_module_to_everyone_in_their_team(team, module):
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(14)
    )
    assert assignment.everyone and assignment.assigned_by == team.manager
    for member in team.members:
        items = my_training(user=member).items
        assert [(i.module.id, i.standing.status) for i in items] == [
            (module.id, Status.NOT_STARTED)
        ]


def test_an_assignment_to_everyone_covers_people_who_join_later(team, module):
    assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(14)
    )
    newcomer = UserFactory()
    team.team.members.add(newcomer)
    assert len(my_training(user=newcomer).items) == 1


def test_an_assignment_to_chosen_members_covers_only_them(team, module):
    chosen, other = team.members
    assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=in_days(14),
        everyone=False,
        learner_ids=[chosen.id],
    )
    assert len(my_training(user=chosen).items) == 1
    assert my_training(user=other).items == []


def test_a_past_due_date_is_refused_with_a_clear_message(team, module):
    with pytest.raises(AssignmentError) as error:
        assignment_create(
            actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(-1)
        )
    assert error.value.errors == {"due_date": "The due date must be today or in the future"}
    assert not Assignment.objects.exists()


def test_an_unknown_or_unpublished_module_is_refused(team, module):
    with pytest.raises(AssignmentError) as error:
        assignment_create(
            actor=team.manager, team_id=team.team.id, module_id=999_999, due_date=in_days(7)
        )
    assert error.value.errors == {"module": "Select a training module"}
    module.unpublish()
    with pytest.raises(AssignmentError):
        assignment_create(
            actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
        )


def test_a_manager_cannot_assign_to_a_team_they_do_not_manage(team, module):
    other_team = TeamFactory(members=[UserFactory()])
    with pytest.raises(AssignmentError) as error:
        assignment_create(
            actor=team.manager, team_id=other_team.id, module_id=module.id, due_date=in_days(7)
        )
    assert "team" in error.value.errors
    practitioner = team.members[0]
    with pytest.raises(AssignmentError):
        assignment_create(
            actor=practitioner, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
        )
    assert not Assignment.objects.exists()


def test_an_administrator_may_assign_to_any_team(team, module):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assignment = assignment_create(
        actor=admin, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    assert assignment.team == team.team


def test_chosen_people_must_be_in_the_team(team, module):
    stranger = UserFactory()
    with pytest.raises(AssignmentError) as error:
        assignment_create(
            actor=team.manager,
            team_id=team.team.id,
            module_id=module.id,
            due_date=in_days(7),
            everyone=False,
            learner_ids=[stranger.id],
        )
    assert error.value.errors == {"learners": "Select people from this team only"}


def test_assigning_the_same_module_twice_asks_to_change_the_first(team, module):
    kwargs = {"actor": team.manager, "team_id": team.team.id, "module_id": module.id}
    assignment_create(**kwargs, due_date=in_days(7))
    with pytest.raises(AssignmentError) as error:
        assignment_create(**kwargs, due_date=in_days(9))  # a double submit, or a second try
    assert "already has this module" in error.value.errors["module"]
    assert Assignment.objects.count() == 1


def test_changing_an_assignment_moves_its_due_date(team, module):
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    assignment_update(actor=team.manager, assignment_id=assignment.id, due_date=in_days(21))
    assert my_training(user=team.members[0]).items[0].standing.due_date == in_days(21)


def test_another_teams_assignment_cannot_be_changed_or_withdrawn(team, module):
    other_manager = UserFactory()
    TeamFactory(managers=[other_manager])
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    with pytest.raises(Assignment.DoesNotExist):
        assignment_update(actor=other_manager, assignment_id=assignment.id, due_date=in_days(9))
    with pytest.raises(Assignment.DoesNotExist):
        assignment_withdraw(actor=other_manager, assignment_id=assignment.id)
    assignment.refresh_from_db()
    assert assignment.due_date == in_days(7) and assignment.withdrawn_at is None


def test_withdrawing_keeps_the_completions_already_earned(team, module):
    learner = team.members[0]
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    Completion.objects.create(
        user=learner, module=module, module_title=module.title, completed_at=timezone.now()
    )
    assignment_withdraw(actor=team.manager, assignment_id=assignment.id)
    assert my_training(user=learner).items == []
    assert Completion.objects.filter(user=learner, module=module).count() == 1
    # Once withdrawn, the module may be assigned afresh.
    assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(30)
    )
    assert my_training(user=learner).items[0].standing.status == Status.COMPLETED


def standings(team, module):
    """{name: (status, due date)} in the team report and, for each learner, My training."""
    report = team_report(team_ids=[team.team.id])
    column = [m.id for m in report.modules].index(module.id)
    in_report = {row.name: row.cells[column] for row in report.rows}
    for member in team.members:
        (item,) = [i for i in my_training(user=member).items if i.module.id == module.id]
        cell = in_report[member.get_full_name()]
        assert (item.standing.status, item.standing.due_date) == (cell.status, cell.due_date)
    return {name: (cell.status, cell.due_date) for name, cell in in_report.items()}


def missed(assignment, days_ago):
    """Move an assignment's due date into the past (the service refuses past dates)."""
    Assignment.objects.filter(id=assignment.id).update(due_date=in_days(-days_ago))


def test_reassigning_a_withdrawn_module_keeps_overdue_progress_and_completions(team, module):
    asha, ciaran = team.members
    dana = UserFactory(first_name="Dana", last_name="Scott")
    team.team.members.add(dana)
    team.members.append(dana)
    first = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    missed(first, days_ago=10)
    Completion.objects.create(
        user=ciaran, module=module, module_title=module.title, completed_at=timezone.now()
    )
    ModuleProgressLog.objects.create(
        user=dana, module=module, steps_done=1, steps_total=3, started_at=timezone.now()
    )
    before = standings(team, module)
    assert before["Asha Patel"] == (Status.OVERDUE, in_days(-10))
    assert before["Dana Scott"] == (Status.OVERDUE, in_days(-10))
    assert before["Ciaran Murphy"][0] == Status.COMPLETED

    assignment_withdraw(actor=team.manager, assignment_id=first.id)
    assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(30)
    )
    # Re-assigning used to give everyone the new date: "Overdue" became "Not started".
    assert standings(team, module) == before
    assert ModuleProgressLog.objects.get(user=dana, module=module).steps_done == 1
    assert Completion.objects.filter(user=ciaran, module=module).count() == 1


def test_a_due_date_withdrawn_before_it_passed_is_not_carried(team, module):
    first = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    assignment_withdraw(actor=team.manager, assignment_id=first.id)
    assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(30)
    )
    assert set(standings(team, module).values()) == {(Status.NOT_STARTED, in_days(30))}


def test_a_missed_date_is_carried_only_for_the_people_it_covered(team, module):
    asha, ciaran = team.members
    first = assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=in_days(7),
        everyone=False,
        learner_ids=[asha.id],
    )
    missed(first, days_ago=3)
    assignment_withdraw(actor=team.manager, assignment_id=first.id)
    assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(30)
    )
    assert standings(team, module) == {
        "Asha Patel": (Status.OVERDUE, in_days(-3)),
        "Ciaran Murphy": (Status.NOT_STARTED, in_days(30)),
    }


def test_changing_an_assignment_keeps_progress_and_completions(team, module):
    asha, ciaran = team.members
    assignment = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    Completion.objects.create(
        user=asha, module=module, module_title=module.title, completed_at=timezone.now()
    )
    ModuleProgressLog.objects.create(
        user=ciaran, module=module, steps_done=2, steps_total=3, started_at=timezone.now()
    )
    assignment_update(
        actor=team.manager,
        assignment_id=assignment.id,
        due_date=in_days(21),
        everyone=False,
        learner_ids=[asha.id, ciaran.id],
    )
    assert standings(team, module) == {
        "Asha Patel": (Status.COMPLETED, in_days(21)),
        "Ciaran Murphy": (Status.IN_PROGRESS, in_days(21)),
    }
    assert ModuleProgressLog.objects.get(user=ciaran, module=module).steps_done == 2


def date_fields(day):
    return {"due_date_0": day.day, "due_date_1": day.month, "due_date_2": day.year}


def test_assigning_a_module_the_team_already_has_links_to_that_assignment(client, team, module):
    existing = assignment_create(
        actor=team.manager, team_id=team.team.id, module_id=module.id, due_date=in_days(7)
    )
    change = reverse("training:assignment_edit", args=[existing.id])
    verified_login(client, team.manager)
    url = reverse("training:assignment_new", args=[team.team.id])
    form = client.get(url).content.decode()
    # Before choosing: the module says it is assigned, and the page links to the assignment.
    assert "Already assigned to this team, due by" in form and f'href="{change}"' in form
    response = client.post(url, {"module": module.id, "who": "everyone", **date_fields(in_days(9))})
    html = response.content.decode()
    assert response.status_code == 200 and "already has this module to do" in html
    inset = html[html.index('id="existing-assignment"') :]
    inset = inset[: inset.index("</div>")]
    assert f'<a class="govuk-link" href="{change}">Change that assignment</a>' in inset
    assert Assignment.objects.count() == 1


def test_the_people_picker_is_revealed_under_its_option(client, team, module):
    verified_login(client, team.manager)
    html = client.get(reverse("training:assignment_new", args=[team.team.id])).content.decode()
    chosen = html.index('value="chosen"')
    reveal = html.index('class="govuk-radios__conditional')
    picker = html.index('data-module="app-people-picker"')
    assert chosen < reveal < picker < html.index("</fieldset>", picker)
    radio = html[html.rindex("<input", 0, chosen) : html.index(">", chosen)]
    assert 'data-aria-controls="conditional_who_2"' in radio and 'id="id_who_2"' in radio
    assert 'id="conditional_who_2"' in html[reveal : reveal + 200]
    assert html.count('aria-controls="conditional_who') == 1  # "Everyone" reveals nothing
    # The name filter is there for the script to show; without it every person shows.
    assert "data-people-filter-box hidden" in html
    for member in team.members:
        assert member.get_full_name() in html[picker:]
