from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .item_analysis import quiz_item_analysis
from .models import QuizPage


def quiz_statistics(request, quiz_id):
    """Item analysis for editors: which questions work (Moodle's quiz statistics)."""
    quiz = get_object_or_404(QuizPage, id=quiz_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    context = {"quiz": quiz, **quiz_item_analysis(quiz=quiz)}
    return TemplateResponse(request, "quizzes/admin/statistics.html", context)
