"""API routes of this app, mounted under /api/v1/."""

from django.urls import path

from . import api

urlpatterns = [
    path("knowledge/", api.EntryListApi.as_view(), name="entry-list"),
    path("knowledge/<slug:slug>/", api.EntryDetailApi.as_view(), name="entry-detail"),
]
