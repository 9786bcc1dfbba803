"""The signed-in home: training due, overdue and expiring, what to continue, the CPD standing."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.services import attempt_answer_save, attempt_start
from reflections.models import RecordStatus
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory
from tests.reflections.factories import CompleteRecordFactory, RecordFactory
from tests.training.conftest import module_create
from training.models import Assignment, Completion, ModuleProgressLog

pytestmark = pytest.mark.django_db

HEADING = "Your training and CPD"


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def assign(module, user, *, due_in_days):
    """Assign the module to a team of the user's own, due in so many days (negative: past).

    Made directly: the service refuses a due date in the past, as a manager's form should.
    """
    team = TeamFactory(members=[user])
    return Assignment.objects.create(
        module=module,
        module_title=module.title,
        team=team,
        due_date=timezone.localdate() + dt.timedelta(days=due_in_days),
    )


def complete(module, user, *, days_ago, expires_in_days):
    today = timezone.localdate()
    return Completion.objects.create(
        user=user,
        module=module,
        module_title=module.title,
        completed_at=timezone.now() - dt.timedelta(days=days_ago),
        expires_on=today + dt.timedelta(days=expires_in_days),
    )


def home(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def training_section(page):
    """The "Your training" part of the page (up to the next section)."""
    return page.split("Your training</h2>", 1)[1].split('class="govuk-summary-card"', 1)[0]


def test_an_overdue_module_shows_its_due_date_and_links_to_the_module(client, module):
    user = UserFactory()
    assignment = assign(module, user, due_in_days=-10)
    page = home(client, user)
    assert HEADING in page
    section = training_section(page)
    assert f'href="{module.url}"' in section
    assert module.title in section
    assert f"Was due by {long_date(assignment.due_date)}" in section
    assert "govuk-tag--red" in section and "Overdue" in section
    assert "1 module is overdue: do it first." in section


def test_a_module_expiring_soon_shows_its_expiry_date(client, module):
    user = UserFactory()
    assign(module, user, due_in_days=-300)
    completion = complete(module, user, days_ago=340, expires_in_days=20)
    section = training_section(home(client, user))
    assert f"Expires on {long_date(completion.expires_on)}" in section
    assert "Expires soon" in section
    assert "Overdue" not in section
    assert "You have completed 1 of the 1 module assigned to you." in section


# The demo's practitioners, one per state (training/demo.py), as the home shows each.
STATES = {
    # state: (due in days, completed days ago or None, expires in days, progress, tag, hint)
    "not started": (20, None, None, False, "Not started", "Due by {due}"),
    "due soon": (3, None, None, False, "Due soon", "Due by {due}"),
    "in progress": (20, None, None, True, "In progress", "Due by {due}"),
    "overdue after expiry": (-40, 400, -30, False, "Overdue", "Was due by {expired}"),
}


@pytest.mark.parametrize("state", STATES)
def test_each_state_of_a_module_shows_its_tag_and_date(client, module, state):
    due_in, done_ago, expires_in, started, tag, hint = STATES[state]
    user = UserFactory()
    assignment = assign(module, user, due_in_days=due_in)
    expired = None
    if done_ago is not None:
        expired = complete(module, user, days_ago=done_ago, expires_in_days=expires_in).expires_on
    if started:
        ModuleProgressLog.objects.create(user=user, module=module, steps_done=1, steps_total=3)
    section = training_section(home(client, user))
    assert f">{tag}</strong>" in section
    due = long_date(max(d for d in (assignment.due_date, expired) if d))
    assert hint.format(due=due, expired=due) in section


def test_training_all_done_says_so_with_a_completed_tag(client, module):
    user = UserFactory()
    assign(module, user, due_in_days=-30)
    complete(module, user, days_ago=5, expires_in_days=360)
    section = training_section(home(client, user))
    assert ">Completed</strong>" in section
    assert "You are up to date with the training assigned to you." in section
    assert "govuk-task-list" not in section
    assert 'href="/my-training/"' in section


def test_nothing_assigned_suggests_knowledge_bites_and_modules(client, content):
    section = training_section(home(client, UserFactory()))
    assert "You have no training assigned to you yet." in section
    assert 'href="/knowledge-bites/"' in section
    assert 'href="/training/"' in section
    assert "govuk-task-list" not in section


def test_a_quiz_in_progress_and_a_draft_record_offer_continue_links(client, module):
    user = UserFactory()
    attempt = attempt_start(user=user, quiz_id=module.quiz.id)
    first = attempt.snapshot["questions"][0]
    attempt_answer_save(
        attempt_id=attempt.id,
        user=user,
        question_id=first["id"],
        selected=[first["options"][0]["id"]],
    )
    record = RecordFactory(owner=user, title="Boundaries on Facebook")
    page = home(client, user)
    assert "Continue where you left off" in page
    assert f'href="/quizzes/attempts/{attempt.id}/questions/2/"' in page
    assert "Quiz: 1 of 3 questions answered" in page
    assert f'href="/reflections/{record.id}/edit/"' in page
    assert "Boundaries on Facebook" in page
    assert f"last saved on {long_date(timezone.localdate())}" in page


def test_a_quiz_with_every_answer_saved_continues_at_check_your_answers(module):
    from quizzes.api import attempts_in_progress
    from tests.quizzes.conftest import answer_everything

    user = UserFactory()
    attempt = attempt_start(user=user, quiz_id=module.quiz.id)
    answer_everything(attempt, user)
    [ref] = attempts_in_progress(user_id=user.id)
    assert ref.continue_url == f"/quizzes/attempts/{attempt.id}/check/"
    assert (ref.answered, ref.question_count) == (3, 3)


def test_an_attempt_at_a_quiz_since_unpublished_is_not_offered(module):
    from quizzes.api import attempts_in_progress

    user = UserFactory()
    attempt_start(user=user, quiz_id=module.quiz.id)
    assert len(attempts_in_progress(user_id=user.id)) == 1
    module.quiz.unpublish()
    assert attempts_in_progress(user_id=user.id) == []


def test_draft_records_are_the_owners_drafts_last_saved_first(db):
    from reflections.api import draft_records

    user = UserFactory()
    older = RecordFactory(owner=user, title="Older")
    newer = RecordFactory(owner=user, title="Newer")
    CompleteRecordFactory(owner=user, title="Complete")
    RecordFactory(title="Someone else's")
    type(older).objects.filter(id=older.id).update(updated_at=timezone.now() - dt.timedelta(days=2))
    assert [r.title for r in draft_records(owner_id=user.id, limit=5)] == ["Newer", "Older"]
    assert [r.id for r in draft_records(owner_id=user.id, limit=1)] == [newer.id]


def test_nothing_in_progress_leaves_the_continue_card_out(client, content):
    assert "Continue where you left off" not in home(client, UserFactory())


def test_another_users_training_quizzes_and_drafts_never_appear(client, module, bite_only_module):
    other = UserFactory()
    assign(bite_only_module, other, due_in_days=-5)
    attempt_start(user=other, quiz_id=module.quiz.id)
    RecordFactory(owner=other, title="Someone else's draft")
    RegistrationFactory(user=other, regulator="hcpc")
    user = UserFactory()
    page = home(client, user)
    assert HEADING in page
    assert bite_only_module.title not in page
    assert "Overdue" not in page
    assert "Continue where you left off" not in page
    assert "Someone else's draft" not in page
    assert "Health and Care Professions Council" not in page
    assert "Record your regulator" in page


def test_the_cpd_standing_shows_against_the_learners_regulator_with_a_link_to_my_cpd(
    client, content
):
    user = UserFactory()
    RegistrationFactory(user=user)
    CompleteRecordFactory(owner=user, start_date=timezone.localdate(), hours=Decimal(2))
    # Social Work England's year runs from 1 December to 30 November.
    today = timezone.localdate()
    year_end = dt.date(today.year + (today.month == 12), 11, 30)
    page = home(client, user)
    assert "Where you stand with Social Work England" in page
    assert 'href="/reflections/">Go to My CPD</a>' in page
    assert "Not met yet" in page
    assert 'Complete records</dt><dd class="govuk-summary-list__value">1</dd>' in page
    assert "To meet the requirement:" in page
    assert f"{long_date(year_end)} ({(year_end - today).days} days left)" in page
    assert "Record 1 more piece of CPD." in page


def test_the_anonymous_home_is_unchanged(client, content):
    content.home.intro = "<p>Learning for social care staff.</p>"
    content.home.save()
    page = html.unescape(client.get("/").content.decode())
    assert f'<h1 class="govuk-heading-xl">{content.home.title}</h1>' in page
    assert "Learning for social care staff." in page
    assert HEADING not in page
    assert "Your training" not in page
    assert "Latest knowledge bites" in page
    assert content.bite.title in page


def test_the_signed_in_home_still_lists_the_latest_knowledge_bites(client, content):
    page = home(client, UserFactory())
    assert page.index(HEADING) < page.index("Latest knowledge bites")
    assert content.bite.title in page.split("Latest knowledge bites", 1)[1]


# Queries of the signed-in home: Wagtail's routing (site, page, aliases, view
# restrictions: 4), session and user (2), My training's (assignments, modules,
# completions, progress logs, removed modules' completions: 5), quizzes in progress,
# drafts, the registration and complete records (4), the latest bites (1), whether the
# user manages a team (1: the manager's section and the header share it), and saving the
# session (3: SESSION_SAVE_EVERY_REQUEST).
HOME_QUERIES = 20


@pytest.mark.parametrize("count", [1, 20])
def test_the_home_reads_its_data_in_the_same_number_of_queries_for_1_or_20_assignments(
    client, module, content, count
):
    user = UserFactory()
    RegistrationFactory(user=user)
    CompleteRecordFactory(owner=user)
    RecordFactory(owner=user, title="A draft")
    attempt_start(user=user, quiz_id=module.quiz.id)
    team = TeamFactory(members=[user])
    today = timezone.localdate()
    for n in range(count):
        extra = module_create(
            parent=module.training_index,
            slug=f"module-{n}",
            title=f"Module {n:02d}",
            steps=[{"type": "bite", "value": content.bite.id}],
        )
        Assignment.objects.create(
            module=extra,
            module_title=extra.title,
            team=team,
            due_date=today + dt.timedelta(days=n * 3 - 15),
        )
        if n % 3 == 0:
            complete(extra, user, days_ago=300, expires_in_days=n + 10)
        if n % 4 == 1:
            ModuleProgressLog.objects.create(user=user, module=extra, steps_done=1, steps_total=2)
    client.force_login(user)
    client.get("/")  # warm the site-root cache, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Module 00" in page and "A draft" in page
    # The same for 1 and 20; pinned so that a query per module shows.
    assert len(queries) == HOME_QUERIES, "\n".join(q["sql"][:150] for q in queries)


def test_records_in_draft_count_nothing_towards_the_standing(client, content):
    user = UserFactory()
    RegistrationFactory(user=user)
    RecordFactory(owner=user, status=RecordStatus.DRAFT, start_date=timezone.localdate())
    page = home(client, user)
    assert 'Complete records</dt><dd class="govuk-summary-list__value">0</dd>' in page
