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


def people_forms(prefix, users, *, initial=0):
    """The POST data of a MultipleChooserPanel's formset choosing these people."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(users)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for n, user in enumerate(users):
        data[f"{prefix}-{n}-user"] = str(user.pk)
        data[f"{prefix}-{n}-DELETE"] = ""
    return data


def test_an_administrator_creates_a_team_with_members_and_managers(client, administrator):
    member, manager = UserFactory(), UserFactory()
    response = client.post(
        reverse("wagtailsnippets_accounts_team:add"),
        {
            "name": "Duty team",
            **people_forms("memberships", [member]),
            **people_forms("managements", [manager]),
        },
    )
    assert response.status_code == 302
    team = Team.objects.get(name="Duty team")
    assert list(team.members.all()) == [member]
    assert list(team.managers.all()) == [manager]


def test_the_team_form_shows_the_teams_people_not_everyone_in_the_organisation(
    client, administrator
):
    staff = UserFactory.create_batch(200)
    team = TeamFactory(members=staff[:3], managers=[staff[3]])
    response = client.get(reverse("wagtailsnippets_accounts_team:edit", args=[team.id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert all(person.email not in html for person in staff[4:])  # no list of everyone
    assert 'type="checkbox" name="members"' not in html
    for person in staff[:4]:
        assert str(person) in html
    assert html.count('name="memberships-') >= 3 and "Choose a person" in html


def test_the_person_chooser_finds_people_by_name_or_email_a_page_at_a_time(client, administrator):
    UserFactory.create_batch(45, last_name="Smith")
    UserFactory(first_name="Asha", last_name="Patel", email="asha.p@example.com")
    UserFactory(first_name="Asha", last_name="Gone", is_active=False)
    choose = reverse("person_chooser:choose_results")
    found = client.get(choose, {"q": "asha patel"}).content.decode()
    assert "Asha Patel" in found and "Asha Gone" not in found and "Smith" not in found
    assert "Asha Patel" in client.get(choose, {"q": "asha.p@"}).content.decode()
    first_page = client.get(choose).content.decode()
    assert first_page.count("Smith") <= 20 * 2  # 20 people a page (each named in a link)
    assert 'aria-label="Pagination"' in first_page or "page=2" in first_page


def test_editing_a_team_adds_and_removes_people_and_keeps_the_rest(client, administrator):
    kept, leaving, joining, manager = UserFactory.create_batch(4)
    team = TeamFactory(members=[kept, leaving], managers=[manager])
    memberships = {m.user_id: m.id for m in team.memberships.all()}
    data = {
        "name": team.name,
        **people_forms("memberships", [kept, leaving, joining], initial=2),
        **people_forms("managements", [manager], initial=1),
        "memberships-0-id": str(memberships[kept.id]),
        "memberships-1-id": str(memberships[leaving.id]),
        "memberships-1-DELETE": "1",
        "managements-0-id": str(team.managements.get().id),
    }
    response = client.post(reverse("wagtailsnippets_accounts_team:edit", args=[team.id]), data)
    assert response.status_code == 302
    assert set(team.members.all()) == {kept, joining}
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
