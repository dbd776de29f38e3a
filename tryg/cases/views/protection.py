"""Pages of protection: emergency access (break-the-glass), archive hold, a person's access-history export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.accounts.views import require_recent_auth
from tryg.audit.exports import subject_history_response
from tryg.core.errors import Refused
from tryg.core.forms import form_errors_from
from tryg.core.refusals import report_refusal

from .. import access, services
from ..forms import AccessExportForm, ArchiveHoldForm, BreakGlassForm
from .casefile import done, render_case


@require_POST
def archive_hold(request: HttpRequest, pk) -> HttpResponse:
    """Set or lift the archive hold that keeps a closed case from being anonymised."""
    case = access.case_for_user(request.user, pk, write=True)
    form = ArchiveHoldForm(request.POST, auto_id="archive_%s")
    if form.is_valid():
        try:
            case = services.case_set_archive_hold(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            text = _("Sagen har fået arkivstop.") if form.cleaned_data["hold"] else _("Arkivstop er ophævet.")
            return done(request, case, text, "manage")
    return render_case(request, case, status=400, section="manage", archive_form=form)


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest) -> HttpResponse:
    """Nødadgang: a case worker opens a case outside their need-to-know by giving a reason."""
    access.require_caseworker(request.user)
    form = BreakGlassForm(request.POST or None, initial={"number": request.GET.get("number", "")})
    if request.method == "POST" and form.is_valid():
        case = access.case_for_break_glass(request.user, form.cleaned_data["number"])
        if case is None:
            # A failed emergency access is a refused access: the coordinator can see the attempt.
            report_refusal(request, Refused("cases.case", "", reason=f"nødadgang: {form.cleaned_data['number'][:20]}"))
            form.add_error("number", _("Der er ingen sag med det nummer i din kommune."))
        elif access.is_visible(request.user, case):
            return redirect("cases:case-detail", pk=case.pk)
        else:
            try:
                services.break_glass_grant(actor=request.user, case=case, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.warning(
                    request,
                    _("Du har nødadgang til sagen i %(h)d timer. Adgangen er logget.")
                    % {"h": access.BREAK_GLASS_HOURS},
                )
                return redirect("cases:case-detail", pk=case.pk)
    return render(request, "cases/break_glass.html", {"form": form}, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def person_access_export(request: HttpRequest) -> HttpResponse:
    """The tovholder exports a person's access history (when, unit, purpose; no staff names, no case content).
    Cases only maps the case number to the person; the export itself is the access log's."""
    access.require_coordinator(request.user)
    if (response := require_recent_auth(request)) is not None:
        return response
    form = AccessExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = access.case_for_access_export(request.user, form.cleaned_data["number"])
        if case is None:
            form.add_error("number", _("Der er ingen sag med det nummer i kommunen."))
        else:
            return subject_history_response(
                actor=request.user,
                subject_type="cases.person",
                subject_id=str(case.person_id),
                filename=f"adgangshistorik-{case.number}.csv",
                obj=case,
                purpose=_("Indsigt i adgangshistorik"),
            )
    return render(request, "cases/access_export.html", {"form": form}, status=400 if request.method == "POST" else 200)
