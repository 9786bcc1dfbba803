"""Training's parts of pages that lower apps own."""

from wagtail import hooks

from learning import api as learning_api
from quizzes import api as quizzes_api

from .selectors.home import practitioner_home
from .selectors.quiz_modules import modules_with_quiz


@hooks.register(learning_api.HOME_PAGE_CONTEXT_HOOK)
def home_practitioner_section(*, page, request):
    """Show a signed-in visitor their training, what to continue and their CPD standing.

    Everyone signed in is a practitioner (managers too). A manager's section, when there
    is one, is another function registered under the same hook.
    """
    return {
        "template": "training/includes/home_practitioner.html",
        "home": practitioner_home(user=request.user, request=request),
    }


@hooks.register(quizzes_api.QUIZ_RESULT_CONTEXT_HOOK)
def quiz_result_modules(*, quiz_id, request):
    """Offer "Back to the module" on a quiz's result when the quiz is a module's step."""
    return {"modules": modules_with_quiz(quiz_id=quiz_id)}
