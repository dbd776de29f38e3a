"""API routes of youth-to-youth dialogue, mounted under /api/v1/ (namespace prevention-api)."""

from django.urls import path

from .api import facilitators, sessions

urlpatterns = [
    path("prevention/facilitators/", facilitators.FacilitatorListView.as_view(), name="facilitator-list"),
    path("prevention/facilitators/<int:pk>/", facilitators.FacilitatorDetailView.as_view(), name="facilitator-detail"),
    path("prevention/topics/", facilitators.TopicListView.as_view(), name="topic-list"),
    path("prevention/sessions/", sessions.SessionListView.as_view(), name="session-list"),
    path("prevention/sessions/<int:pk>/", sessions.SessionDetailView.as_view(), name="session-detail"),
    path(
        "prevention/sessions/<int:pk>/participants/",
        sessions.SessionParticipantsView.as_view(),
        name="session-participants",
    ),
    path("prevention/sessions/<int:pk>/cancel/", sessions.SessionCancelView.as_view(), name="session-cancel"),
    path("prevention/sessions/<int:pk>/slips/", sessions.SessionSlipsView.as_view(), name="session-slips"),
    path("prevention/statistics/", sessions.StatisticsView.as_view(), name="statistics"),
    path("prevention/my-sessions/", sessions.MySessionsView.as_view(), name="my-sessions"),
]
