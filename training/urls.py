from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("my-training/", views.my_training, name="my_training"),
    path(
        "my-training/modules/<int:module_id>/reflect/",
        views.module_reflect,
        name="module_reflect",
    ),
    path("team-training/", views.team_report, name="team_report"),
    path("team-training/report.csv", views.team_report_csv, name="team_report_csv"),
    path("team-training/report.xlsx", views.team_report_xlsx, name="team_report_xlsx"),
    path("team-training/files/", views.report_file_new, name="report_file_new"),
    path("team-training/files/<int:file_id>/", views.report_file, name="report_file"),
    path(
        "team-training/files/<int:file_id>/download/",
        views.report_file_download,
        name="report_file_download",
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
    path("team-training/people/<int:user_id>/", views.learner, name="learner"),
    path("team-training/reminders/", views.reminder_log, name="reminder_log"),
    path(
        "team-training/reminders/overdue/",
        views.reminder_overdue,
        name="reminder_overdue",
    ),
    path(
        "team-training/people/<int:user_id>/modules/<int:module_id>/remind/",
        views.reminder_person,
        name="reminder_person",
    ),
]

# "Download all my data" gathers every app's data, so it lives here, at the address it
# has always had (under My CPD, which links to it).
urlpatterns += [path("reflections/my-data/", views.my_data, name="my_data")]
