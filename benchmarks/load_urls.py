"""The benchmark's URLconf (benchmarks/load.py only, never production): the app's own URLs plus the floor, a
trivial view under /app/ so it passes the same middleware and login as every staff page."""

from django.http import Http404, HttpResponse
from django.urls import path

from tryg.urls import handler400, handler403, handler404, handler500
from tryg.urls import urlpatterns as app_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def floor(request):
    """The framework floor: middleware, session, verified login, nothing else."""
    if not request.user.is_authenticated:
        raise Http404
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("app/bench-floor/", floor, name="bench-floor"), *app_urlpatterns]
