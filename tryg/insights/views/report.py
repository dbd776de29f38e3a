"""The annual report for the council: one printable page per year with the indicators, the charts, the plan's
revision status and the coordinator's commentary; and the same as XLSX (after the password again, as every export)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tryg.accounts.views import require_recent_auth
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.forms import form_errors_from

from .. import access, exports, selectors, services
from ..forms import CommentaryForm
from ..indicators import indicators_for
from ..models import AnnualCommentary
from ..periods import Comparison, period_for
from .indicators import XLSX, municipality_scope, with_charts


def _comparison(year: int) -> Comparison:
    if not 2000 < year < 2100:
        raise Http404
    current = period_for("year", str(year))
    return Comparison(current=current, previous=current.year_before())


@require_http_methods(["GET", "POST"])
def annual_report(request: HttpRequest, year: int) -> HttpResponse:
    access.require_coordinator(request.user)
    comparison = _comparison(year)
    mid = request.user.municipality_id
    commentary = AnnualCommentary.objects.filter(municipality_id=mid, year=year).first()
    initial = (
        {"summary": commentary.summary, "developments": commentary.developments, "next_steps": commentary.next_steps}
        if commentary
        else None
    )
    form = CommentaryForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.commentary_save(
                actor=request.user, municipality=request.user.municipality, year=year, **form.cleaned_data
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Kommentaren er gemt."))
            return redirect("insights:annual-report", year=year)
    context = {
        "year": year,
        "comparison": comparison,
        "scope": municipality_scope(request.user),
        "sources": with_charts(indicators_for(municipality_scope(request.user), comparison)),
        "revision": selectors.revision_status(mid),
        "commentary": commentary,
        "form": form,
    }
    return render(request, "insights/annual_report.html", context, status=400 if form.errors else 200)


@require_GET
def annual_report_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    access.require_coordinator(request.user)
    comparison = _comparison(year)
    if (reauth := require_recent_auth(request)) is not None:
        return reauth
    scope = municipality_scope(request.user)
    mid = request.user.municipality_id
    revision = selectors.revision_status(mid)
    commentary = AnnualCommentary.objects.filter(municipality_id=mid, year=year).first()
    extra = [
        (_("Beredskabsplan"), str(revision.version) if revision.version else _("Ingen plan registreret")),
        (_("Revideres senest"), revision.due.isoformat() if revision.due else ""),
    ]
    if commentary:
        extra += [
            (_("Sammenfatning"), commentary.summary),
            (_("Udvikling og tendenser"), commentary.developments),
            (_("Næste skridt"), commentary.next_steps),
        ]
    body = exports.indicators_xlsx(
        indicators_for(scope, comparison), scope_label=scope.label, comparison=comparison, extra=extra
    )
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        obj=("insights.annualreport", str(year)),
        purpose=_("Årsrapport til byrådet (aggregerede tal)"),
        detail=f"xlsx {year}",
        municipality_id=mid,
    )
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="aarsrapport-{request.user.municipality.code}-{year}.xlsx"'
    return response
