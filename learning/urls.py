from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("my-training/", views.my_training, name="my_training"),
    path("team-training/", views.team_report, name="team_report"),
    path("team-training/report.csv", views.team_report_csv, name="team_report_csv"),
    path("team-training/report.xlsx", views.team_report_xlsx, name="team_report_xlsx"),
    path("team-training/files/", views.report_download_new, name="report_download_new"),
    path(
        "team-training/files/<int:download_id>/",
        views.report_download,
        name="report_download",
    ),
    path(
        "team-training/files/<int:download_id>/download/",
        views.report_download_file,
        name="report_download_file",
    ),
    path("team-training/standards/", views.standards_heatmap, name="standards_heatmap"),
    path("team-training/assignments/", views.assignment_list, name="assignment_list"),
    path(
        "team-training/teams/<int:team_id>/assign/",
        views.assignment_new,
        name="assignment_new",
    ),
    path(
        "team-training/assignments/<int:assignment_id>/",
        views.assignment_edit,
        name="assignment_edit",
    ),
    path(
        "team-training/assignments/<int:assignment_id>/withdraw/",
        views.assignment_withdraw,
        name="assignment_withdraw",
    ),
]
