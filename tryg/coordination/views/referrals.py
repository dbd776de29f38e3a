"""Referrals to an actor of the directory: the case worker's form (a case header action), the recipient unit's
inbox, and one referral with its answer form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tryg.audit.services import audit_read
from tryg.cases import access as case_access
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..forms import AnswerForm, ReferralForm


@require_http_methods(["GET", "POST"])
def case_refer(request: HttpRequest, pk) -> HttpResponse:
    """Refer the case to an actor of the directory, through cases' referral service (consent or legal basis; the
    police only after a second case worker's approval)."""
    case_access.require_caseworker(request.user)
    case = case_access.case_for_user(request.user, pk, write=True)
    actors = list(access.actors_for_case(case).select_related("unit"))
    form = ReferralForm(request.POST or None, actors=actors)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = data.pop("actor")
        recipient = next(a for a in actors if str(a.pk) == chosen)
        try:
            services.actor_referral_create(actor=request.user, case=case, recipient=recipient, **data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Henvisningen til %(a)s er oprettet.") % {"a": recipient.name})
            return redirect("cases:case-detail", pk=case.pk)
    audit_read(request, case, subject=case.person, purpose=access.REFERRAL_PURPOSE)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/referral_form.html", {"form": form, "case": case}, status=status)


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """Referrals to the user's units, newest first."""
    visible = access.inbox_referrals(request.user)
    number = page_number(request)
    if number is None:
        return render(request, "coordination/inbox.html", {"bad_page": True}, status=400)
    rows, page = selectors.inbox_page(visible, number=number)
    return render(request, "coordination/inbox.html", {"rows": rows, **page.as_context()})


@require_http_methods(["GET", "POST"])
def referral_detail(request: HttpRequest, pk) -> HttpResponse:
    item = access.actor_referral_for_recipient(request.user, pk)
    form = AnswerForm(request.POST or None, state=item.state)
    if request.method == "POST" and form.is_valid():
        try:
            services.actor_referral_answer(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Svaret er sendt til kommunen."))
            return redirect("coordination:referral-detail", pk=item.public_id)
    audit_read(request, item, subject=("cases.person", item.referral.case.person_id), purpose=access.REFERRAL_PURPOSE)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/referral_detail.html", {"item": item, "form": form}, status=status)
