"""The plan's pages for the coordinator: the current version with its sections and "affected" marks, the versions,
recording a new version (adopted by the council), a version and its diff, reviewing an affected section."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tryg.core.forms import form_errors_from

from .. import access, selectors, services
from ..forms import VersionForm, section_forms


@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    mid = request.user.municipality_id
    version = selectors.current_version(mid)
    context = {
        "version": version,
        "sections": selectors.sections_with_links(version) if version else [],
        "versions": selectors.versions_of(mid),
        "revision": selectors.revision_status(mid),
        "municipality": request.user.municipality,
    }
    return render(request, "insights/plan.html", context)


def _initial_from(version) -> tuple[dict, dict]:
    if version is None:
        return {"adopted_by": _("Byrådet")}, {}
    sections = {
        s.kind: {
            "title": s.title,
            "body": s.body,
            "card_slugs": ", ".join(s.card_slugs),
            "entry_slugs": ", ".join(s.entry_slugs),
            "contact_slugs": ", ".join(s.contact_slugs),
        }
        for s in version.sections.all()
    }
    return {"title": version.title, "summary": version.summary, "adopted_by": version.adopted_by}, sections


@require_http_methods(["GET", "POST"])
def version_create(request: HttpRequest) -> HttpResponse:
    """Record a new version of the plan as the council adopted it (the form starts from the current version)."""
    access.require_coordinator(request.user)
    current = selectors.current_version(request.user.municipality_id)
    initial, section_initial = _initial_from(current)
    data = request.POST if request.method == "POST" else None
    form = VersionForm(data, initial=initial)
    sections = section_forms(data, section_initial)
    if request.method == "POST":
        valid = form.is_valid() & all([f.is_valid() for _k, _l, f in sections])
        if valid:
            try:
                version = services.plan_version_create(
                    actor=request.user,
                    municipality=request.user.municipality,
                    sections=[f.section_data(kind) for kind, _l, f in sections],
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                _spread_errors(exc, form, sections)
            else:
                messages.success(
                    request,
                    _("Version %(n)s af beredskabsplanen er registreret og vist på den offentlige side.")
                    % {"n": version.number},
                )
                return redirect("insights:plan")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "insights/version_form.html",
        {"form": form, "sections": sections, "current": current},
        status=status,
    )


def _spread_errors(exc: ValidationError, form, sections) -> None:
    """Service errors onto the form they belong to: "<kind>-<field>" onto that section's form."""
    by_kind = {kind: f for kind, _l, f in sections}
    rest = {}
    for key, messages_ in exc.message_dict.items():
        kind, _sep, field = key.partition("-")
        if kind in by_kind and field in by_kind[kind].fields:
            for message in messages_:
                by_kind[kind].add_error(field, message)
        else:
            rest[key] = messages_
    if rest:
        form_errors_from(form, ValidationError(rest))


@require_GET
def version_detail(request: HttpRequest, number: int) -> HttpResponse:
    version = access.version_for_user(request.user, number)
    return render(
        request,
        "insights/version_detail.html",
        {"version": version, "sections": list(version.sections.all()), "previous": selectors.previous_version(version)},
    )


@require_GET
def version_diff(request: HttpRequest, number: int) -> HttpResponse:
    version = access.version_for_user(request.user, number)
    previous = selectors.previous_version(version)
    return render(
        request,
        "insights/version_diff.html",
        {"version": version, "previous": previous, "changes": selectors.version_changes(previous, version)},
    )


@require_POST
def section_review(request: HttpRequest, pk: int) -> HttpResponse:
    section = access.section_for_user(request.user, pk)
    services.section_review(actor=request.user, section=section)
    messages.success(request, _("Afsnittet “%(t)s” er gennemset.") % {"t": section.title})
    return redirect(f"{_plan_url()}#section-{section.kind}")


def _plan_url() -> str:
    from django.urls import reverse

    return reverse("insights:plan")
