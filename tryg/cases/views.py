"""Pages of the cases app. Every concern and case is fetched through access.py; every read is logged."""

import csv
import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.accounts.access import require_administrator
from tryg.accounts.models import Membership, Role, Unit, User
from tryg.audit.models import Action
from tryg.audit.services import audit_read, audit_record, audit_search

from . import identity, services
from .access import (
    case_for_user,
    caseworker_unit_ids,
    concern_for_user,
    has_break_glass_only,
    linkable_case,
    referral_for_decision,
    task_for_user,
    visible_cases,
)
from .forms import (
    AccessExportForm,
    ArchiveHoldForm,
    BreakGlassForm,
    CaseSearchForm,
    ConcernForm,
    ContactForm,
    ContactRulesForm,
    EntryForm,
    IntakeSettingsForm,
    LinkForm,
    MemberForm,
    ReferralDecisionForm,
    ReferralForm,
    RelatedPersonFormSet,
    StatusForm,
    TaskForm,
    TriageForm,
)
from .models import (
    Case,
    CaseLink,
    Concern,
    IntakeRouting,
    Notification,
    PersonToken,
    Referral,
    TimelineEntry,
)
from .models import (
    Task as CaseTask,
)

NOTIFIER_ROLES = (Role.FAGPERSON, Role.SAGSBEHANDLER, Role.TOVHOLDER, Role.PARTNER, Role.SIKKERHEDSKONSULENT)
CASE_ROLES = (Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT)
NUMBER_RE = re.compile(r"^\d{4}-\d{1,6}$")
QUEUE_PAGE = 50
SEARCH_CHUNK = 200
SEARCH_CHUNKS = 10
TASKS_PAGE = 50
DEADLINES_SHOWN = 20
# What a concern row with its clocks needs (the encrypted description and person details stay unloaded).
CLOCK_FIELDS = (
    "id",
    "urgency",
    "target_group",
    "status",
    "received_at",
    "assessment_due_at",
    "assessed_at",
    "receipt_due_at",
    "receipt_confirmed_at",
)
QUEUE_FIELDS = (*CLOCK_FIELDS, "person", "person__id", "person__name")
LIST_LIMIT = 50


def _require_roles(user, *roles) -> None:
    if not user.has_role(*roles):
        raise Http404


def _purpose(request, case=None) -> str:
    if case is not None and has_break_glass_only(request.user, case):
        return _("Nødadgang")
    return services.PURPOSE


# --- intake --------------------------------------------------------------------------------------


def _walk_prefill(request, walk_id):
    from tryg.actioncards.access import walk_for_user
    from tryg.actioncards.selectors import walk_summary

    walk = walk_for_user(request.user, walk_id)
    summary = walk_summary(walk)
    lines = [
        _("Fra handlekortet «%(card)s» (version %(v)s):") % {"card": summary["card_title"], "v": summary["version"]}
    ]
    for answer in summary["answers"]:
        lines.append(f"- {answer['question']} {answer['answer']}")
    outcome = summary.get("outcome")
    initial = {}
    if outcome:
        lines.append(_("Resultat: %(t)s") % {"t": outcome["title"]})
        if outcome.get("target_group") in ("child", "young"):
            initial["target_group"] = "child"
        elif outcome.get("target_group") == "adult":
            initial["target_group"] = "adult"
    lines.append("")
    lines.append(_("Min bekymring: "))
    initial["description"] = "\n".join(lines)
    return walk, summary, initial


def _warning_signs(user):
    try:
        from tryg.knowledge.selectors import warning_signs
    except ImportError:  # pragma: no cover - the knowledge app is always installed
        return []
    return list(warning_signs(user.municipality))


@require_http_methods(["GET", "POST"])
def concern_create(request: HttpRequest) -> HttpResponse:
    """Underretning/bekymring: from an action-card walk (?walk=<uuid>) or directly."""
    user = request.user
    _require_roles(user, *NOTIFIER_ROLES)
    walk = summary = None
    initial = {}
    walk_id = request.POST.get("walk") or request.GET.get("walk")
    if walk_id:
        walk, summary, initial = _walk_prefill(request, walk_id)
    signs = _warning_signs(user)
    form = ConcernForm(request.POST or None, user=user, warning_signs=signs, initial=initial)
    formset = RelatedPersonFormSet(request.POST or None, prefix="related")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        related = [
            services.RelatedPersonData(
                name=f["name"],
                relation=f["relation"],
                possible_threat=f["possible_threat"],
                safe_to_contact=f["safe_to_contact"],
            )
            for f in formset.cleaned_data
            if f and f.get("name")
        ]
        try:
            services.concern_create(
                actor=user,
                person=services.PersonData(
                    name=data["name"],
                    birth_date=data["birth_date"],
                    age_group=data["age_group"],
                    cpr=data["cpr"],
                    address=data["address"],
                    address_is_safe=data["address_is_safe"],
                ),
                target_group=data["target_group"],
                description=data["description"],
                urgency=data["urgency"],
                notifier_unit=form.units.get(data.get("notifier_unit") or ""),
                related=related,
                warning_sign_ids=[int(pk) for pk in data["warning_signs"]],
                walk=walk,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Tak. Underretningen er sendt til kommunens modtagende enhed."))
            return redirect("cases:my-concerns")
    return render(
        request,
        "cases/concern_form.html",
        {"form": form, "formset": formset, "walk": walk, "summary": summary},
        status=400 if request.method == "POST" else 200,
    )


def my_concerns(request: HttpRequest) -> HttpResponse:
    """Mine underretninger: the notifier sees only the status of what they filed."""
    _require_roles(request.user, *NOTIFIER_ROLES)
    concerns = list(
        Concern.objects.filter(notifier=request.user)
        .only("id", "status", "received_at", "receipt_confirmed_at")
        .order_by("-received_at")[:200]
    )
    return render(request, "cases/my_concerns.html", {"concerns": concerns})


def _page_number(request: HttpRequest) -> int | None:
    """The `page` query parameter (1 when absent); None when it is not a page number."""
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        return None
    return page if 1 <= page <= 10_000 else None


def _paging(page: int, offset: int, shown: int, total: int) -> dict:
    return {
        "total": total,
        "page": page,
        "first": offset + 1,
        "last": offset + shown,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if offset + shown < total else None,
    }


def queue(request: HttpRequest) -> HttpResponse:
    """The receiving unit's queue: acute first, then by deadline; overdue marked. Paged, QUEUE_PAGE rows a page."""
    units = caseworker_unit_ids(request.user)
    if not units:
        raise Http404
    page = _page_number(request)
    if page is None:
        return render(request, "cases/queue.html", {"bad_page": True}, status=400)
    pending = Concern.objects.pending().filter(
        receiving_unit_id__in=units, municipality_id=request.user.municipality_id
    )
    total = pending.count()
    offset = (page - 1) * QUEUE_PAGE
    concerns = list(
        pending.select_related("person")
        # Only what the queue shows: the encrypted description and person details are not loaded or decrypted.
        .only(*QUEUE_FIELDS)
        .in_queue_order()[offset : offset + QUEUE_PAGE]
    )
    audit_search(
        request,
        object_type="cases.concern",
        criterion="kø" if page == 1 else f"kø, side {page}",
        purpose=_("Modtagelse af underretninger"),
    )
    now = timezone.now()
    rows = [{"concern": c, "clocks": c.clocks(now=now)} for c in concerns]
    return render(request, "cases/queue.html", {"rows": rows, **_paging(page, offset, len(rows), total)})


def _concern_context(request, concern, *, triage_form=None, confirm_error=None):
    from tryg.actioncards.selectors import walk_summary

    summary = walk_summary(concern.walk) if concern.walk_id else None
    candidates = list(
        services.merge_candidates(concern, visible_cases(request.user, write=True)).select_related("person")[:20]
    )
    audit_read(request, concern, subject=concern.person, purpose=_("Vurdering af underretning"))
    return {
        "concern": concern,
        "clocks": concern.clocks(),
        "related": list(concern.related_persons.all()),
        "signs": list(concern.warning_signs.all()),
        "summary": summary,
        "triage_form": triage_form or TriageForm(candidates=candidates),
        "candidates": candidates,
        "confirm_error": confirm_error,
        "can_decide": bool(caseworker_unit_ids(request.user)),
    }


def concern_detail(request: HttpRequest, pk) -> HttpResponse:
    concern = concern_for_user(request.user, pk)
    return render(request, "cases/concern_detail.html", _concern_context(request, concern))


@require_POST
def concern_confirm(request: HttpRequest, pk) -> HttpResponse:
    concern = concern_for_user(request.user, pk, write=True)
    error = None
    if request.POST.get("confirm") != "1":
        error = _("Bekræft modtagelsen med knappen.")
    else:
        try:
            services.concern_confirm_receipt(actor=request.user, concern=concern)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if error:
        return render(
            request, "cases/concern_detail.html", _concern_context(request, concern, confirm_error=error), status=400
        )
    messages.success(request, _("Modtagelsen er kvitteret, og underretteren har fået besked."))
    return redirect("cases:concern-detail", pk=concern.pk)


@require_POST
def concern_triage(request: HttpRequest, pk) -> HttpResponse:
    concern = concern_for_user(request.user, pk, write=True)
    candidates = list(services.merge_candidates(concern, visible_cases(request.user, write=True)))
    form = TriageForm(request.POST, candidates=candidates)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "new_case":
                case = services.concern_triage(actor=request.user, concern=concern)
                messages.success(request, _("Sag %(n)s er oprettet.") % {"n": case.number})
                return redirect("cases:case-detail", pk=case.pk)
            if data["decision"] == "merge":
                case = services.concern_merge(actor=request.user, concern=concern, case=data["case_obj"])
                messages.success(request, _("Underretningen er lagt på sag %(n)s.") % {"n": case.number})
                return redirect("cases:case-detail", pk=case.pk)
            services.concern_close(actor=request.user, concern=concern, reason=data["reason"])
            messages.success(request, _("Underretningen er lukket."))
            return redirect("cases:queue")
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(
        request, "cases/concern_detail.html", _concern_context(request, concern, triage_form=form), status=400
    )


# --- cases ---------------------------------------------------------------------------------------


def _search_cases(user, q: str, status: str, limit: int) -> tuple[list[Case], str]:
    """The user's cases matching `q` (a case number, name words or a CPR number), at most `limit`, with the search
    criterion for the access log. Name searches return the most recently registered persons first."""
    qs = visible_cases(user).select_related("person", "responsible_unit")
    criterion = []
    if status:
        qs = qs.filter(status=status)
        criterion.append(f"status={status}")
    q = (q or "").strip()
    tokens = []
    if q and NUMBER_RE.match(q):
        qs = qs.filter(number=q)
        criterion.append(f"nummer={q}")
    elif q:
        tokens = identity.query_tokens(q)
        # The log keeps keyed hashes of the words searched for, never the name or CPR itself.
        criterion.append("tokens=" + ",".join(t[:12] for t in tokens))
    criterion = "; ".join(criterion) or "alle"
    if not tokens:
        return list(qs.order_by("-opened_at")[:limit]), criterion
    found: list[Case] = []
    for person_ids in _persons_with_tokens(user, tokens):
        rank = {pk: i for i, pk in enumerate(person_ids)}
        cases = sorted(qs.filter(person_id__in=person_ids), key=lambda c: (rank[c.person_id], -c.opened_at.timestamp()))
        found.extend(cases)
        if len(found) >= limit:
            break
    return found[:limit], criterion


def _persons_with_tokens(user, tokens: list[str]):
    """Ids of persons having every token, newest first, in chunks read off the token index.

    The cases are then fetched per chunk through the access rules. A common surname matches thousands of
    persons; reading them in order and stopping at a page keeps a search fast whatever the data size. At most
    SEARCH_CHUNKS chunks are read (the result then says so by being short; refine the search).
    """
    scope = {user.municipality_id}
    if user.has_role(Role.SIKKERHEDSKONSULENT):
        scope |= user.region_municipality_ids  # a consultant's cases may be in any municipality of the region
    first, *rest = tokens
    matches = PersonToken.objects.filter(token=first, municipality_id__in=scope)
    for token in rest:
        matches = matches.filter(Exists(PersonToken.objects.filter(person_id=OuterRef("person_id"), token=token)))
    matches = matches.order_by("-created_at", "-person_id").values_list("person_id", flat=True)
    for chunk in range(SEARCH_CHUNKS):
        person_ids = list(matches[chunk * SEARCH_CHUNK : (chunk + 1) * SEARCH_CHUNK])
        if person_ids:
            yield person_ids
        if len(person_ids) < SEARCH_CHUNK:
            return


def case_list(request: HttpRequest) -> HttpResponse:
    _require_roles(request.user, *CASE_ROLES)
    form = CaseSearchForm(request.GET or None)
    q = status = ""
    if form.is_bound and form.is_valid():
        q, status = form.cleaned_data["q"], form.cleaned_data["status"]
    cases, criterion = _search_cases(request.user, q, status, LIST_LIMIT)
    audit_search(request, object_type="cases.case", criterion=criterion, purpose=services.PURPOSE)
    status_code = 400 if form.is_bound and not form.is_valid() else 200
    context = {
        "form": form,
        "cases": cases,
        "limit": LIST_LIMIT,
        "can_break_glass": request.user.has_role(Role.SAGSBEHANDLER),
    }
    return render(request, "cases/case_list.html", context, status=status_code)


def _owners(case):
    users = {m.user_id: m.user for m in case.members.select_related("user")}
    for m in Membership.objects.filter(unit_id=case.responsible_unit_id, role=Role.SAGSBEHANDLER).select_related(
        "user"
    ):
        users.setdefault(m.user_id, m.user)
    return sorted(users.values(), key=lambda u: u.display_name)


def _member_candidates(case):
    caseworkers = User.objects.filter(
        is_active=True,
        municipality_id=case.municipality_id,
        memberships__role=Role.SAGSBEHANDLER,
        memberships__unit__municipality_id=case.municipality_id,
    )
    consultants = User.objects.filter(
        is_active=True,
        memberships__role=Role.SIKKERHEDSKONSULENT,
        municipality__region_id=case.municipality.region_id,
    )
    taken = case.members.values_list("user_id", flat=True)
    return list((caseworkers | consultants).exclude(pk__in=taken).distinct().order_by("first_name", "username"))


def _case_context(request, case, **forms_) -> dict:
    user = request.user
    readonly = has_break_glass_only(user, case)
    entries = list(case.entries.select_related("author").order_by("-created_at", "-id"))
    corrections: dict[int, list] = {}
    for entry in entries:
        if entry.corrects_id:
            corrections.setdefault(entry.corrects_id, []).append(entry)
    for entry in entries:
        entry.correction_list = corrections.get(entry.pk, [])
    links = list(CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case)).select_related("from_case", "to_case"))
    linked = [
        {"case": link.to_case if link.from_case_id == case.pk else link.from_case, "kind": link.get_kind_display()}
        for link in links
    ]
    visible_ids = set(visible_cases(user).filter(pk__in=[x["case"].pk for x in linked]).values_list("pk", flat=True))
    for item in linked:
        item["visible"] = item["case"].pk in visible_ids
    owners = _owners(case)
    context = {
        "case": case,
        "person": case.person,
        "readonly": readonly,
        "entries": entries,
        "tasks": list(case.tasks.select_related("owner")),
        "members": list(case.members.select_related("user").order_by("role", "added_at")),
        "referrals": list(case.referrals.select_related("requested_by", "decided_by")),
        "concerns": list(case.concerns.select_related("receiving_unit").order_by("-received_at")),
        "linked": linked,
        "entry_form": forms_.get("entry_form") or EntryForm(),
        "task_form": forms_.get("task_form") or TaskForm(owners=owners),
        "member_form": forms_.get("member_form") or MemberForm(candidates=_member_candidates(case)),
        "status_form": forms_.get("status_form") or StatusForm(initial={"status": case.status}),
        "link_form": forms_.get("link_form") or LinkForm(),
        "archive_form": forms_.get("archive_form")
        or ArchiveHoldForm(initial={"hold": "0" if case.archive_hold else "1"}),
        "error_form": next((f for f in forms_.values() if f is not None and f.errors), None),
    }
    audit_read(request, case, subject=case.person, purpose=_purpose(request, case))
    return context


def _render_case(request, case, status=200, **forms_):
    return render(request, "cases/case_detail.html", _case_context(request, case, **forms_), status=status)


def case_detail(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk)
    case.municipality  # noqa: B018 - loaded for the member candidates
    return _render_case(request, case)


@require_POST
def entry_add(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk, write=True)
    form = EntryForm(request.POST)
    if form.is_valid():
        corrects = None
        if form.cleaned_data.get("corrects"):
            corrects = TimelineEntry.objects.filter(case=case, pk=form.cleaned_data["corrects"]).first()
            if corrects is None:
                form.add_error(None, _("Det notat, der skal rettes, findes ikke i sagen."))
        if not form.errors:
            try:
                services.entry_add(
                    actor=request.user,
                    case=case,
                    kind=form.cleaned_data["kind"],
                    text=form.cleaned_data["text"],
                    corrects=corrects,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Indførslen er tilføjet tidslinjen."))
                return redirect("cases:case-detail", pk=case.pk)
    return _render_case(request, case, status=400, entry_form=form)


@require_POST
def task_add(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk, write=True)
    form = TaskForm(request.POST, owners=_owners(case))
    if form.is_valid():
        try:
            services.task_add(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Opgaven er oprettet."))
            return redirect("cases:case-detail", pk=case.pk)
    return _render_case(request, case, status=400, task_form=form)


@require_POST
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    task = task_for_user(request.user, task_id)
    if request.POST.get("done") != "1":
        return render(
            request, "cases/bad_request.html", {"message": _("Markér opgaven som udført med knappen.")}, status=400
        )
    services.task_done(actor=request.user, task=task)
    messages.success(request, _("Opgaven er markeret som udført."))
    nxt = request.POST.get("next")
    if nxt == "my-tasks":
        return redirect("cases:my-tasks")
    return redirect("cases:case-detail", pk=task.case_id)


@require_POST
def member_add(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk, write=True)
    _require_roles(request.user, Role.SAGSBEHANDLER)
    form = MemberForm(request.POST, candidates=_member_candidates(case))
    if form.is_valid():
        try:
            services.member_add(
                actor=request.user, case=case, user=form.cleaned_data["user"], role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Personen er tilføjet sagens team."))
            return redirect("cases:case-detail", pk=case.pk)
    return _render_case(request, case, status=400, member_form=form)


@require_POST
def case_status(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk, write=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.case_set_status(
                actor=request.user, case=case, status=form.cleaned_data["status"], outcome=form.cleaned_data["outcome"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Sagens status er ændret."))
            return redirect("cases:case-detail", pk=case.pk)
    return _render_case(request, case, status=400, status_form=form)


@require_POST
def archive_hold(request: HttpRequest, pk) -> HttpResponse:
    """Set or lift the archive hold that keeps a closed case from being anonymised."""
    case = case_for_user(request.user, pk, write=True)
    form = ArchiveHoldForm(request.POST)
    if form.is_valid():
        try:
            services.case_set_archive_hold(
                actor=request.user, case=case, hold=form.cleaned_data["hold"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason" if hasattr(exc, "error_dict") else None, exc.messages)
        else:
            done = _("Sagen har fået arkivstop.") if form.cleaned_data["hold"] else _("Arkivstop er ophævet.")
            messages.success(request, done)
            return redirect("cases:case-detail", pk=case.pk)
    return _render_case(request, case, status=400, archive_form=form)


@require_http_methods(["GET", "POST"])
def intake_settings(request: HttpRequest) -> HttpResponse:
    """The administrator chooses the receiving units and the retention time of the municipality."""
    require_administrator(request)
    municipality = request.user.municipality
    routing = IntakeRouting.objects.filter(municipality=municipality).first()
    initial = {"retention_years": 5}
    if routing is not None:
        initial = {
            "child_unit": routing.child_unit_id,
            "adult_unit": routing.adult_unit_id,
            "retention_years": routing.retention_years,
        }
    units = Unit.objects.filter(municipality=municipality, is_active=True).order_by("name")
    form = IntakeSettingsForm(request.POST if request.method == "POST" else None, initial=initial, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            services.intake_settings_save(actor=request.user, municipality=municipality, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Indstillingerne er gemt."))
            return redirect("cases:intake-settings")
    return render(
        request,
        "cases/intake_settings.html",
        {"form": form, "routing": routing},
        status=400 if form.errors else 200,
    )


@require_POST
def link_add(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk, write=True)
    form = LinkForm(request.POST)
    if form.is_valid():
        other = linkable_case(request.user, case, form.cleaned_data["number"])
        if other is None:
            form.add_error("number", _("Du har ingen sag med det nummer."))
        else:
            try:
                services.case_link_add(actor=request.user, case=case, other=other, kind=form.cleaned_data["kind"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Sagerne er forbundet."))
                return redirect("cases:case-detail", pk=case.pk)
    return _render_case(request, case, status=400, link_form=form)


@require_http_methods(["GET", "POST"])
def safe_contact(request: HttpRequest, pk) -> HttpResponse:
    """Regler for sikker kontakt on the person of the case."""
    case = case_for_user(request.user, pk, write=True)
    person = case.person
    form = ContactRulesForm(
        request.POST or None,
        initial={
            "allowed_channels": person.allowed_channels,
            "forbidden_channels": person.forbidden_channels,
            "never_contact": person.never_contact,
            "note": person.contact_note,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_rules_set(
                actor=request.user,
                case=case,
                allowed=form.cleaned_data["allowed_channels"],
                forbidden=form.cleaned_data["forbidden_channels"],
                never_contact=form.cleaned_data["never_contact"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Reglerne for sikker kontakt er gemt."))
            return redirect("cases:case-detail", pk=case.pk)
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
    case = case_for_user(request.user, pk, write=True)
    form = ContactForm(request.POST or None, person=case.person, initial={"channel": request.GET.get("channel", "")})
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_record(
                actor=request.user, case=case, channel=form.cleaned_data["channel"], text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Kontakten er registreret på tidslinjen."))
            return redirect("cases:case-detail", pk=case.pk)
    audit_read(request, case, subject=case.person, purpose=_("Kontakt til borger"))
    return render(
        request,
        "cases/contact.html",
        {"case": case, "person": case.person, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def referral_add(request: HttpRequest, pk) -> HttpResponse:
    case = case_for_user(request.user, pk, write=True)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
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


def _pending_referrals(user):
    return list(
        Referral.objects.filter(status=Referral.Status.PENDING_APPROVAL, case__in=visible_cases(user, write=True))
        .select_related("case", "requested_by")
        .order_by("requested_at")
    )


def approvals(request: HttpRequest) -> HttpResponse:
    """Videregivelser til politiet, der afventer en anden sagsbehandlers godkendelse."""
    _require_roles(request.user, Role.SAGSBEHANDLER)
    pending = _pending_referrals(request.user)
    audit_search(request, object_type="cases.referral", criterion="afventer godkendelse", purpose=services.PURPOSE)
    return render(request, "cases/approvals.html", {"pending": pending})


@require_POST
def referral_decide(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referral_for_decision(request.user, referral_id)
    form = ReferralDecisionForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.referral_decide(
                actor=request.user, referral=referral, approve=form.cleaned_data["decision"] == "approve"
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Din beslutning er registreret."))
            return redirect("cases:approvals")
    else:
        error = _("Vælg godkend eller afvis.")
    return render(
        request, "cases/approvals.html", {"pending": _pending_referrals(request.user), "error": error}, status=400
    )


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest) -> HttpResponse:
    """Nødadgang: a case worker opens a case outside their need-to-know by giving a reason."""
    _require_roles(request.user, Role.SAGSBEHANDLER)
    form = BreakGlassForm(request.POST or None, initial={"number": request.GET.get("number", "")})
    if request.method == "POST" and form.is_valid():
        case = Case.objects.filter(
            municipality_id=request.user.municipality_id, number=form.cleaned_data["number"].strip()
        ).first()
        if case is None:
            form.add_error("number", _("Der er ingen sag med det nummer i din kommune."))
        elif visible_cases(request.user).filter(pk=case.pk).exists():
            return redirect("cases:case-detail", pk=case.pk)
        else:
            try:
                services.break_glass_grant(actor=request.user, case=case, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.warning(
                    request,
                    _("Du har nødadgang til sagen i %(h)d timer. Adgangen er logget.")
                    % {"h": services.BREAK_GLASS_HOURS},
                )
                return redirect("cases:case-detail", pk=case.pk)
    return render(request, "cases/break_glass.html", {"form": form}, status=400 if request.method == "POST" else 200)


def my_tasks(request: HttpRequest) -> HttpResponse:
    """Mine opgaver og frister: my open tasks (paged, nearest deadline first) and the nearest concern clocks."""
    _require_roles(request.user, *CASE_ROLES)
    page = _page_number(request)
    if page is None:
        return render(request, "cases/my_tasks.html", {"bad_page": True}, status=400)
    # A task's owner is on the case's team (task_add requires it), so the case is visible to them. The access
    # check still runs, on this page's cases only: checking every open task's case would cost a scan of all
    # cases per request (measured: ~400 ms at 100,000 cases), while this reads the page off an index.
    open_tasks = CaseTask.objects.filter(owner=request.user, done_at__isnull=True)
    total = open_tasks.count()
    offset = (page - 1) * TASKS_PAGE
    page_tasks = list(open_tasks.select_related("case").order_by("due_date", "id")[offset : offset + TASKS_PAGE])
    visible = set(
        visible_cases(request.user).filter(pk__in={t.case_id for t in page_tasks}).values_list("pk", flat=True)
    )
    tasks = [t for t in page_tasks if t.case_id in visible]
    units = caseworker_unit_ids(request.user)
    deadlines = []
    if units and page == 1:
        concerns = (
            Concern.objects.pending()
            .filter(receiving_unit_id__in=units, municipality_id=request.user.municipality_id)
            .filter(
                Q(assessed_at__isnull=True, assessment_due_at__isnull=False)
                | Q(receipt_confirmed_at__isnull=True, receipt_due_at__isnull=False)
            )
            .only(*CLOCK_FIELDS)
            .annotate(deadline=Coalesce("assessment_due_at", "receipt_due_at"))
            .order_by("deadline", "id")[:DEADLINES_SHOWN]
        )
        now = timezone.now()
        deadlines = [{"concern": c, "clocks": [k for k in c.clocks(now=now) if not k.stopped]} for c in concerns]
    context = {"tasks": tasks, "deadlines": deadlines, "limit": DEADLINES_SHOWN, "has_queue": bool(units)}
    return render(request, "cases/my_tasks.html", {**context, **_paging(page, offset, len(tasks), total)})


@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    qs = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        if request.POST.get("mark") != "read":
            return render(request, "cases/bad_request.html", {"message": _("Ukendt handling.")}, status=400)
        qs.filter(read_at__isnull=True).update(read_at=timezone.now())
        messages.success(request, _("Alle beskeder er markeret som læst."))
        return redirect("cases:notifications")
    return render(request, "cases/notifications.html", {"items": list(qs[:100])})


@require_http_methods(["GET", "POST"])
def person_access_export(request: HttpRequest) -> HttpResponse:
    """The tovholder exports a person's access history (when, unit, purpose; no staff names, no case content)."""
    from tryg.accounts.views import require_recent_auth
    from tryg.audit.selectors import subject_access_history

    _require_roles(request.user, Role.TOVHOLDER)
    if (response := require_recent_auth(request)) is not None:
        return response
    form = AccessExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = Case.objects.filter(
            municipality_id=request.user.municipality_id, number=form.cleaned_data["number"].strip()
        ).first()
        if case is None:
            form.add_error("number", _("Der er ingen sag med det nummer i kommunen."))
        else:
            rows = subject_access_history("cases.person", str(case.person_id), request.user.municipality_id)
            audit_record(
                actor=request.user,
                action=Action.EXPORT,
                obj=case,
                subject=("cases.person", case.person_id),
                purpose=_("Indsigt i adgangshistorik"),
            )
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="adgangshistorik-{case.number}.csv"'
            writer = csv.writer(response)
            writer.writerow([_("Tidspunkt"), _("Handling"), _("Enhed"), _("Formål")])
            for row in rows:
                writer.writerow(
                    [row["at"].strftime("%Y-%m-%d %H:%M"), row["action_label"], row["unit"], row["purpose"]]
                )
            return response
    return render(request, "cases/access_export.html", {"form": form}, status=400 if request.method == "POST" else 200)
