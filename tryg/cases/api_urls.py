"""API routes of the cases app, mounted under /api/v1/ (namespace cases-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("concerns/", api.ConcernCreateView.as_view(), name="concern-list"),
    path("concerns/<uuid:pk>/", api.ConcernDetailView.as_view(), name="concern-detail"),
    path(
        "concerns/<uuid:pk>/confirm-receipt/", api.ConcernConfirmReceiptView.as_view(), name="concern-confirm-receipt"
    ),
    path("concerns/<uuid:pk>/triage/", api.ConcernTriageView.as_view(), name="concern-triage"),
    path("cases/", api.CaseListView.as_view(), name="case-list"),
    path("cases/<uuid:pk>/", api.CaseDetailView.as_view(), name="case-detail"),
    path("cases/<uuid:pk>/entries/", api.CaseEntriesView.as_view(), name="case-entries"),
    path("cases/<uuid:pk>/tasks/", api.CaseTasksView.as_view(), name="case-tasks"),
    path("cases/<uuid:pk>/status/", api.CaseStatusView.as_view(), name="case-status"),
    path("cases/<uuid:pk>/archive-hold/", api.CaseArchiveHoldView.as_view(), name="case-archive-hold"),
    path("cases/<uuid:pk>/members/", api.CaseMembersView.as_view(), name="case-members"),
    path("cases/<uuid:pk>/safe-contact/", api.CaseSafeContactView.as_view(), name="case-safe-contact"),
    path("cases/<uuid:pk>/contacts/", api.CaseContactsView.as_view(), name="case-contacts"),
    path("cases/<uuid:pk>/referrals/", api.CaseReferralsView.as_view(), name="case-referrals"),
    path("cases/<uuid:pk>/links/", api.CaseLinksView.as_view(), name="case-links"),
    path("referrals/pending/", api.PendingReferralsView.as_view(), name="referral-pending"),
    path("referrals/<int:pk>/decision/", api.ReferralDecisionView.as_view(), name="referral-decision"),
    path("tasks/<int:pk>/done/", api.TaskDoneView.as_view(), name="task-done"),
]
