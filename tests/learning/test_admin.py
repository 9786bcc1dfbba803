"""Editors write bites and standards in the Wagtail admin, with preview and revisions."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.permissions import EDITOR_GROUP
from tests.accounts.factories import UserFactory
from tests.learning.factories import KnowledgeBitePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(content):
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=content.home, permission=Permission.objects.get(codename=permission)
        )
    user = UserFactory()
    user.groups.add(group)
    return user


def test_editor_can_open_a_bite_in_the_editor(client, editor, content):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{content.bite.id}/edit/")
    assert response.status_code == 200
    assert b"Social workers - social media" in response.content


def test_editor_sees_the_revisions_of_a_bite(client, editor, content):
    content.bite.save_revision(user=editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{content.bite.id}/history/")
    assert response.status_code == 200


def test_editor_can_preview_a_changed_bite_before_publishing(client, editor, content):
    bite = KnowledgeBitePageFactory(parent=content.bites, title="Draft bite", body=[])
    client.force_login(editor)
    preview_url = f"/admin/pages/{bite.id}/edit/preview/"
    data = nested_form_data(
        {
            "title": "A previewed title",
            "slug": bite.slug,
            "summary": "Summary",
            "body": streamfield(
                [
                    ("heading", {"text": "Previewed heading", "level": "h3"}),
                    ("paragraph", rich_text("<p>Previewed words.</p>")),
                ]
            ),
        }
    )
    post = client.post(preview_url, data)
    assert post.status_code == 200 and post.json()["is_valid"], post.content[:500]
    preview = client.get(preview_url).content.decode()
    assert "A previewed title" in preview
    assert '<h3 class="govuk-heading-m">Previewed heading</h3>' in preview
    bite.refresh_from_db()
    assert bite.title == "Draft bite"


def test_practitioner_cannot_open_the_admin(client, content):
    client.force_login(UserFactory())
    response = client.get(f"/admin/pages/{content.bite.id}/edit/")
    assert response.status_code == 302
