"""The manager's way in: "Team training" in the header, and a section on the home with
each team's overdue, expiring and not started people, linked to the filtered report."""

import datetime as dt
import html
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.api import roles_for
from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from training.models import Assignment, Completion, ModuleProgressLog
from training.rules import Status
from training.selectors.manager_home import manager_home
from training.services import assignment_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SECTION = "Your teams' training"


def assign(team, manager, module, *, days=14, **kwargs):
    """Assign through the service; a negative `days` moves the due date into the past
    afterwards, as the service refuses one."""
    assignment = assignment_create(
        actor=manager,
        team_id=team.id,
        module_id=module.id,
        due_date=TODAY + dt.timedelta(days=max(days, 1)),
        **kwargs,
    )
    if days < 1:
        Assignment.objects.filter(id=assignment.id).update(due_date=TODAY + dt.timedelta(days=days))
    return assignment


def complete(user, module, *, days_ago=0, expires_in=None):
    return Completion.objects.create(
        user=user,
        module=module,
        module_title=module.title,
        completed_at=timezone.now() - dt.timedelta(days=days_ago),
        expires_on=TODAY + dt.timedelta(days=expires_in) if expires_in is not None else None,
    )


def begin(user, module):
    ModuleProgressLog.objects.create(
        user=user, module=module, steps_done=1, steps_total=3, started_at=timezone.now()
    )


@pytest.fixture
def made_up(team, module, bite_only_module):
    """Three people: Asha expiring soon, Ciaran not started and overdue, Dana in progress
    and overdue. The module is due in 14 days; the bite-only one was due 3 days ago."""
    asha, ciaran = team.members
    dana = UserFactory(first_name="Dana", last_name="Scully")
    team.team.members.add(dana)
    assign(team.team, team.manager, module)
    assign(team.team, team.manager, bite_only_module, days=-3)
    complete(asha, module, days_ago=350, expires_in=15)
    complete(asha, bite_only_module)
    begin(dana, module)
    team.members.append(dana)
    return team


def counts(home, team_id):
    [training] = [t for t in home.teams if t.id == team_id]
    return {c.status: c.people for c in training.counts}


def test_the_counts_are_people_per_status_in_each_team(made_up):
    home = manager_home(user=made_up.manager)
    assert counts(home, made_up.team.id) == {
        Status.OVERDUE: 2,  # Ciaran and Dana: the bite-only module
        Status.EXPIRES_SOON: 1,  # Asha
        Status.NOT_STARTED: 1,  # Ciaran: the module, not due yet
    }
    [training] = home.teams
    assert training.people == 3 and training.assigned


def test_each_number_links_to_the_report_showing_exactly_those_people(client, made_up):
    verified_login(client, made_up.manager)
    [training] = manager_home(user=made_up.manager).teams
    expected = {
        Status.OVERDUE: ["Ciaran Murphy", "Dana Scully"],
        Status.EXPIRES_SOON: ["Asha Patel"],
        Status.NOT_STARTED: ["Ciaran Murphy"],
    }
    for count in training.counts:
        parts = urlsplit(count.url)
        assert parts.path == reverse("training:team_report")
        assert parse_qs(parts.query) == {
            "team": [str(made_up.team.id)],
            "status": [count.status.value],
        }
        report = client.get(count.url).context["report"]
        assert [row.name for row in report.rows] == expected[count.status]
        assert len(report.rows) == count.people


def test_the_home_shows_the_section_above_the_managers_own_training(client, made_up):
    verified_login(client, made_up.manager)
    page = html.unescape(client.get("/").content.decode())
    assert SECTION in page
    assert page.index(SECTION) < page.index("Your training</h2>")
    [training] = manager_home(user=made_up.manager).teams
    for count in training.counts:
        assert f'href="{count.url}"' in page.replace("&amp;", "&")
    assert '2 people<span class="govuk-visually-hidden"> with overdue training' in page
    assert "Expiring in 30 days" in page


def test_another_managers_team_never_appears(client, made_up, module):
    other_manager = UserFactory()
    stranger = UserFactory(first_name="Zed", last_name="Other")
    other = TeamFactory(name="Adult services team B", members=[stranger], managers=[other_manager])
    assign(other, other_manager, module, days=-1)
    home = manager_home(user=made_up.manager)
    assert [t.id for t in home.teams] == [made_up.team.id]
    verified_login(client, made_up.manager)
    page = html.unescape(client.get("/").content.decode())
    assert "Adult services team B" not in page
    assert [t.name for t in manager_home(user=other_manager).teams] == ["Adult services team B"]


def test_a_person_in_two_teams_counts_in_each_by_that_teams_assignments(made_up, module):
    ciaran = made_up.members[1]
    second = TeamFactory(name="Night team", members=[ciaran], managers=[made_up.manager])
    assign(second, made_up.manager, module, days=-2)  # overdue in this team only
    home = manager_home(user=made_up.manager)
    assert counts(home, second.id) == {
        Status.OVERDUE: 1,
        Status.EXPIRES_SOON: 0,
        Status.NOT_STARTED: 0,
    }
    assert counts(home, made_up.team.id)[Status.NOT_STARTED] == 1  # due in 14 days there
    assert [t.name for t in home.teams] == ["Children's services team A", "Night team"]


def test_chosen_learners_only_count_when_chosen(team, module):
    asha, ciaran = team.members
    assign(team.team, team.manager, module, days=-1, everyone=False, learner_ids=[asha.id])
    assert counts(manager_home(user=team.manager), team.team.id)[Status.OVERDUE] == 1


def test_a_team_with_nothing_assigned_is_told_how_to_assign(client, team, content):
    verified_login(client, team.manager)
    page = html.unescape(client.get("/").content.decode())
    assert "Nothing is assigned to this team yet." in page
    assign_url = reverse("training:assignment_new", kwargs={"team_id": team.team.id})
    assert f'href="{assign_url}">Assign training to Children\'s services team A</a>' in page
    assert f'href="{reverse("training:assignment_list")}"' in page
    assert "Overdue</dt>" not in page


def test_a_practitioner_has_no_manager_section(client, made_up):
    client.force_login(made_up.members[0])
    page = html.unescape(client.get("/").content.decode())
    assert SECTION not in page and "Your training</h2>" in page
    assert manager_home(user=made_up.members[0]) is None


def queries(function):
    with CaptureQueriesContext(connection) as captured:
        result = function()
    return len(captured), result


def grow(team, module, people):
    for n in range(people):
        user = UserFactory(first_name=f"Extra{n}")
        team.team.members.add(user)
        if n % 3 == 0:
            complete(user, module, days_ago=n, expires_in=n)
        elif n % 3 == 1:
            begin(user, module)


def test_the_section_takes_six_queries_for_2_and_for_40_people(team, module, bite_only_module):
    assign(team.team, team.manager, module)
    assign(
        team.team, team.manager, bite_only_module, everyone=False, learner_ids=[team.members[0].id]
    )
    small, home = queries(lambda: manager_home(user=team.manager))
    assert home.teams[0].people == 2
    grow(team, module, 38)
    large, home = queries(lambda: manager_home(user=team.manager))
    assert home.teams[0].people == 40
    assert small == large == 6


def test_the_home_page_takes_the_same_queries_for_2_and_40_people(client, team, module):
    assign(team.team, team.manager, module)
    verified_login(client, team.manager)
    client.get("/")  # warm the site-root cache

    def count():
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/").content.decode()
        assert SECTION in page
        return len(captured)

    small = count()
    grow(team, module, 38)
    assert count() == small


def test_someone_who_manages_no_team_costs_one_query(team):
    assert queries(lambda: manager_home(user=team.members[0])) == (1, None)


# The header


def header(client):
    page = client.get(reverse("training:my_training")).content.decode()
    return page[page.index("<header") : page.index("</header>")]


def test_a_practitioner_sees_no_team_training(client, team):
    client.force_login(team.members[0])
    nav = header(client)
    assert "Team training" not in nav and "My training" in nav
    assert reverse("training:team_report") not in nav


def test_a_manager_sees_team_training(client, team):
    verified_login(client, team.manager)
    nav = header(client)
    assert f'href="{reverse("training:team_report")}"' in nav
    assert "Team training" in nav


def test_an_administrator_sees_team_training(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert "Team training" in header(client)


def test_a_visitor_sees_neither_team_training_nor_the_account_links(client):
    page = client.get(reverse("accounts:login")).content.decode()
    nav = page[page.index("<header") : page.index("</header>")]
    assert "Team training" not in nav and "Sign out" not in nav and "Sign in" in nav


def test_the_role_is_read_once_a_request(team):
    request = RequestFactory().get("/")
    request.user = team.manager
    with CaptureQueriesContext(connection) as captured:
        assert roles_for(request).manages_teams
        assert roles_for(request).sees_team_training
        assert roles_for(request).manages_teams
    assert len(captured) == 1
    request.user = team.members[0]  # someone else signs in: read again
    assert not roles_for(request).sees_team_training
