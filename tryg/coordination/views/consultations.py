"""Consultations: asking, the asker's own threads, the consultants' queue and counts, one consultation's page."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tryg.accounts.models import Role
from tryg.audit.models import Action
from tryg.audit.services import audit_read, audit_record
from tryg.cases import access as case_access
from tryg.cases.models import CaseMember
from tryg.cases.selectors import member_access_note
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..forms import CloseForm, ConcernFromConsultationForm, ConsultationForm, LinkCaseForm, MessageForm
from ..models import Consultation
from ..registry import queue_panels


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def _case_from_query(request):
    """The case of `?case=<pk>` the user may change, or None when there is no parameter (404 for a bad one)."""
    raw = request.GET.get("case") or request.POST.get("case")
    pk = _uuid(raw) if raw else None
    if raw and pk is None:
        raise Http404
    return access.optional_case_for_writer(request.user, pk)


def _bad_page(request, template: str, **context) -> HttpResponse:
    return render(request, template, {"bad_page": True, **context}, status=400)


# --- the consultants -------------------------------------------------------------------------------


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The region's consultations: requesting municipality and unit, urgency, status, age, who holds it."""
    access.require_consultant(request.user)
    number = page_number(request)
    status = request.GET.get("status", "open")
    municipality_id = request.GET.get("municipality") or None
    municipalities = request.user.region_municipalities
    if number is None or status not in selectors.QUEUE_STATUSES:
        return _bad_page(request, "coordination/queue.html")
    if municipality_id and municipality_id not in {str(m.pk) for m in municipalities}:
        return _bad_page(request, "coordination/queue.html")
    rows, page = selectors.queue_page(
        request.user, number=number, status=status, municipality_id=municipality_id, only=selectors.QUEUE_FIELDS
    )
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        obj=("coordination.queue", ""),
        purpose=access.PURPOSE,
        detail=f"status={status} municipality={municipality_id or ''} page={number}",
    )
    context = {
        "rows": rows,
        "status": status,
        "statuses": [("open", _("Åbne")), *Consultation.Status.choices, ("all", _("Alle"))],
        "municipalities": municipalities,
        "municipality_id": municipality_id or "",
        "panels": queue_panels(request.user),
        **page.as_context(),
    }
    return render(request, "coordination/queue.html", context)


@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    """Counts for the team's reporting (no personal data)."""
    access.require_consultant(request.user)
    return render(request, "coordination/stats.html", {"counts": selectors.region_counts(request.user)})


# --- the asker ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """Spørg sikkerhedskonsulenterne: anonymous, about a named person, or (a case worker) about one of their cases."""
    access.require_asker(request.user)
    case = _case_from_query(request)
    units = [m.unit for m in request.user.memberships_cached]
    initial = {"kind": "anonymous", "urgency": "normal", "target_group": "unknown"}
    form = ConsultationForm(request.POST or None, units=units, from_case=case is not None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(actor=request.user, case=case, **form.service_data())
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Din forespørgsel er sendt til sikkerhedskonsulenterne."))
            return redirect("coordination:consultation-detail", pk=consultation.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/ask.html", {"form": form, "case": case}, status=status)


@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """Mine forespørgsler: the asker's own threads."""
    access.require_asker(request.user)
    number = page_number(request)
    if number is None:
        return _bad_page(request, "coordination/mine.html")
    rows, page = selectors.my_consultations_page(request.user, number=number)
    return render(request, "coordination/mine.html", {"rows": rows, **page.as_context()})


# --- one consultation ----------------------------------------------------------------------------------


def _detail(request, consultation, *, status=200, **forms) -> HttpResponse:
    user = request.user
    is_consultant = access.is_consultant(user) and consultation.region_id == user.municipality.region_id
    is_asker = consultation.asker_id == user.pk
    context = {
        "c": consultation,
        "thread": selectors.thread(consultation),
        "is_consultant": is_consultant,
        "is_asker": is_asker,
        "may_write": access.may_write(user, consultation) and not consultation.is_closed,
        "message_form": forms.get("message_form") or MessageForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "link_form": forms.get("link_form") or LinkCaseForm(),
        "confirm_join": forms.get("confirm_join"),
    }
    if consultation.case_id and is_asker:
        context["may_join"] = (
            consultation.holder_id is not None
            and case_access.visible_cases(user, write=True).filter(pk=consultation.case_id).exists()
            and not CaseMember.objects.filter(case_id=consultation.case_id, user_id=consultation.holder_id).exists()
        )
    context["may_link"] = (
        is_asker and not consultation.case_id and not consultation.is_anonymous and user.has_role(Role.SAGSBEHANDLER)
    )
    audit_read(
        request,
        consultation,
        subject=("cases.person", consultation.case.person_id) if consultation.case_id else None,
        purpose=access.PURPOSE,
    )
    return render(request, "coordination/consultation_detail.html", context, status=status)


@require_GET
def consultation_detail(request: HttpRequest, pk) -> HttpResponse:
    return _detail(request, access.consultation_for_user(request.user, pk))


@require_POST
def consultation_message(request: HttpRequest, pk) -> HttpResponse:
    consultation = access.consultation_for_writer(request.user, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.message_add(actor=request.user, consultation=consultation, text=form.cleaned_data["text"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Beskeden er sendt."))
            return redirect(f"{consultation_url(consultation)}#thread")
    return _detail(request, consultation, message_form=form, status=400)


def consultation_url(consultation) -> str:
    from django.urls import reverse

    return reverse("coordination:consultation-detail", args=[consultation.pk])


@require_POST
def consultation_take(request: HttpRequest, pk) -> HttpResponse:
    consultation = access.consultation_for_consultant(request.user, pk)
    try:
        services.consultation_assign(actor=request.user, consultation=consultation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Du har nu forespørgslen."))
    return redirect("coordination:consultation-detail", pk=consultation.pk)


@require_POST
def consultation_close(request: HttpRequest, pk) -> HttpResponse:
    consultation = access.consultation_for_consultant(request.user, pk)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.consultation_close(actor=request.user, consultation=consultation, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Forespørgslen er afsluttet med jeres råd."))
            return redirect("coordination:consultation-detail", pk=consultation.pk)
    return _detail(request, consultation, close_form=form, status=400)


@require_POST
def consultation_link_case(request: HttpRequest, pk) -> HttpResponse:
    """The asking case worker links the consultation to one of their cases (by number)."""
    consultation = access.consultation_for_asker(request.user, pk)
    case_access.require_caseworker(request.user)
    form = LinkCaseForm(request.POST)
    if form.is_valid():
        case = case_access.visible_cases(request.user, write=True).filter(number=form.cleaned_data["number"].strip())
        case = case.select_related("person", "municipality").first()
        try:
            if case is None:
                raise ValidationError({"number": _("Du har ingen sag med det nummer.")})
            services.consultation_link_case(actor=request.user, consultation=consultation, case=case)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Forespørgslen er knyttet til sag %(n)s.") % {"n": case.number})
            return redirect("coordination:consultation-detail", pk=consultation.pk)
    return _detail(request, consultation, link_form=form, status=400)


@require_POST
def consultation_join_case(request: HttpRequest, pk) -> HttpResponse:
    """The case worker adds the consultant holding the consultation to the case's team, after a confirmation that
    names what the consultant will see (as the case page's team form does)."""
    consultation = access.consultation_for_asker(request.user, pk)
    if consultation.case_id is None or consultation.holder_id is None:
        raise access._refused_consultation(pk)
    case = case_access.case_for_user(request.user, consultation.case_id, write=True)
    if request.POST.get("confirm") != "1":
        note = member_access_note(case, consultation.holder, CaseMember.Role.SECURITY_CONSULTANT)
        return _detail(request, consultation, confirm_join={"user": consultation.holder, "note": note})
    try:
        services.consultant_join_case(actor=request.user, consultation=consultation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("%(name)s er tilføjet til sagens team.") % {"name": consultation.holder.display_name}
        )
    return redirect("coordination:consultation-detail", pk=consultation.pk)


@require_http_methods(["GET", "POST"])
def consultation_to_concern(request: HttpRequest, pk) -> HttpResponse:
    """The consultant notifies the requesting municipality (underretning) from the consultation."""
    consultation = access.consultation_for_consultant(request.user, pk)
    form = ConcernFromConsultationForm(request.POST or None, initial={"person_name": consultation.person_name})
    if request.method == "POST" and form.is_valid():
        try:
            concern = services.consultation_to_concern(
                actor=request.user, consultation=consultation, **form.cleaned_data
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(
                request,
                _("Underretningen %(ref)s er sendt til %(m)s.")
                % {"ref": concern.reference, "m": consultation.municipality.name},
            )
            return redirect("coordination:consultation-detail", pk=consultation.pk)
    audit_read(request, consultation, purpose=access.PURPOSE)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/concern_form.html", {"form": form, "c": consultation}, status=status)
