"""API routes of the partnerships app, mounted under /api/v1/ (namespace partnerships-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("partnerships/partners/", api.PartnerListView.as_view(), name="partner-list"),
    path("partnerships/partners/<uuid:pk>/", api.PartnerDetailView.as_view(), name="partner-detail"),
    path("partnerships/pools/", api.PoolListView.as_view(), name="pool-list"),
    path("partnerships/grants/", api.GrantListView.as_view(), name="grant-list"),
    path("partnerships/grants/<uuid:pk>/", api.GrantDetailView.as_view(), name="grant-detail"),
    path("partnerships/grants/<uuid:pk>/budget-lines/", api.BudgetLinesView.as_view(), name="grant-budget-lines"),
    path("partnerships/grants/<uuid:pk>/payments/", api.PaymentsView.as_view(), name="grant-payments"),
    path("partnerships/grants/<uuid:pk>/activities/", api.ActivitiesView.as_view(), name="grant-activities"),
    path(
        "partnerships/activities/<uuid:pk>/attachments/",
        api.AttachmentUploadView.as_view(),
        name="activity-attachments",
    ),
    path("partnerships/due/", api.DueReportsView.as_view(), name="due-reports"),
]
