"""Pages of referrals: a referral from a case, and the second case worker's approval of police disclosures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.audit.services import audit_read, audit_search
from tryg.core.forms import form_errors_from

from .. import access, selectors, services
from ..forms import ReferralDecisionForm, ReferralForm
from ..models import Referral


@require_http_methods(["GET", "POST"])
def referral_add(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            if referral.status == Referral.Status.PENDING_APPROVAL:
                messages.info(request, _("Videregivelsen til politiet afventer en anden sagsbehandlers godkendelse."))
            else:
                messages.success(request, _("Henvisningen er registreret."))
            return redirect("cases:case-detail", pk=case.pk)
    audit_read(request, case, subject=case.person, purpose=_("Henvisning til anden aktør"))
    return render(
        request,
        "cases/referral_form.html",
        {"case": case, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _approvals_page(request: HttpRequest, *, error=None, status=200) -> HttpResponse:
    pending = selectors.pending_referrals(request.user)
    audit_search(request, object_type="cases.referral", criterion="afventer godkendelse", purpose=access.PURPOSE)
    return render(request, "cases/approvals.html", {"pending": pending, "error": error}, status=status)


def approvals(request: HttpRequest) -> HttpResponse:
    """Videregivelser til politiet, der afventer en anden sagsbehandlers godkendelse."""
    access.require_caseworker(request.user)
    return _approvals_page(request)


@require_POST
def referral_decide(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = access.referral_for_decision(request.user, referral_id)
    form = ReferralDecisionForm(request.POST)
    if not form.is_valid():
        return _approvals_page(request, error=_("Vælg godkend eller afvis."), status=400)
    try:
        services.referral_decide(
            actor=request.user, referral=referral, approve=form.cleaned_data["decision"] == "approve"
        )
    except ValidationError as exc:
        return _approvals_page(request, error=" ".join(exc.messages), status=400)
    messages.success(request, _("Din beslutning er registreret."))
    return redirect("cases:approvals")
