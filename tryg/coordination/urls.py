from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("consultations/<uuid:pk>/", views.consultation_detail, name="consultation-detail"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
]
