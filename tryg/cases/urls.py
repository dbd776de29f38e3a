from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("concerns/new/", views.concern_create, name="concern-create"),
    path("concerns/mine/", views.my_concerns, name="my-concerns"),
    path("queue/", views.queue, name="queue"),
    path("concerns/<uuid:pk>/", views.concern_detail, name="concern-detail"),
    path("concerns/<uuid:pk>/confirm/", views.concern_confirm, name="concern-confirm"),
    path("concerns/<uuid:pk>/triage/", views.concern_triage, name="concern-triage"),
    path("tasks/", views.my_tasks, name="my-tasks"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task-done"),
    path("notifications/", views.notifications, name="notifications"),
    path("break-glass/", views.break_glass, name="break-glass"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:referral_id>/", views.referral_decide, name="referral-decide"),
    path("settings/intake/", views.intake_settings, name="intake-settings"),
    path("access-export/", views.person_access_export, name="person-access-export"),
    path("<uuid:pk>/", views.case_detail, name="case-detail"),
    path("<uuid:pk>/entries/", views.entry_add, name="entry-add"),
    path("<uuid:pk>/tasks/", views.task_add, name="task-add"),
    path("<uuid:pk>/members/", views.member_add, name="member-add"),
    path("<uuid:pk>/status/", views.case_status, name="case-status"),
    path("<uuid:pk>/archive-hold/", views.archive_hold, name="archive-hold"),
    path("<uuid:pk>/links/", views.link_add, name="link-add"),
    path("<uuid:pk>/safe-contact/", views.safe_contact, name="safe-contact"),
    path("<uuid:pk>/contact/", views.contact, name="contact"),
    path("<uuid:pk>/referrals/", views.referral_add, name="referral-add"),
]
