from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("knowledge-bites/<int:bite_id>/read/", views.bite_read, name="bite_read"),
]
