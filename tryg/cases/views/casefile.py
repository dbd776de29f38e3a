"""Pages of the case file: case search, the case page and its actions, safe contact, "Mine opgaver"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.audit.services import audit_read, audit_search
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..forms import (
    ArchiveHoldForm,
    CaseSearchForm,
    ContactForm,
    ContactRulesForm,
    EntryForm,
    LinkForm,
    MemberForm,
    StatusForm,
    TaskForm,
)


def case_list(request: HttpRequest) -> HttpResponse:
    access.require_case_role(request.user)
    form = CaseSearchForm(request.GET or None)
    q = status = ""
    if form.is_bound and form.is_valid():
        q, status = form.cleaned_data["q"], form.cleaned_data["status"]
    cases, criterion = selectors.search_cases(request.user, q, status, selectors.LIST_LIMIT)
    audit_search(request, object_type="cases.case", criterion=criterion, purpose=access.PURPOSE)
    context = {
        "form": form,
        "cases": cases,
        "limit": selectors.LIST_LIMIT,
        "can_break_glass": request.user.has_role(*access.CASEWORKER_ROLES),
    }
    return render(
        request, "cases/case_list.html", context, status=400 if form.is_bound and not form.is_valid() else 200
    )


def render_case(request: HttpRequest, case, *, status: int = 200, **forms_) -> HttpResponse:
    """The case page, with any form that failed in place of its empty one. Logs the read (once)."""
    user = request.user
    readonly = access.has_break_glass_only(user, case)
    context = selectors.case_file(user, case)
    context.update(
        readonly=readonly,
        entry_form=forms_.get("entry_form") or EntryForm(),
        task_form=forms_.get("task_form") or TaskForm(owners=selectors.task_owners(case)),
        member_form=forms_.get("member_form") or MemberForm(candidates=selectors.member_candidates(case)),
        status_form=forms_.get("status_form") or StatusForm(initial={"status": case.status}),
        link_form=forms_.get("link_form") or LinkForm(),
        archive_form=forms_.get("archive_form") or ArchiveHoldForm(initial={"hold": "0" if case.archive_hold else "1"}),
        error_form=next((f for f in forms_.values() if f is not None and f.errors), None),
    )
    audit_read(request, case, subject=case.person, purpose=access.reading_purpose(user, case, readonly=readonly))
    return render(request, "cases/case_detail.html", context, status=status)


def case_detail(request: HttpRequest, pk) -> HttpResponse:
    return render_case(request, access.case_for_user(request.user, pk))


def _done(request: HttpRequest, case, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("cases:case-detail", pk=case.pk)


@require_POST
def entry_add(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            services.entry_add(
                actor=request.user,
                case=case,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                corrects=form.cleaned_data.get("corrects") or None,
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Indførslen er tilføjet tidslinjen."))
    return render_case(request, case, status=400, entry_form=form)


@require_POST
def task_add(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = TaskForm(request.POST, owners=selectors.task_owners(case))
    if form.is_valid():
        try:
            services.task_add(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Opgaven er oprettet."))
    return render_case(request, case, status=400, task_form=form)


@require_POST
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access.task_for_user(request.user, task_id)
    if request.POST.get("done") != "1":
        return render(
            request, "cases/bad_request.html", {"message": _("Markér opgaven som udført med knappen.")}, status=400
        )
    services.task_done(actor=request.user, task=task)
    messages.success(request, _("Opgaven er markeret som udført."))
    if request.POST.get("next") == "my-tasks":
        return redirect("cases:my-tasks")
    return redirect("cases:case-detail", pk=task.case_id)


@require_POST
def member_add(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    access.require_caseworker(request.user)
    form = MemberForm(request.POST, candidates=selectors.member_candidates(case))
    if form.is_valid():
        try:
            services.member_add(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Personen er tilføjet sagens team."))
    return render_case(request, case, status=400, member_form=form)


@require_POST
def case_status(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.case_set_status(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Sagens status er ændret."))
    return render_case(request, case, status=400, status_form=form)


@require_POST
def link_add(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            services.case_link_add(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Sagerne er forbundet."))
    return render_case(request, case, status=400, link_form=form)


@require_http_methods(["GET", "POST"])
def safe_contact(request: HttpRequest, pk) -> HttpResponse:
    """Regler for sikker kontakt on the person of the case."""
    case = access.case_for_user(request.user, pk, write=True)
    person = case.person
    initial = {
        "allowed_channels": person.allowed_channels,
        "forbidden_channels": person.forbidden_channels,
        "never_contact": person.never_contact,
        "note": person.contact_note,
    }
    form = ContactRulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_rules_set(
                actor=request.user,
                case=case,
                allowed=data["allowed_channels"],
                forbidden=data["forbidden_channels"],
                never_contact=data["never_contact"],
                note=data["note"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Reglerne for sikker kontakt er gemt."))
    audit_read(request, person, subject=person, purpose=_("Regler for sikker kontakt"))
    return render(
        request,
        "cases/safe_contact.html",
        {"case": case, "person": person, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, pk) -> HttpResponse:
    """Contact the person or family: blocked, with the reason, when the safe-contact rules forbid the channel."""
    case = access.case_for_user(request.user, pk, write=True)
    form = ContactForm(request.POST or None, initial={"channel": request.GET.get("channel", "")})
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_record(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, case, _("Kontakten er registreret på tidslinjen."))
    audit_read(request, case, subject=case.person, purpose=_("Kontakt til borger"))
    return render(
        request,
        "cases/contact.html",
        {"case": case, "person": case.person, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def my_tasks(request: HttpRequest) -> HttpResponse:
    """Mine opgaver og frister: my open tasks (paged, nearest deadline first) and the nearest concern clocks."""
    access.require_case_role(request.user)
    number = page_number(request)
    if number is None:
        return render(request, "cases/my_tasks.html", {"bad_page": True}, status=400)
    tasks, page = selectors.my_tasks_page(request.user, number)
    context = {
        "tasks": tasks,
        "deadlines": selectors.nearest_deadlines(request.user) if number == 1 else [],
        "limit": selectors.DEADLINES_SHOWN,
        "has_queue": bool(access.caseworker_unit_ids(request.user)),
    }
    return render(request, "cases/my_tasks.html", {**context, **page.as_context()})
