from django.urls import path

from .views import facilitators, sessions

app_name = "prevention"

urlpatterns = [
    path("", sessions.session_list, name="session-list"),
    path("calendar/", sessions.session_calendar, name="session-calendar"),
    path("sessions/new/", sessions.session_create, name="session-create"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session-detail"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session-edit"),
    path("sessions/<int:pk>/cancel/", sessions.session_cancel, name="session-cancel"),
    path("sessions/<int:pk>/participants/", sessions.session_participants, name="session-participants"),
    path("sessions/<int:pk>/slips/", sessions.session_slips, name="session-slips"),
    path("statistics/", sessions.statistics, name="statistics"),
    path("mine/", sessions.my_sessions, name="my-sessions"),
    path("facilitators/", facilitators.facilitator_list, name="facilitator-list"),
    path("facilitators/new/", facilitators.facilitator_create, name="facilitator-create"),
    path("facilitators/<int:pk>/", facilitators.facilitator_detail, name="facilitator-detail"),
    path("topics/", facilitators.topic_list, name="topic-list"),
    path("topics/<int:pk>/active/", facilitators.topic_active, name="topic-active"),
]
