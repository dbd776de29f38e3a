from django.urls import path

from .views import casefile, intake, notifications, protection, referrals, settings

app_name = "cases"

urlpatterns = [
    path("", casefile.case_list, name="case-list"),
    path("concerns/new/", intake.concern_create, name="concern-create"),
    path("concerns/mine/", intake.my_concerns, name="my-concerns"),
    path("queue/", intake.queue, name="queue"),
    path("concerns/<uuid:pk>/", intake.concern_detail, name="concern-detail"),
    path("concerns/<uuid:pk>/confirm/", intake.concern_confirm, name="concern-confirm"),
    path("concerns/<uuid:pk>/triage/", intake.concern_triage, name="concern-triage"),
    path("concerns/<uuid:pk>/feedback/", intake.concern_feedback, name="concern-feedback"),
    path("tasks/", casefile.my_tasks, name="my-tasks"),
    path("tasks/<uuid:task_id>/done/", casefile.task_done, name="task-done"),
    path("notifications/", notifications.notifications, name="notifications"),
    path("break-glass/", protection.break_glass, name="break-glass"),
    path("approvals/", referrals.approvals, name="approvals"),
    path("approvals/<uuid:referral_id>/", referrals.referral_decide, name="referral-decide"),
    path("settings/intake/", settings.intake_settings, name="intake-settings"),
    path("access-export/", protection.person_access_export, name="person-access-export"),
    path("<uuid:pk>/", casefile.case_detail, name="case-detail"),
    path("<uuid:pk>/entries/", casefile.entry_add, name="entry-add"),
    path("<uuid:pk>/tasks/", casefile.task_add, name="task-add"),
    path("<uuid:pk>/members/", casefile.member_add, name="member-add"),
    path("<uuid:pk>/status/", casefile.case_status, name="case-status"),
    path("<uuid:pk>/archive-hold/", protection.archive_hold, name="archive-hold"),
    path("<uuid:pk>/links/", casefile.link_add, name="link-add"),
    path("<uuid:pk>/safe-contact/", casefile.safe_contact, name="safe-contact"),
    path("<uuid:pk>/contact/", casefile.contact, name="contact"),
    path("<uuid:pk>/referrals/", referrals.referral_add, name="referral-add"),
]
