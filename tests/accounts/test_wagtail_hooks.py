import pytest
from django.urls import reverse

from accounts.models import Team
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory
from tests.accounts.otp import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    verified_login(client, user)
    return user


def test_administrators_find_teams_and_registrations_under_people(client, administrator):
    TeamFactory(name="Adults East")
    RegistrationFactory(registration_number="SW424242")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "People" in html
    teams = client.get(reverse("wagtailsnippets_accounts_team:list"))
    assert teams.status_code == 200
    assert "Adults East" in teams.content.decode()
    registrations = client.get(reverse("wagtailsnippets_accounts_registration:list"))
    assert "SW424242" in registrations.content.decode()


def test_an_administrator_creates_a_team_with_members_and_managers(client, administrator):
    member, manager = UserFactory(), UserFactory()
    response = client.post(
        reverse("wagtailsnippets_accounts_team:add"),
        {"name": "Duty team", "members": [member.pk], "managers": [manager.pk]},
    )
    assert response.status_code == 302
    team = Team.objects.get(name="Duty team")
    assert list(team.members.all()) == [member]
    assert list(team.managers.all()) == [manager]


def test_registrations_can_be_searched_by_email(client, administrator):
    RegistrationFactory(user=UserFactory(email="findme@example.com"), registration_number="SW1")
    RegistrationFactory(registration_number="SW2")
    html = client.get(
        reverse("wagtailsnippets_accounts_registration:list"), {"q": "findme"}
    ).content.decode()
    assert "SW1" in html
    assert "SW2" not in html


def test_practitioners_cannot_reach_the_team_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("wagtailsnippets_accounts_team:list"))
    assert response.status_code == 302
