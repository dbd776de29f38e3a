"""The benchmark's URLconf (benchmarks/load.py only, never production): the app's own URLs plus the floor, a
trivial view under /app/ so it passes the same middleware and login as every staff page, and the case floor, the
least a page that shows a case must do."""

from django.http import Http404, HttpResponse
from django.template import engines
from django.urls import path

from tryg.audit.services import audit_read
from tryg.cases import access
from tryg.urls import handler400, handler403, handler404, handler500
from tryg.urls import urlpatterns as app_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def floor(request):
    """The framework floor: middleware, session, verified login, nothing else."""
    if not request.user.is_authenticated:
        raise Http404
    return HttpResponse("ok", content_type="text/plain")


_CASE_FLOOR = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>{{ case.number }}</h1><p>{{ case.person.name }}</p>{% endblock %}'
)


def case_floor(request, pk):
    """The case floor: what every page showing a case pays before its own content. The case fetched through the
    access rule (404 and a refusal otherwise), the read written to the access log (its chain lock and hash), and
    the page shell (base.html: header with the user's roles and municipality, menu, footer) around the case number
    and the person's name."""
    case = access.case_for_user(request.user, pk)
    audit_read(request, case, subject=case.person, purpose=access.reading_purpose(request.user, case))
    return HttpResponse(_CASE_FLOOR.render({"case": case}, request))


urlpatterns = [
    path("app/bench-floor/", floor, name="bench-floor"),
    path("app/bench-floor/case/<uuid:pk>/", case_floor, name="bench-case-floor"),
    *app_urlpatterns,
]
