"""Pages of risk work, mounted under /app/risk/ (namespace risk)."""

from django.urls import path

from . import views

app_name = "risk"

urlpatterns = [
    path("reassessment/", views.reassessment, name="reassessment"),
    path("cases/<uuid:pk>/", views.case_risk, name="case"),
    path("cases/<uuid:pk>/flag/", views.flag_set, name="flag"),
    path("cases/<uuid:pk>/assessments/", views.assessment_start, name="assessment-start"),
    path("cases/<uuid:pk>/siblings/", views.sibling_consider, name="sibling"),
    path("cases/<uuid:pk>/travel/", views.travel, name="travel"),
    path("cases/<uuid:pk>/safety-plan/", views.safety_plan, name="safety-plan"),
    path("consultations/<uuid:pk>/", views.consultation_assessments, name="consultation"),
    path("assessments/<uuid:pk>/", views.assessment_detail, name="assessment"),
    path("safety-plans/<uuid:pk>/print/", views.safety_plan_print, name="safety-plan-print"),
]
