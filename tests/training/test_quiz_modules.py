"""Which modules have a quiz as a step ("Back to the module" on the quiz's result)."""

import pytest

from tests.training.conftest import module_create
from training.selectors.quiz_modules import QuizModule, modules_with_quiz

pytestmark = pytest.mark.django_db


def test_only_live_modules_with_the_quiz_as_a_step_are_returned_by_title(
    module, content, django_assert_num_queries
):
    quiz = module.quiz
    other = module_create(
        parent=module.training_index,
        slug="a-first",
        title="A first module",
        steps=[{"type": "quiz", "value": quiz.id}],
    )
    module_create(
        parent=module.training_index,
        slug="bite-only",
        title="Bite only",
        steps=[{"type": "bite", "value": content.bite.id}],
    )
    draft = module_create(
        parent=module.training_index,
        slug="draft",
        title="Draft",
        steps=[{"type": "quiz", "value": quiz.id}],
    )
    draft.unpublish()
    module.get_url()  # Wagtail caches the site's root paths on first use.
    with django_assert_num_queries(1):
        found = modules_with_quiz(quiz_id=quiz.id)
    assert found == [
        QuizModule(id=other.id, title="A first module", url=other.url),
        QuizModule(id=module.id, title=module.title, url=module.url),
    ]
    assert modules_with_quiz(quiz_id=quiz.id + 1000) == []


def test_the_hook_offers_the_modules_to_the_quiz_result(module, rf):
    from wagtail import hooks

    from quizzes.api import QUIZ_RESULT_CONTEXT_HOOK

    merged = {}
    for add_context in hooks.get_hooks(QUIZ_RESULT_CONTEXT_HOOK):
        merged.update(add_context(quiz_id=module.quiz.id, request=rf.get("/")))
    assert [m.url for m in merged["modules"]] == [module.url]
