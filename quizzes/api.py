"""What other apps may ask of quizzes. Returns plain dataclasses."""

from dataclasses import dataclass

from .models import QuizPage


@dataclass(frozen=True)
class QuizLink:
    id: int
    title: str
    url: str
    question_count: int


def quiz_for_bite(*, bite, request=None) -> QuizLink | None:
    """Return the live quiz that checks this knowledge bite, if it has one."""
    quiz = QuizPage.objects.child_of(bite).live().first()
    if quiz is None:
        return None
    return QuizLink(
        id=quiz.id,
        title=quiz.title,
        url=quiz.get_url(request=request),
        question_count=len(quiz.questions.raw_data),
    )
