from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton

from . import admin_views
from .models import QuizPage


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
