from wagtail import hooks

from quizzes.api import QUIZ_RESULT_CONTEXT_HOOK

from .selectors.quiz_modules import modules_with_quiz


@hooks.register(QUIZ_RESULT_CONTEXT_HOOK)
def quiz_result_modules(*, quiz_id, request):
    """Offer "Back to the module" on a quiz's result when the quiz is a module's step."""
    return {"modules": modules_with_quiz(quiz_id=quiz_id)}
