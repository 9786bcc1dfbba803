"""Training's parts of pages that lower apps own."""

from wagtail import hooks

from learning import api as learning_api

from .selectors.home import practitioner_home


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
