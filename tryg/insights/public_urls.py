"""The plan's public page, outside /app/: no login, no cookies (namespace beredskab)."""

from django.urls import path

from .views import public

app_name = "beredskab"

urlpatterns = [
    path("<str:code>/", public.plan_page, name="plan"),
]
