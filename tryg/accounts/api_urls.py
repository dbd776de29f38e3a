"""API routes of accounts, mounted under /api/v1/ (namespace accounts-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("auth/token/", api.TokenView.as_view(), name="token"),
    path("me/", api.MeView.as_view(), name="me"),
]
