from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("stats/", views.stats, name="stats"),
    path("ask/", views.ask, name="ask"),
    path("mine/", views.mine, name="mine"),
    path("consultations/<uuid:pk>/", views.consultation_detail, name="consultation-detail"),
    path("consultations/<uuid:pk>/messages/", views.consultation_message, name="consultation-message"),
    path("consultations/<uuid:pk>/take/", views.consultation_take, name="consultation-take"),
    path("consultations/<uuid:pk>/close/", views.consultation_close, name="consultation-close"),
    path("consultations/<uuid:pk>/concern/", views.consultation_to_concern, name="consultation-concern"),
    path("consultations/<uuid:pk>/case/", views.consultation_link_case, name="consultation-link-case"),
    path("consultations/<uuid:pk>/join/", views.consultation_join_case, name="consultation-join-case"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<uuid:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<uuid:pk>/participants/", views.participant_add, name="participant-add"),
    path("meetings/<uuid:pk>/agenda/", views.agenda_add, name="agenda-add"),
    path("agenda/<uuid:pk>/decisions/", views.item_decisions, name="item-decisions"),
    path("agenda/<uuid:pk>/actions/", views.item_action_add, name="item-action-add"),
    path("agenda/<uuid:pk>/family/", views.item_family_invite, name="item-family-invite"),
    path("cases/<uuid:pk>/refer/", views.case_refer, name="case-refer"),
    path("referrals/", views.inbox, name="inbox"),
    path("referrals/<uuid:pk>/", views.referral_detail, name="referral-detail"),
    path("actors/", views.actor_list, name="actor-list"),
    path("actors/new/", views.actor_create, name="actor-create"),
    path("actors/<int:pk>/", views.actor_edit, name="actor-edit"),
]
