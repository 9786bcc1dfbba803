"""Training fixtures: a module (bite, quiz, reflection) and a managed team."""

import copy
from types import SimpleNamespace

import pytest

from tests.accounts.factories import TeamFactory, UserFactory
from tests.conftest import build_content, prebuild
from tests.quizzes.factories import QuizPageFactory
from training.models import TrainingIndexPage, TrainingModulePage


def module_create(*, parent, slug, title, steps, refresher_months=12):
    module = parent.add_child(
        instance=TrainingModulePage(
            title=title,
            slug=slug,
            summary="Read, test, reflect.",
            estimated_minutes=45,
            refresher_months=refresher_months,
            steps=steps,
        )
    )
    module.save_revision().publish()
    return module


@pytest.fixture(scope="session")
def prebuilt_module(migrated_database, django_db_blocker):
    """`content` and `module` on it, built once per session (per xdist worker)."""

    def build():
        content = build_content()
        return content, build_module(content)

    with django_db_blocker.unblock():
        built = prebuild(migrated_database, "snapshot_module", build)
    yield built
    with django_db_blocker.unblock():
        built.rows.drop()


@pytest.fixture
def module(content, prebuilt_module):
    """A module (bite, quiz, reflection), copied into the test's transaction like `content`.

    The test's `content` becomes the copy the module was built on, so that its pages know
    their new children, as when this fixture built the module on `content` itself.
    """
    prebuilt_module.rows.restore()
    built_content, module = copy.deepcopy(prebuilt_module.objects)
    vars(content).update(vars(built_content))
    return module


def build_module(content):
    quiz = QuizPageFactory(parent=content.bite, slug="check")
    quiz.save_revision().publish()
    training = content.home.add_child(instance=TrainingIndexPage(title="Training", slug="training"))
    module = module_create(
        parent=training,
        slug="social-media",
        title="Social media and professional boundaries",
        steps=[
            {"type": "bite", "value": content.bite.id},
            {"type": "quiz", "value": quiz.id},
            {"type": "reflection", "value": {"prompt": "Reflect on your own use of social media."}},
        ],
    )
    module.quiz = quiz
    module.training_index = training
    return module


@pytest.fixture
def bite_only_module(module, content):
    """A second module with one step: read the bite."""
    return module_create(
        parent=module.training_index,
        slug="read-the-bite",
        title="Read the social media bite",
        steps=[{"type": "bite", "value": content.bite.id}],
        refresher_months=None,
    )


@pytest.fixture
def team(db):
    manager = UserFactory(first_name="Grace", last_name="Okafor")
    members = [
        UserFactory(first_name="Asha", last_name="Patel"),
        UserFactory(first_name="Ciaran", last_name="Murphy"),
    ]
    team = TeamFactory(name="Children's services team A", members=members, managers=[manager])
    return SimpleNamespace(team=team, manager=manager, members=members)
