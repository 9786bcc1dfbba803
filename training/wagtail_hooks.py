"""Training's parts of pages that lower apps own."""

from wagtail import hooks

from accounts import api as accounts_api
from learning import api as learning_api
from quizzes import api as quizzes_api

from .selectors.home import practitioner_home
from .selectors.manager_home import manager_home
from .selectors.quiz_modules import modules_with_quiz


@hooks.register(learning_api.HOME_PAGE_CONTEXT_HOOK)
def home_practitioner_section(*, page, request):
    """Show a signed-in visitor their training, what to continue and their CPD standing.

    Everyone signed in is a practitioner (managers too). A manager's section comes
    first: `home_manager_section`, under the same hook.
    """
    return {
        "template": "training/includes/home_practitioner.html",
        "home": practitioner_home(user=request.user, request=request),
    }


# order=-1: the manager's section comes first, above their own training.
@hooks.register(learning_api.HOME_PAGE_CONTEXT_HOOK, order=-1)
def home_manager_section(*, page, request):
    """Show someone who manages teams where each team stands: how many people are
    overdue, expiring in 30 days and not started, each a link to those people.

    No query for whoever manages no team beyond the role read the header shares.
    """
    if not accounts_api.roles_for(request).manages_teams:
        return None
    home = manager_home(user=request.user)
    if home is None:
        return None
    return {"template": "training/includes/home_manager.html", "manager": home}


@hooks.register(quizzes_api.QUIZ_RESULT_CONTEXT_HOOK)
def quiz_result_modules(*, quiz_id, request):
    """Offer "Back to the module" on a quiz's result when the quiz is a module's step."""
    return {"modules": modules_with_quiz(quiz_id=quiz_id)}
