import pytest
from django.urls import reverse

from learning.models import BiteRead
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_i_have_read_this_is_recorded_once_with_first_and_last_dates(client, content):
    user = UserFactory()
    client.force_login(user)
    url = reverse("learning:bite_read", args=[content.bite.id])
    response = client.post(url)
    assert response["Location"] == content.bite.url
    first = BiteRead.objects.get(user=user)
    client.post(url)
    again = BiteRead.objects.get(user=user)
    assert BiteRead.objects.count() == 1
    assert again.first_read_at == first.first_read_at and again.last_read_at > first.last_read_at
    html = client.get(content.bite.url).content.decode()
    assert "You marked this as read on" in html and "I have read this again" in html


def test_reading_needs_a_signed_in_learner_and_a_live_bite(client, content):
    url = reverse("learning:bite_read", args=[content.bite.id])
    assert client.post(url).status_code == 302 and not BiteRead.objects.exists()
    client.force_login(UserFactory())
    content.bite.unpublish()
    assert client.post(url).status_code == 404
    assert client.post(reverse("learning:bite_read", args=[999999])).status_code == 404
    assert not BiteRead.objects.exists()


def test_anonymous_readers_are_not_offered_the_read_button(client, content):
    assert "I have read this" not in client.get(content.bite.url).content.decode()
