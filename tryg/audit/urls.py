from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.search, name="search"),
    path("subject-export/", views.subject_export, name="subject-export"),
    path("checkpoints/", views.checkpoints, name="checkpoints"),
]
