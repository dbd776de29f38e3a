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
]
