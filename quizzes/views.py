"""Taking a quiz: one question per page, check your answers, submit, result.

Views stay thin: selectors read the learner's own attempt (404 for anyone else's),
services write. Everything works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import QuestionForm
from .models import AttemptStatus, QuizPage


def _question_url(attempt, number, return_to_check=False):
    url = reverse("quizzes:question", args=[attempt.id, number])
    return f"{url}?return=check" if return_to_check else url


def _next_step(attempt, number, return_to_check):
    if selectors.feedback_after_each(attempt):
        return reverse("quizzes:question_feedback", args=[attempt.id, number])
    total = len(attempt.snapshot["questions"])
    if return_to_check or number >= total:
        return reverse("quizzes:check", args=[attempt.id])
    return _question_url(attempt, number + 1)


@login_required
@require_POST
def start(request, quiz_id):
    try:
        attempt = services.attempt_start(user=request.user, quiz_id=quiz_id)
    except services.QuizError as error:
        quiz = QuizPage.objects.live().filter(id=quiz_id).first()
        if quiz is None:
            raise Http404 from None
        messages.error(request, str(error))
        return redirect(quiz.get_url(request=request))
    number = selectors.first_unanswered(attempt)
    if number is None:
        return redirect("quizzes:check", attempt.id)
    return redirect(_question_url(attempt, number))


@login_required
def question(request, attempt_id, number):
    attempt = selectors.attempt_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.status == AttemptStatus.SUBMITTED:
        return redirect("quizzes:result", attempt.id)
    current = selectors.question_at(attempt=attempt, number=number)
    if current is None:
        raise Http404
    if selectors.feedback_after_each(attempt) and current.response is not None:
        return redirect("quizzes:question_feedback", attempt.id, number)
    return_to_check = request.GET.get("return") == "check"
    ask_confidence = attempt.snapshot["quiz"]["ask_confidence"]
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        question=current.question,
        ask_confidence=ask_confidence,
        initial=QuestionForm.initial_from(current.question, current.response),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attempt_answer_save(
                attempt_id=attempt.id,
                user=request.user,
                question_id=current.question["id"],
                **form.answer,
            )
        except services.QuizError as error:
            form.add_error(None, str(error))
        else:
            return redirect(_next_step(attempt, number, return_to_check))
    back = (
        reverse("quizzes:check", args=[attempt.id])
        if return_to_check
        else _question_url(attempt, number - 1)
        if number > 1
        else (
            attempt.quiz.get_url(request=request) if attempt.quiz else reverse("quizzes:my_results")
        )
    )
    return TemplateResponse(
        request,
        "quizzes/question.html",
        {
            "attempt": attempt,
            "current": current,
            "total": len(attempt.snapshot["questions"]),
            "form": form,
            "back_url": back,
        },
    )


@login_required
def question_feedback(request, attempt_id, number):
    attempt = selectors.attempt_for_user(user=request.user, attempt_id=attempt_id)
    current = selectors.question_at(attempt=attempt, number=number)
    if current is None or current.response is None or not selectors.feedback_after_each(attempt):
        raise Http404
    total = len(attempt.snapshot["questions"])
    next_url = (
        _question_url(attempt, number + 1)
        if number < total
        else reverse("quizzes:check", args=[attempt.id])
    )
    result = selectors.question_review(number, current.question, current.response, score=None)
    return TemplateResponse(
        request,
        "quizzes/question_feedback.html",
        {"attempt": attempt, "result": result, "total": total, "next_url": next_url},
    )


def _check_context(attempt):
    return {
        "attempt": attempt,
        "rows": [
            (
                view,
                selectors.answer_lines(view.question, view.response),
                _question_url(attempt, view.number, return_to_check=True),
            )
            for view in (
                selectors.question_at(attempt=attempt, number=n)
                for n in range(1, len(attempt.snapshot["questions"]) + 1)
            )
        ],
        "can_change": not selectors.feedback_after_each(attempt),
    }


@login_required
def check(request, attempt_id):
    attempt = selectors.attempt_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.status == AttemptStatus.SUBMITTED:
        return redirect("quizzes:result", attempt.id)
    return TemplateResponse(request, "quizzes/check.html", _check_context(attempt))


@login_required
@require_POST
def submit(request, attempt_id):
    attempt = selectors.attempt_for_user(user=request.user, attempt_id=attempt_id)
    try:
        services.attempt_submit(attempt_id=attempt.id, user=request.user)
    except services.QuizError as error:
        attempt.refresh_from_db()
        context = {
            **_check_context(attempt),
            "submit_error": str(error),
            "first_missing": selectors.first_unanswered(attempt),
        }
        return TemplateResponse(request, "quizzes/check.html", context, status=400)
    return redirect("quizzes:result", attempt.id)


@login_required
def result(request, attempt_id):
    attempt = selectors.attempt_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.status != AttemptStatus.SUBMITTED:
        return redirect("quizzes:check", attempt.id)
    return TemplateResponse(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "review": selectors.attempt_review(attempt=attempt),
            # What higher apps add: training's "modules" this quiz is a step of.
            **selectors.quiz_result_context(attempt=attempt, request=request),
        },
    )


@login_required
def my_results(request):
    return TemplateResponse(
        request,
        "quizzes/my_results.html",
        {"attempts": selectors.results_for_user(user=request.user)},
    )
