import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from accounts.permissions import EDITOR_GROUP
from quizzes.item_analysis import quiz_item_analysis
from quizzes.services import attempt_answer_save, attempt_start, attempt_submit
from tests.accounts.factories import UserFactory
from tests.accounts.otp import verified_login
from tests.quizzes.factories import QuizPageFactory, single

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited_quiz(content):
    quiz = QuizPageFactory(
        parent=content.bite,
        slug="cited",
        questions=[single("Easy one", standards=[content.conduct]), single("Hard one")],
    )
    quiz.save_revision().publish()
    return quiz


def take(quiz, *, right):
    """Submit an attempt answering question i right when right[i]."""
    user = UserFactory()
    attempt = attempt_start(user=user, quiz_id=quiz.id)
    for question, is_right in zip(attempt.snapshot["questions"], right, strict=True):
        option = next(o for o in question["options"] if o["correct"] == is_right)
        attempt_answer_save(
            attempt_id=attempt.id, user=user, question_id=question["id"], selected=[option["id"]]
        )
    attempt_submit(attempt_id=attempt.id, user=user)


def test_item_analysis_reports_facility_options_and_standards(cited_quiz, content):
    take(cited_quiz, right=[True, False])
    take(cited_quiz, right=[True, True])
    take(cited_quiz, right=[True, False])
    take(cited_quiz, right=[False, False])
    analysis = quiz_item_analysis(quiz=cited_quiz)
    easy, hard = analysis["questions"]
    assert (easy.prompt, easy.stats.facility) == ("Easy one", 75.0)
    assert hard.stats.facility == 25.0
    assert [count.count for _text, count in easy.options] == [3, 1, 0]
    assert analysis["overall"].attempts == 4
    [(ref, stats)] = analysis["standards"]
    assert (ref.code, stats.answers, stats.mean_percent) == ("13", 4, 75.0)


def queries_for(quiz):
    quiz = type(quiz).objects.get(id=quiz.id)  # fresh, as the admin view loads it
    with CaptureQueriesContext(connection) as queries:
        quiz_item_analysis(quiz=quiz)
    return len(queries)


def test_item_analysis_reads_a_bounded_number_of_queries(cited_quiz):
    take(cited_quiz, right=[True, False])
    few = queries_for(cited_quiz)
    for _ in range(6):
        take(cited_quiz, right=[False, True])
    assert queries_for(cited_quiz) == few, few


def test_editors_see_statistics_in_the_admin_and_practitioners_do_not(client, cited_quiz, content):
    take(cited_quiz, right=[True, True])
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.get_or_create(
        group=group, page=content.home, permission=Permission.objects.get(codename="change_page")
    )
    editor = UserFactory()
    editor.groups.add(group)
    url = f"/admin/quizzes/{cited_quiz.id}/statistics/"
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Easy one" in response.content and b"Facility" in response.content
    client.force_login(UserFactory())
    assert client.get(url).status_code == 302  # no admin access: sent to the admin sign-in


def test_the_quiz_editor_links_to_its_statistics(client, cited_quiz, content):
    verified_login(client, UserFactory(is_superuser=True, is_staff=True))
    html = client.get(f"/admin/pages/{cited_quiz.id}/edit/").content.decode()
    assert f"/admin/quizzes/{cited_quiz.id}/statistics/" in html
    listing = client.get(f"/admin/pages/{content.bite.id}/").content.decode()
    assert f"/admin/quizzes/{cited_quiz.id}/statistics/" in listing
