"""API routes of the coordination app, mounted under /api/v1/ (namespace coordination-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("coordination/consultations/", api.ConsultationListView.as_view(), name="consultation-list"),
    path("coordination/consultations/<uuid:pk>/", api.ConsultationDetailView.as_view(), name="consultation-detail"),
    path(
        "coordination/consultations/<uuid:pk>/messages/",
        api.ConsultationMessagesView.as_view(),
        name="consultation-messages",
    ),
    path("coordination/consultations/<uuid:pk>/close/", api.ConsultationCloseView.as_view(), name="consultation-close"),
    path("coordination/actors/", api.ActorListView.as_view(), name="actor-list"),
    path("coordination/meetings/", api.MeetingListView.as_view(), name="meeting-list"),
    path("coordination/meetings/<uuid:pk>/", api.MeetingDetailView.as_view(), name="meeting-detail"),
    path("coordination/meetings/<uuid:pk>/agenda/", api.MeetingAgendaView.as_view(), name="meeting-agenda"),
    path("coordination/agenda/<uuid:pk>/actions/", api.AgendaActionView.as_view(), name="agenda-actions"),
    path("coordination/referrals/", api.ReferralInboxView.as_view(), name="referral-inbox"),
    path("coordination/referrals/<uuid:pk>/answer/", api.ReferralAnswerView.as_view(), name="referral-answer"),
]
