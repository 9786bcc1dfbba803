"""Every URL pattern the project defines, and who gets what status from it.

A new URL pattern without a row here fails `test_every_url_pattern_has_a_row`.
Third-party URL confs (the Wagtail admin, documents, page serving) count as one row each,
at their prefix. Managers and administrators are signed in having passed the second
factor; tests/accounts/test_second_factor.py covers them before they have.
"""

import copy
import datetime

import pytest
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.permissions import EDITOR_GROUP
from core.prepared_files.services import prepared_file_render
from quizzes.services import attempt_start
from reflections.exports.files import CPD_EXPORTS
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.conftest import build_content
from tests.quizzes.factories import QuizPageFactory
from tests.reflections.factories import CompleteRecordFactory, ExportFactory
from tests.training.factories import ReportFileFactory
from training.files import REPORT_FILES
from training.models import TrainingIndexPage, TrainingModulePage
from training.services import assignment_create

ROLES = ("anonymous", "practitioner", "manager", "editor", "administrator")
# accounts.permissions.needs_second_factor: these roles sign in with a code too.
SECOND_FACTOR_ROLES = ("manager", "administrator")
OWN_URLCONFS = (
    "config.",
    "core.",
    "accounts.",
    "learning.",
    "quizzes.",
    "reflections.",
    "training.",
)

OK, REDIRECT, FORBIDDEN, NOT_ALLOWED = 200, 302, 403, 405


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, anonymous=REDIRECT):
    return {"anonymous": anonymous, **dict.fromkeys(ROLES[1:], status)}


def owner_only(status):
    """The practitioner owns the object; everyone else signed in gets 404."""
    return {"anonymous": REDIRECT, **dict.fromkeys(ROLES[1:], 404), "practitioner": status}


def managers_only(refused):
    """The team's manager and administrators get the page; other signed-in users `refused`."""
    return {**signed_in(refused), "manager": OK, "administrator": OK}


# pattern (as the resolver spells it) -> (path to request, {role: expected status})
MATRIX = {
    "admin/": ("/admin/", {**signed_in(REDIRECT), "editor": OK, "administrator": OK}),
    "documents/": ("/documents/", everyone(404)),
    "accounts/sign-in/": ("/accounts/sign-in/", everyone(OK)),
    "accounts/sign-out/": ("/accounts/sign-out/", everyone(NOT_ALLOWED)),
    # Says "You have signed out": anyone still signed in is sent home instead.
    "accounts/signed-out/": ("/accounts/signed-out/", {**signed_in(REDIRECT), "anonymous": OK}),
    "accounts/password-reset/": ("/accounts/password-reset/", everyone(OK)),
    "accounts/password-reset/sent/": ("/accounts/password-reset/sent/", everyone(OK)),
    "accounts/reset/<uidb64>/<token>/": ("/accounts/reset/MQ/bad-token/", everyone(OK)),
    "accounts/reset/done/": ("/accounts/reset/done/", everyone(OK)),
    "accounts/your-account/": ("/accounts/your-account/", signed_in(OK)),
    # The code steps are for someone between the password and the code: anyone else is
    # sent on (to sign in when nobody is, else to where they were going).
    "accounts/sign-in/code/": ("/accounts/sign-in/code/", everyone(REDIRECT)),
    "accounts/sign-in/recovery-code/": ("/accounts/sign-in/recovery-code/", everyone(REDIRECT)),
    "accounts/sign-in/set-up-app/": ("/accounts/sign-in/set-up-app/", everyone(REDIRECT)),
    # New recovery codes are shown once, just after they are made: none to show here.
    "accounts/recovery-codes/": ("/accounts/recovery-codes/", everyone(REDIRECT)),
    "accounts/your-account/recovery-codes/": (
        "/accounts/your-account/recovery-codes/",
        {**signed_in(404), "manager": OK, "administrator": OK},
    ),
    "search/": ("/search/?q=social", everyone(OK)),
    "knowledge-bites/<int:bite_id>/read/": (
        "/knowledge-bites/{bite}/read/",
        signed_in(NOT_ALLOWED),
    ),
    "accessibility/": ("/accessibility/", everyone(OK)),
    "privacy/": ("/privacy/", everyone(OK)),
    "cookies/": ("/cookies/", everyone(OK)),
    "contact/": ("/contact/", everyone(OK)),
    "feedback/": ("/feedback/", everyone(OK)),
    "feedback/thank-you/": ("/feedback/thank-you/", everyone(OK)),
    "quizzes/<int:quiz_id>/start/": ("/quizzes/{quiz}/start/", signed_in(NOT_ALLOWED)),
    "quizzes/attempts/<int:attempt_id>/questions/<int:number>/": (
        "/quizzes/attempts/{attempt}/questions/1/",
        owner_only(OK),
    ),
    "quizzes/attempts/<int:attempt_id>/questions/<int:number>/feedback/": (
        "/quizzes/attempts/{attempt}/questions/1/feedback/",
        owner_only(404),
    ),
    "quizzes/attempts/<int:attempt_id>/check/": (
        "/quizzes/attempts/{attempt}/check/",
        owner_only(OK),
    ),
    "quizzes/attempts/<int:attempt_id>/submit/": (
        "/quizzes/attempts/{attempt}/submit/",
        signed_in(NOT_ALLOWED),
    ),
    # An attempt still in progress sends its owner to check their answers.
    "quizzes/attempts/<int:attempt_id>/": ("/quizzes/attempts/{attempt}/", owner_only(REDIRECT)),
    "quizzes/my-results/": ("/quizzes/my-results/", signed_in(OK)),
    "reflections/": ("/reflections/", signed_in(OK)),
    "reflections/new/": ("/reflections/new/", signed_in(NOT_ALLOWED)),
    "reflections/<int:record_id>/": ("/reflections/{record}/", owner_only(OK)),
    "reflections/<int:record_id>/edit/": ("/reflections/{record}/edit/", owner_only(OK)),
    "reflections/<int:record_id>/autosave/": (
        "/reflections/{record}/autosave/",
        signed_in(NOT_ALLOWED),
    ),
    # GET asks the owner to confirm (naming who will read it); POST shares or stops.
    "reflections/<int:record_id>/share/": ("/reflections/{record}/share/", owner_only(OK)),
    "reflections/<int:record_id>/delete/": ("/reflections/{record}/delete/", owner_only(OK)),
    "reflections/shared/": ("/reflections/shared/", signed_in(OK)),
    # The practitioner shared the record: only their team's manager may read it.
    "reflections/shared/<int:record_id>/": (
        "/reflections/shared/{record}/",
        {**signed_in(404), "manager": OK},
    ),
    "reflections/my-data/": ("/reflections/my-data/", signed_in(OK)),
    "reflections/delete-all/": ("/reflections/delete-all/", signed_in(OK)),
    "reflections/exports/new/": ("/reflections/exports/new/", signed_in(OK)),
    "reflections/exports/<int:export_id>/": ("/reflections/exports/{export}/", owner_only(OK)),
    # The practitioner's export is done: only they may download it.
    "reflections/exports/<int:export_id>/download/": (
        "/reflections/exports/{export}/download/",
        owner_only(OK),
    ),
    "my-training/": ("/my-training/", signed_in(OK)),
    "my-training/modules/<int:module_id>/reflect/": (
        "/my-training/modules/{module}/reflect/",
        signed_in(NOT_ALLOWED),
    ),
    # Team training: for managers of a team, and administrators; the rest are refused.
    "team-training/": ("/team-training/", managers_only(FORBIDDEN)),
    "team-training/report.csv": ("/team-training/report.csv", managers_only(FORBIDDEN)),
    "team-training/report.xlsx": ("/team-training/report.xlsx", managers_only(FORBIDDEN)),
    "team-training/standards/": ("/team-training/standards/", managers_only(FORBIDDEN)),
    "team-training/files/": ("/team-training/files/", signed_in(NOT_ALLOWED)),
    # The manager's report file is ready: only they may read its page and download it;
    # an administrator gets 404 (not theirs), people who manage no team 403.
    "team-training/files/<int:file_id>/": (
        "/team-training/files/{download}/",
        {**managers_only(FORBIDDEN), "administrator": 404},
    ),
    "team-training/files/<int:file_id>/download/": (
        "/team-training/files/{download}/download/",
        {**managers_only(FORBIDDEN), "administrator": 404},
    ),
    "team-training/assignments/": ("/team-training/assignments/", managers_only(FORBIDDEN)),
    # A team or an assignment of a team the user does not manage is not found.
    "team-training/teams/<int:team_id>/assign/": (
        "/team-training/teams/{team}/assign/",
        managers_only(404),
    ),
    "team-training/assignments/<int:assignment_id>/": (
        "/team-training/assignments/{assignment}/",
        managers_only(404),
    ),
    "team-training/assignments/<int:assignment_id>/withdraw/": (
        "/team-training/assignments/{assignment}/withdraw/",
        managers_only(404),
    ),
    # One person's training, for a manager of one of their teams (and administrators);
    # anyone else, the person themselves included, is told there is no such page.
    "team-training/people/<int:user_id>/": (
        "/team-training/people/{learner}/",
        managers_only(404),
    ),
    # Reminders: asked first (GET), sent by POST; the log of what was sent.
    "team-training/reminders/": ("/team-training/reminders/", managers_only(FORBIDDEN)),
    "team-training/reminders/overdue/": (
        "/team-training/reminders/overdue/",
        managers_only(FORBIDDEN),
    ),
    # A learner outside the user's teams (everyone for those who manage none) is not found.
    "team-training/people/<int:user_id>/modules/<int:module_id>/remind/": (
        "/team-training/people/{learner}/modules/{module}/remind/",
        managers_only(404),
    ),
    "": ("/", everyone(OK)),
}


def project_patterns(resolver=None, prefix=""):
    """Yield the route of every URL pattern the project defines."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLPattern):
            yield route
        elif isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if module.startswith(OWN_URLCONFS) or isinstance(entry.urlconf_module, list):
                yield from project_patterns(entry, route)
            else:
                yield route


def test_every_url_pattern_has_a_row():
    patterns = set(project_patterns())
    assert patterns - MATRIX.keys() == set(), "add these URL patterns to MATRIX"
    assert MATRIX.keys() - patterns == set(), "these MATRIX rows match no URL pattern"


@pytest.fixture(scope="module")
def shared_people(shared_db, tmp_path_factory):
    """The people and objects of every row, built once: the module's 260 requests only read.

    Each test still runs in its own savepoint (see shared_db), so a sign-in's session or
    anything else a request writes is gone before the next.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrix") / "media")
    media.enable()
    try:
        with shared_db.unblock():
            people = build_people(build_content())
        yield people
    finally:
        media.disable()


@pytest.fixture
def people(shared_people, db):
    """A copy of the shared people, as setUpTestData hands each test its own."""
    return copy.deepcopy(shared_people)


def build_people(content):
    practitioner = UserFactory(email="practitioner@example.com")
    RegistrationFactory(user=practitioner)
    manager = UserFactory(email="manager@example.com")
    team = TeamFactory()
    team.members.add(practitioner)
    team.managers.add(manager)
    editor = UserFactory(email="editor@example.com")
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    administrator = UserFactory(email="admin@example.com", is_superuser=True, is_staff=True)
    quiz = QuizPageFactory(parent=content.bite, slug="check")
    quiz.save_revision().publish()
    attempt = attempt_start(user=practitioner, quiz_id=quiz.id)
    training = content.home.add_child(instance=TrainingIndexPage(title="Training", slug="training"))
    module = training.add_child(
        instance=TrainingModulePage(
            title="A module",
            slug="a-module",
            summary="Read it.",
            estimated_minutes=10,
            steps=[{"type": "bite", "value": content.bite.id}],
        )
    )
    assignment = assignment_create(
        actor=manager,
        team_id=team.id,
        module_id=module.id,
        due_date=datetime.date.today() + datetime.timedelta(days=7),
    )
    export = ExportFactory(owner=practitioner)
    prepared_file_render(kind=CPD_EXPORTS, file_id=export.id)
    download = ReportFileFactory(owner=manager, team_ids=[team.id])
    prepared_file_render(kind=REPORT_FILES, file_id=download.id)
    return {
        "ids": {
            "quiz": quiz.id,
            "attempt": attempt.id,
            "bite": content.bite.id,
            "record": CompleteRecordFactory(owner=practitioner, shared_with_manager=True).id,
            "export": export.id,
            "team": team.id,
            "assignment": assignment.id,
            "module": module.id,
            "download": download.id,
            "learner": practitioner.id,
        },
        "anonymous": None,
        "practitioner": practitioner,
        "manager": manager,
        "editor": editor,
        "administrator": administrator,
    }


@pytest.mark.parametrize("pattern", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_status(client, people, pattern, role):
    path, expected = MATRIX[pattern]
    path = path.format(**people["ids"])
    if role in SECOND_FACTOR_ROLES:
        verified_login(client, people[role])
    elif people[role] is not None:
        client.force_login(people[role])
    response = client.get(path)
    assert response.status_code == expected[role], f"{role} GET {path}"
