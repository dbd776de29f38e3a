"""API routes of the insights app, mounted under /api/v1/ (namespace insights-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("insights/indicators/", api.IndicatorsView.as_view(), name="indicators"),
    path("insights/region/indicators/", api.RegionIndicatorsView.as_view(), name="region-indicators"),
    path("insights/plan/", api.PlanView.as_view(), name="plan"),
]
