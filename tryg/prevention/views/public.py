"""The anonymous evaluation (no login, no cookies): a participant types the code from the slip, or scans
its QR code, and answers three 1–5 scales and one free question, once per slip.

Nothing about the participant is stored: no IP address, no time of day, no cookie. Requests are limited per
address in memory (`ratelimit.py`); wrong codes much more strictly than answers, as a whole class often
shares one school network address. No CSRF cookie either: the form is exempt, as it has no session to
protect and each slip takes one answer.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tryg.core.forms import form_errors_from
from tryg.core.languages import staff_languages_only

from .. import access, ratelimit, services
from ..forms import CodeForm, EvaluationForm
from ..models import normalise_code


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "prevention/public/too_many.html", status=429)
    response["Retry-After"] = str(ratelimit.WRONG_CODES.window)
    return response


def _limited(request: HttpRequest) -> tuple[str, bool]:
    key = ratelimit.address_key(request)
    return key, not ratelimit.REQUESTS.hit(key) or ratelimit.WRONG_CODES.blocked(key)


@never_cache
@staff_languages_only
@require_http_methods(["GET"])
def evaluation_start(request: HttpRequest) -> HttpResponse:
    """Type the code from the slip (sent as ?code=…, so the page needs no cookie and no CSRF token)."""
    key, limited = _limited(request)
    if limited:
        return _too_many(request)
    form = CodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        if access.slip_for_code(code) is not None:
            return redirect("evaluation:form", code=code)
        ratelimit.WRONG_CODES.hit(key)
        form.add_error("code", _("Koden findes ikke. Tjek, at du har skrevet den rigtigt."))
    return render(request, "prevention/public/start.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@csrf_exempt
@staff_languages_only
@require_http_methods(["GET", "POST"])
def evaluation_form(request: HttpRequest, code: str) -> HttpResponse:
    key, limited = _limited(request)
    if limited:
        return _too_many(request)
    slip = access.slip_for_code(normalise_code(code))
    if slip is None:
        ratelimit.WRONG_CODES.hit(key)
        return render(request, "prevention/public/unknown.html", status=404)
    if slip.used_on is not None:
        return render(request, "prevention/public/done.html", {"already": True})
    if not services.evaluation_is_open(slip.session):
        return render(request, "prevention/public/closed.html", status=410)
    form = EvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_submit(slip=slip, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return render(request, "prevention/public/done.html", {"already": False})
    return render(
        request,
        "prevention/public/form.html",
        {"form": form, "session": slip.session, "code": slip.display_code},
        status=400 if form.errors else 200,
    )
