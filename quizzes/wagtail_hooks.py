from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton
from wagtail.rich_text import get_text_for_indexing

from . import admin_views
from .api import quiz_for_bite
from .models import QuizPage


@hooks.register("bite_page_context")  # learning.selectors.content.BITE_PAGE_CONTEXT_HOOK
def bite_page_quiz(*, bite, request):
    """Offer the quiz that checks the bite on the bite's page."""
    return {"quiz": quiz_for_bite(bite=bite, request=request)}


@hooks.register("search_page_types")  # learning.selectors.search.SEARCH_PAGE_TYPES_HOOK
def quiz_search_page_type():
    """Let site search find quizzes, labelled "Quiz", summed up by their introduction."""
    return [(QuizPage, _("Quiz"), quiz_search_summary)]


def quiz_search_summary(quiz):
    return Truncator(" ".join(get_text_for_indexing(quiz.intro).split())).words(40)


@hooks.register("register_admin_urls")
def register_quiz_statistics_url():
    return [
        path(
            "quizzes/<int:quiz_id>/statistics/",
            admin_views.quiz_statistics,
            name="quizzes_statistics",
        )
    ]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def quiz_statistics_button(page, user, *args, **kwargs):
    if (
        issubclass(page.specific_class or object, QuizPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield ListingButton(
            _("Statistics"),
            reverse("quizzes_statistics", args=[page.id]),
            priority=60,
        )
