"""API routes of this app, mounted under /api/v1/ (namespace actioncards-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("action-cards/", api.CardListView.as_view(), name="card-list"),
    path("action-cards/<slug:slug>/", api.CardDetailView.as_view(), name="card-detail"),
    path("action-cards/<slug:slug>/walks/", api.WalkStartView.as_view(), name="walk-start"),
    path("walks/<uuid:walk_id>/answers/", api.WalkAnswerView.as_view(), name="walk-answer"),
    path("walks/<uuid:walk_id>/", api.WalkDetailView.as_view(), name="walk-detail"),
]
