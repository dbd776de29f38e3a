"""Pages of the partnerships app: thin adapters over `access`, `selectors` and `services`. Every object is fetched
through access.py (404 otherwise); the pages that show contact persons or partner users write their own
access-log row."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tryg.accounts.views import require_recent_auth
from tryg.audit.models import Action
from tryg.audit.services import audit_read, audit_record
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number

from . import access, selectors, services, uploads
from .forms import (
    ActivityForm,
    AgreementForm,
    BudgetLineForm,
    ContactForm,
    DeadlineForm,
    GrantForm,
    PartnerForm,
    PaymentForm,
)
from .xlsx import grant_report_xlsx


def _bad_page(request, template: str) -> HttpResponse:
    return render(request, template, {"bad_page": True}, status=400)


# --- the coordinator ---------------------------------------------------------------------------


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The coordinator's view of spending against budget, grant by grant, with what is due."""
    access.require_coordinator(request.user)
    number = page_number(request)
    if number is None:
        return _bad_page(request, "partnerships/overview.html")
    rows, page, totals = selectors.grants_overview_page(request.user, number)
    context = {"rows": rows, "totals": totals, "due": selectors.due_reports(request.user), **page.as_context()}
    return render(request, "partnerships/overview.html", context)


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    number = page_number(request)
    if number is None:
        return _bad_page(request, "partnerships/partner_list.html")
    rows, page = selectors.partners_page(request.user, number)
    return render(request, "partnerships/partner_list.html", {"rows": rows, **page.as_context()})


@require_http_methods(["GET", "POST"])
def partner_create(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(
                actor=request.user, municipality=request.user.municipality, **form.cleaned_data
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Partneren er oprettet."))
            return redirect("partnerships:partner-detail", pk=partner.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "partnerships/partner_form.html", {"form": form}, status=status)


def _partner_page(request, partner, *, contact_form=None, status=200) -> HttpResponse:
    context = selectors.partner_file(partner)
    context["may_edit"] = access.is_coordinator(request.user)
    context["contact_form"] = contact_form or ContactForm()
    audit_read(request, partner, purpose=_("Kontaktpersoner og brugere hos partner"))
    return render(request, "partnerships/partner_detail.html", context, status=status)


@require_GET
def partner_detail(request: HttpRequest, pk) -> HttpResponse:
    return _partner_page(request, access.partner_for_user(request.user, pk))


@require_POST
def contact_add(request: HttpRequest, pk) -> HttpResponse:
    partner = access.partner_for_user(request.user, pk, write=True)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.contact_add(actor=request.user, partner=partner, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Kontaktpersonen er tilføjet."))
            return redirect("partnerships:partner-detail", pk=partner.pk)
    return _partner_page(request, partner, contact_form=form, status=400)


@require_GET
def pool_list(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    pools = selectors.pools_for(request.user, access.visible_pools(request.user))
    return render(request, "partnerships/pool_list.html", {"pools": pools})


def _pool_page(request, pool, *, grant_form=None, status=200) -> HttpResponse:
    context = selectors.pool_file(request.user, pool)
    partners = access.visible_partners(request.user, write=True).order_by("name")
    context["grant_form"] = grant_form or GrantForm(partners=partners)
    return render(request, "partnerships/pool_detail.html", context, status=status)


@require_GET
def pool_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _pool_page(request, access.pool_for_user(request.user, pk))


@require_POST
def grant_create(request: HttpRequest, pk: int) -> HttpResponse:
    pool = access.pool_for_user(request.user, pk)
    partners = access.visible_partners(request.user, write=True).order_by("name")
    form = GrantForm(request.POST, partners=partners)
    if form.is_valid():
        data = form.cleaned_data
        try:
            grant = services.grant_create(
                actor=request.user,
                pool=pool,
                partner=access.partner_for_user(request.user, data.pop("partner"), write=True),
                **data,
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Bevillingen er oprettet."))
            return redirect("partnerships:grant-detail", pk=grant.pk)
    return _pool_page(request, pool, grant_form=form, status=400)


# --- a grant: the coordinator administers it, the partner reports on it ----------------------------

GRANT_FORMS = {
    "budget_line": (BudgetLineForm, services.budget_line_add, _("Budgetlinjen er tilføjet.")),
    "payment": (PaymentForm, services.payment_add, _("Udbetalingen er registreret.")),
    "agreement": (AgreementForm, services.agreement_add, _("Aftalen er registreret.")),
    "deadline": (DeadlineForm, services.deadline_add, _("Rapportfristen er tilføjet.")),
}


def _grant_page(request, grant, *, bound=None, status=200) -> HttpResponse:
    number = page_number(request) or 1
    activities, page = selectors.activities_page(grant, number)
    context = {
        "grant": grant,
        "report": selectors.grant_report(grant, with_activities=False),
        "activities": activities,
        "may_edit": access.is_coordinator(request.user),
        **page.as_context(),
    }
    if context["may_edit"]:
        context["forms"] = {key: form_class(prefix=key) for key, (form_class, _s, _m) in GRANT_FORMS.items()}
        context["forms"].update(bound or {})
    return render(request, "partnerships/grant_detail.html", context, status=status)


@require_GET
def grant_detail(request: HttpRequest, pk) -> HttpResponse:
    return _grant_page(request, access.grant_for_user(request.user, pk))


def _grant_form_post(request: HttpRequest, pk, key: str) -> HttpResponse:
    grant = access.grant_for_user(request.user, pk, write=True)
    form_class, service, done = GRANT_FORMS[key]
    form = form_class(request.POST, prefix=key)
    if form.is_valid():
        try:
            service(actor=request.user, grant=grant, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, done)
            return redirect("partnerships:grant-detail", pk=grant.pk)
    return _grant_page(request, grant, bound={key: form}, status=400)


@require_POST
def budget_line_add(request: HttpRequest, pk) -> HttpResponse:
    return _grant_form_post(request, pk, "budget_line")


@require_POST
def payment_add(request: HttpRequest, pk) -> HttpResponse:
    return _grant_form_post(request, pk, "payment")


@require_POST
def agreement_add(request: HttpRequest, pk) -> HttpResponse:
    return _grant_form_post(request, pk, "agreement")


@require_POST
def deadline_add(request: HttpRequest, pk) -> HttpResponse:
    return _grant_form_post(request, pk, "deadline")


# --- the partner -------------------------------------------------------------------------------


@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """Mit partnerskab: the partner's own grants, what is due and where to report."""
    access.require_partner(request.user)
    return render(request, "partnerships/mine.html", selectors.partner_home(request.user))


@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk) -> HttpResponse:
    grant = access.grant_for_reporting(request.user, pk)
    lines = selectors.budget_lines_of(grant)
    form = ActivityForm(request.POST or None, request.FILES or None, budget_lines=lines)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.activity_report(
                actor=request.user,
                grant=grant,
                title=data["title"],
                held_on=data["held_on"],
                participants=data["participants"],
                volunteers=data["volunteers"] or 0,
                description=data["description"],
                budget_line=int(data["budget_line"]) if data["budget_line"] else None,
                cost=data["cost"] or 0,
                attachment=data["attachment"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Tak. Aktiviteten er indberettet."))
            return redirect("partnerships:grant-detail", pk=grant.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "partnerships/activity_form.html", {"form": form, "grant": grant}, status=status)


@require_POST
def deadline_submit(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = access.deadline_for_partner(request.user, pk)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Bekræft indsendelsen med knappen."))
        return _grant_page(request, deadline.grant, status=400)
    try:
        services.deadline_submit(actor=request.user, deadline=deadline)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _grant_page(request, deadline.grant, status=400)
    messages.success(request, _("Rapporten er indsendt til kommunen."))
    return redirect("partnerships:grant-detail", pk=deadline.grant_id)


@require_GET
def attachment_download(request: HttpRequest, pk) -> FileResponse:
    """A file is only ever served here, after the access check, as an attachment of its sniffed type."""
    attachment = access.attachment_for_user(request.user, pk)
    audit_read(request, attachment, purpose=_("Bilag til aktivitet"))
    response = FileResponse(
        uploads.open_stored(attachment.stored_name),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


# --- the report for the grantor -----------------------------------------------------------------


@require_GET
def grant_report(request: HttpRequest, pk) -> HttpResponse:
    grant = access.grant_for_user(request.user, pk)
    return render(request, "partnerships/grant_report.html", {"report": selectors.grant_report(grant)})


@require_GET
def grant_report_xlsx_download(request: HttpRequest, pk) -> HttpResponse:
    grant = access.grant_for_user(request.user, pk)
    if (reauth := require_recent_auth(request)) is not None:
        return reauth  # an export asks for the password again first (ASVS 7.5.1), as every export
    report = selectors.grant_report(grant)
    audit_record(actor=request.user, action=Action.EXPORT, obj=grant, purpose=_("Rapport til tilskudsgiver"))
    response = HttpResponse(
        grant_report_xlsx(report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = slugify(f"rapport-{grant.partner.name}-{grant.title}")[:80] or "rapport"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
