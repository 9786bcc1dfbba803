from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/start/", views.start, name="start"),
    path("attempts/<int:attempt_id>/questions/<int:number>/", views.question, name="question"),
    path(
        "attempts/<int:attempt_id>/questions/<int:number>/feedback/",
        views.question_feedback,
        name="question_feedback",
    ),
    path("attempts/<int:attempt_id>/check/", views.check, name="check"),
    path("attempts/<int:attempt_id>/submit/", views.submit, name="submit"),
    path("attempts/<int:attempt_id>/", views.result, name="result"),
    path("my-results/", views.my_results, name="my_results"),
]
