"""API routes of the cases app, mounted under /api/v1/ (namespace cases-api)."""

from django.urls import path

from .api import casefile, intake, protection, referrals

urlpatterns = [
    path("concerns/", intake.ConcernCreateView.as_view(), name="concern-list"),
    path("concerns/<uuid:pk>/", intake.ConcernDetailView.as_view(), name="concern-detail"),
    path(
        "concerns/<uuid:pk>/confirm-receipt/",
        intake.ConcernConfirmReceiptView.as_view(),
        name="concern-confirm-receipt",
    ),
    path("concerns/<uuid:pk>/triage/", intake.ConcernTriageView.as_view(), name="concern-triage"),
    path("concerns/<uuid:pk>/feedback/", intake.ConcernFeedbackView.as_view(), name="concern-feedback"),
    path("cases/", casefile.CaseListView.as_view(), name="case-list"),
    path("cases/search/", casefile.CaseSearchView.as_view(), name="case-search"),
    path("cases/<uuid:pk>/", casefile.CaseDetailView.as_view(), name="case-detail"),
    path("cases/<uuid:pk>/entries/", casefile.CaseEntriesView.as_view(), name="case-entries"),
    path("cases/<uuid:pk>/tasks/", casefile.CaseTasksView.as_view(), name="case-tasks"),
    path("cases/<uuid:pk>/status/", casefile.CaseStatusView.as_view(), name="case-status"),
    path("cases/<uuid:pk>/archive-hold/", protection.CaseArchiveHoldView.as_view(), name="case-archive-hold"),
    path("cases/<uuid:pk>/members/", casefile.CaseMembersView.as_view(), name="case-members"),
    path("cases/<uuid:pk>/safe-contact/", casefile.CaseSafeContactView.as_view(), name="case-safe-contact"),
    path("cases/<uuid:pk>/contacts/", casefile.CaseContactsView.as_view(), name="case-contacts"),
    path("cases/<uuid:pk>/referrals/", referrals.CaseReferralsView.as_view(), name="case-referrals"),
    path("cases/<uuid:pk>/links/", casefile.CaseLinksView.as_view(), name="case-links"),
    path("referrals/pending/", referrals.PendingReferralsView.as_view(), name="referral-pending"),
    path("referrals/<uuid:pk>/decision/", referrals.ReferralDecisionView.as_view(), name="referral-decision"),
    path("tasks/<uuid:pk>/done/", casefile.TaskDoneView.as_view(), name="task-done"),
]
