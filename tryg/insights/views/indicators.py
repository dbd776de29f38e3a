"""The statistics pages: the coordinator's municipality, the consultant's region, and their CSV/XLSX exports.
Every number comes from `indicators.indicators_for` (aggregates, suppressed); every export asks for the password
again first (accounts' `require_recent_auth`, as every export, ASVS 7.5.1) and writes an access-log row."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tryg.accounts.models import Municipality
from tryg.accounts.views import require_recent_auth
from tryg.audit.models import Action
from tryg.audit.services import audit_record

from .. import access, charts, exports, selectors
from ..forms import PeriodForm
from ..indicators import Scope, indicators_for
from ..periods import PeriodError, comparison_from

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def municipality_scope(user) -> Scope:
    return Scope((user.municipality_id,), user.municipality.name, region_id=user.municipality.region_id)


def region_scope(user) -> Scope:
    ids = access.region_municipality_ids(user)
    region = user.municipality.region
    return Scope(tuple(ids), region.name, is_region=True, region_id=region.pk)


def _comparison_or_error(request, template: str, context: dict):
    form = PeriodForm(request.GET or None)
    try:
        comparison = comparison_from(request.GET)
    except PeriodError as exc:
        form.is_valid()
        form.add_error("period", str(exc))
        return None, render(request, template, {**context, "form": form}, status=400)
    if not request.GET:
        form = PeriodForm(initial={"kind": comparison.current.kind, "period": comparison.current.code})
    return comparison, form


def with_charts(sources) -> list:
    for source in sources:
        for table in source.tables:
            table.charts = charts.charts_for(table)
    return sources


def _query(request) -> str:
    kind, period = request.GET.get("kind", ""), request.GET.get("period", "")
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in (("kind", kind), ("period", period)) if v})


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """Nøgletal: the coordinator's municipality, this period against the same period a year before."""
    access.require_coordinator(request.user)
    context = {"scope": municipality_scope(request.user), "region": False}
    comparison, form = _comparison_or_error(request, "insights/overview.html", context)
    if comparison is None:
        return form
    sources = with_charts(indicators_for(context["scope"], comparison))
    context.update(
        form=form,
        comparison=comparison,
        sources=sources,
        query=_query(request),
        revision=selectors.revision_status(request.user.municipality_id),
        affected=selectors.affected_count(request.user.municipality_id),
    )
    return render(request, "insights/overview.html", context)


@require_GET
def region(request: HttpRequest) -> HttpResponse:
    """The region's indicators for the security consultants: aggregates over its municipalities only."""
    access.require_consultant(request.user)
    scope = region_scope(request.user)
    context = {"scope": scope, "region": True}
    comparison, form = _comparison_or_error(request, "insights/overview.html", context)
    if comparison is None:
        return form
    names = list(
        Municipality.objects.filter(pk__in=scope.municipality_ids).order_by("name").values_list("name", flat=True)
    )
    context.update(
        form=form,
        comparison=comparison,
        sources=with_charts(indicators_for(scope, comparison)),
        query=_query(request),
        municipalities=names,
    )
    return render(request, "insights/overview.html", context)


def _export(request, scope, fmt: str, name: str) -> HttpResponse:
    try:
        comparison = comparison_from(request.GET)
    except PeriodError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    if (reauth := require_recent_auth(request)) is not None:
        return reauth  # to the password page and back here; nothing is read or written before
    sources = indicators_for(scope, comparison)
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        obj=("insights.indicators", ",".join(map(str, scope.municipality_ids))),
        purpose=_("Nøgletal (aggregerede, små tal skjult)"),
        detail=f"{fmt} {comparison.current.kind} {comparison.current.code}",
        municipality_id=request.user.municipality_id,
    )
    filename = f"noegletal-{name}-{comparison.current.code}.{fmt}"
    if fmt == "csv":
        body = "\ufeff" + exports.indicators_csv(sources, scope_label=scope.label, comparison=comparison)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.indicators_xlsx(sources, scope_label=scope.label, comparison=comparison), content_type=XLSX
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    return _export(request, municipality_scope(request.user), "csv", request.user.municipality.code)


@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    return _export(request, municipality_scope(request.user), "xlsx", request.user.municipality.code)


@require_GET
def region_export_csv(request: HttpRequest) -> HttpResponse:
    access.require_consultant(request.user)
    return _export(request, region_scope(request.user), "csv", "region")


@require_GET
def region_export_xlsx(request: HttpRequest) -> HttpResponse:
    access.require_consultant(request.user)
    return _export(request, region_scope(request.user), "xlsx", "region")
