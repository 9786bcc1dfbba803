"""Assigning, changing and withdrawing training, and who may do it."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from training.models import Assignment, Completion
from training.rules import Status
from training.selectors import my_training
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
