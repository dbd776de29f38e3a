from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tryg.core.api import error_body

from .selectors import start_page_sections


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check. No login, no data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error"}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """The staff start page: what this user can do, by role."""
    return render(request, "core/start.html", {"sections": start_page_sections(request.user.roles, user=request.user)})


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body("not_found", "Ikke fundet."), status=404)
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body("server_error", "Der opstod en fejl."), status=500)
    return render(request, "core/500.html", status=500)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body("bad_request", "Ugyldig forespørgsel."), status=400)
    return render(request, "core/400.html", status=400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    # Forbidden looks like unknown: existence does not leak.
    return page_not_found(request, exception)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body("csrf_failed", "CSRF-kontrollen fejlede."), status=403)
    return render(request, "core/csrf.html", status=403)
