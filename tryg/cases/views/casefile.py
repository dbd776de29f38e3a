"""Pages of the case file: case search, the case page and its actions, safe contact, "Mine opgaver"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.audit.services import audit_read, audit_search
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number
from tryg.core.stash import redirect_to_stash, search_data

from .. import access, registry, selectors, services
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
from ..models import TimelineEntry

# A name or CPR number is posted and kept in the session (core.stash); the URL holds only a key.
SEARCH_SCOPE = "cases:case-list"
SEARCH_SENSITIVE = frozenset({"q"})


@require_http_methods(["GET", "POST"])
def case_list(request: HttpRequest) -> HttpResponse:
    access.require_case_role(request.user)
    if request.method == "POST":
        return redirect_to_stash(request, scope=SEARCH_SCOPE)
    data, expired = search_data(request, scope=SEARCH_SCOPE, sensitive=SEARCH_SENSITIVE)
    form = CaseSearchForm(data)
    q = status = ""
    if form.is_bound and form.is_valid():
        q, status = form.cleaned_data["q"], form.cleaned_data["status"]
    cases, criterion = selectors.search_cases(
        request.user, q, status, selectors.LIST_LIMIT, only=selectors.CASE_LIST_FIELDS
    )
    audit_search(request, object_type="cases.case", criterion=criterion, purpose=access.PURPOSE)
    context = {
        "form": form,
        "cases": cases,
        "limit": selectors.LIST_LIMIT,
        "can_break_glass": request.user.has_role(*access.CASEWORKER_ROLES),
        "search_expired": expired,
    }
    return render(
        request, "cases/case_list.html", context, status=400 if form.is_bound and not form.is_valid() else 200
    )


# The parts of the case page that an action updates in place (htmx), each a template of its own.
SECTIONS = {
    "timeline": "cases/case/timeline.html",
    "tasks": "cases/case/tasks.html",
    "team": "cases/case/team.html",
    "links": "cases/case/links.html",
    "manage": "cases/case/manage.html",
}
ANCHORS = {"timeline": "timeline", "tasks": "tasks", "team": "team", "links": "links", "manage": "manage"}


def _timeline_kind(request: HttpRequest) -> str:
    kind = request.GET.get("kind", "")
    return kind if kind in TimelineEntry.Kind.values else ""


# The forms of the case page that stay closed until the user opens them: rendered on demand (htmx GET
# `?form=<name>` on opening the <details>; without JavaScript a link loads the page with that form open).
LAZY_FORMS = {"task": "tasks", "member": "team", "status": "manage", "link": "links", "archive": "manage"}


def _lazy_form(name: str, user, case):
    """The empty form `name` of the case page (task owners and team candidates read only when it is shown)."""
    if name == "task":
        owners = selectors.task_owners(case)
        own_pk = user.pk if any(u.pk == user.pk for u in owners) else None
        return TaskForm(owners=owners, initial={"owner": own_pk})
    if name == "member":
        return MemberForm(candidates=selectors.member_candidates(case), auto_id="member_%s")
    if name == "status":
        return StatusForm(initial={"status": case.status}, auto_id="status_%s")
    if name == "link":
        return LinkForm(auto_id="link_%s")
    return ArchiveHoldForm(initial={"hold": "0" if case.archive_hold else "1"}, auto_id="archive_%s")


def render_case(
    request: HttpRequest, case, *, status: int = 200, section: str | None = None, flash: str = "", **extra
) -> HttpResponse:
    """The case page, or for an htmx request only `section` of it, with any form that failed in place of its
    empty one (forms passed as keyword arguments). Logs the read, once."""
    user = request.user
    readonly = access.has_break_glass_only(user, case)
    context = selectors.case_file(user, case, kind=_timeline_kind(request))
    can_add_member = user.has_role(*access.CASEWORKER_ROLES)
    asked = request.GET.get("form", "") if request.method == "GET" else ""
    asked = asked if asked in LAZY_FORMS and not readonly else ""
    # Forms shown now: the one asked for, and any that failed; the others load when opened.
    open_forms = {asked} | {k[: -len("_form")] for k, v in extra.items() if k.endswith("_form") and v is not None}
    context.update(
        readonly=readonly,
        flash=flash,
        can_add_member=can_add_member,
        entry_form=EntryForm(),
        asked_form=asked,
        open_forms=open_forms,
    )
    for name in LAZY_FORMS:
        if extra.get(f"{name}_form") is None and name in open_forms:
            context[f"{name}_form"] = _lazy_form(name, user, case)
    # "Tilføj til team" is always there for a case worker; the form, loaded when opened, says when no one is left.
    context.update(
        panels=registry.case_panels(user, case, readonly=readonly),
        case_actions=[] if readonly else registry.case_actions(user, case),
    )
    context.update({k: v for k, v in extra.items() if v is not None})
    forms_ = [v for k, v in extra.items() if k.endswith("_form")]
    context["error_form"] = next((f for f in forms_ if f is not None and f.errors), None)
    audit_read(request, case, subject=case.person, purpose=access.reading_purpose(user, case, readonly=readonly))
    if request.htmx and section in SECTIONS:
        return render(request, SECTIONS[section], context, status=status)
    return render(request, "cases/case_detail.html", context, status=status)


def case_detail(request: HttpRequest, pk) -> HttpResponse:
    form = request.GET.get("form", "")
    if request.htmx and form in LAZY_FORMS:
        # One closed form of the page, opened by the user: only for those who may change the case.
        case = access.case_for_user(request.user, pk, write=True)
        context = {"case": case, f"{form}_form": _lazy_form(form, request.user, case)}
        return render(request, f"cases/case/forms/{form}.html", context)
    case = access.case_for_user(request.user, pk)
    return render_case(request, case, section=request.GET.get("section"))


def done(request: HttpRequest, case, text: str, section: str) -> HttpResponse:
    """After a successful action: the updated section in place (htmx), else back to that part of the page."""
    if request.htmx:
        return render_case(request, case, section=section, flash=text)
    messages.success(request, text)
    return redirect(reverse("cases:case-detail", args=[case.pk]) + "#" + ANCHORS[section])


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
            return done(request, case, _("Indførslen er tilføjet tidslinjen."), "timeline")
    return render_case(request, case, status=400, section="timeline", entry_form=form)


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
            return done(request, case, _("Opgaven er oprettet."), "tasks")
    return render_case(request, case, status=400, section="tasks", task_form=form)


@require_POST
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access.task_for_user(request.user, task_id)
    if request.POST.get("done") != "1":
        return render(
            request, "cases/bad_request.html", {"message": _("Markér opgaven som udført med knappen.")}, status=400
        )
    services.task_done(actor=request.user, task=task)
    if request.POST.get("next") == "my-tasks":
        messages.success(request, _("Opgaven er markeret som udført."))
        return redirect("cases:my-tasks")
    return done(request, task.case, _("Opgaven er markeret som udført."), "tasks")


@require_POST
def member_add(request: HttpRequest, pk) -> HttpResponse:
    """Add to the team. A security consultant or a user outside the responsible unit is only added after a
    confirmation that names what they will see."""
    case = access.case_for_user(request.user, pk, write=True)
    access.require_caseworker(request.user)
    candidates = selectors.member_candidates(case)
    form = MemberForm(request.POST, candidates=candidates, auto_id="member_%s")
    if form.is_valid():
        data = form.cleaned_data
        user = next(u for u in candidates if str(u.pk) == data["user"])
        note = selectors.member_access_note(case, user, data["role"])
        if note and not data["confirm"]:
            confirm = {"user": user, "role": data["role"], "note": note}
            return render_case(request, case, section="team", confirm_member=confirm)
        try:
            services.member_add(actor=request.user, case=case, user=data["user"], role=data["role"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return done(request, case, _("Personen er tilføjet sagens team."), "team")
    return render_case(request, case, status=400, section="team", member_form=form)


@require_POST
def case_status(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = StatusForm(request.POST, auto_id="status_%s")
    if form.is_valid():
        try:
            case = services.case_set_status(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return done(request, case, _("Sagens status er ændret."), "manage")
    return render_case(request, case, status=400, section="manage", status_form=form)


@require_POST
def link_add(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    form = LinkForm(request.POST, auto_id="link_%s")
    if form.is_valid():
        try:
            services.case_link_add(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return done(request, case, _("Sagerne er forbundet."), "links")
    return render_case(request, case, status=400, section="links", link_form=form)


def _forbidden_values(form) -> set[str]:
    """The forbidden channels the form shows as ticked: what was posted, else the saved rules."""
    if form.is_bound:
        return set(form.data.getlist("forbidden_channels"))
    return set(form.initial.get("forbidden_channels") or [])


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
            messages.success(request, _("Reglerne for sikker kontakt er gemt."))
            return redirect("cases:case-detail", pk=case.pk)
    audit_read(request, person, subject=person, purpose=_("Regler for sikker kontakt"))
    return render(
        request,
        "cases/safe_contact.html",
        {"case": case, "person": person, "form": form, "forbidden_values": _forbidden_values(form)},
        status=400 if request.method == "POST" else 200,
    )


def _party_initial(request: HttpRequest) -> dict:
    party = request.GET.get("party", "")
    return {"party": party} if party in TimelineEntry.Party.values else {}


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, pk) -> HttpResponse:
    """Contact the person or family: blocked, with the reason, when the safe-contact rules forbid the channel."""
    case = access.case_for_user(request.user, pk, write=True)
    offered, blocked = services.contact_channels(case.person)
    form = ContactForm(
        request.POST or None,
        offered=offered,
        initial={"channel": request.GET.get("channel", "")} | _party_initial(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_record(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Kontakten er registreret på tidslinjen."))
            return redirect(reverse("cases:case-detail", args=[case.pk]) + "#timeline")
    audit_read(request, case, subject=case.person, purpose=_("Kontakt til borger"))
    context = {"case": case, "person": case.person, "form": form, "blocked": blocked, "offered": offered}
    context["family_blocked"] = services.family_contact_block_reason(case)
    return render(
        request,
        "cases/contact.html",
        context,
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
