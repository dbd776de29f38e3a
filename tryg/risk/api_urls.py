"""API routes of risk work, mounted under /api/v1/risk/ (namespace risk-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("instruments/", api.InstrumentListView.as_view(), name="instrument-list"),
    path("instruments/<slug:slug>/", api.InstrumentDetailView.as_view(), name="instrument-detail"),
    path("cases/<uuid:pk>/assessments/", api.CaseAssessmentsView.as_view(), name="case-assessments"),
    path("cases/<uuid:pk>/flag/", api.CaseFlagView.as_view(), name="case-flag"),
    path("cases/<uuid:pk>/safety-plans/", api.CaseSafetyPlansView.as_view(), name="case-safety-plans"),
    path(
        "consultations/<uuid:pk>/assessments/",
        api.ConsultationAssessmentsView.as_view(),
        name="consultation-assessments",
    ),
    path("assessments/<uuid:pk>/", api.AssessmentDetailView.as_view(), name="assessment-detail"),
]
