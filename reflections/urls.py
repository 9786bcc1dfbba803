from django.urls import path

from . import views

app_name = "reflections"

urlpatterns = [
    path("", views.my_cpd, name="my_cpd"),
    path("new/", views.record_new, name="new"),
    path("<int:record_id>/", views.record_detail, name="detail"),
    path("<int:record_id>/edit/", views.record_edit, name="edit"),
    path("<int:record_id>/autosave/", views.record_autosave, name="autosave"),
    path("<int:record_id>/share/", views.record_share, name="share"),
    path("<int:record_id>/delete/", views.record_delete, name="delete"),
    path("shared/", views.shared_list, name="shared_list"),
    path("shared/<int:record_id>/", views.shared_detail, name="shared_detail"),
    path("delete-all/", views.delete_all, name="delete_all"),
    path("exports/new/", views.export_new, name="export_new"),
    path("exports/<int:export_id>/", views.export_detail, name="export_detail"),
    path("exports/<int:export_id>/download/", views.export_download, name="export_download"),
]
