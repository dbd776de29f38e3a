from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.search, name="search"),
    path("export/", views.search_export, name="search-export"),
    path("subject-export/", views.subject_export, name="subject-export"),
    path("checkpoints/", views.checkpoints, name="checkpoints"),
]
