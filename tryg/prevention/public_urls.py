"""The public evaluation of dialogue sessions, outside /app/: no login, no cookies (namespace evaluation)."""

from django.urls import path

from .views import public

app_name = "evaluation"

urlpatterns = [
    path("", public.evaluation_start, name="start"),
    path("<str:code>/", public.evaluation_form, name="form"),
]
