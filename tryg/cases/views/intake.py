"""Pages of intake: sending a concern, the notifier's list, the receiving unit's queue, assessment and triage."""

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
from ..forms import ConcernForm, FeedbackForm, RelatedPersonFormSet, TriageForm


def _walk(request: HttpRequest):
    """The user's own finished walk named by ?walk= (404 for anyone else's), with what it fills in."""
    from tryg.actioncards.access import walk_for_user

    walk_id = request.POST.get("walk") or request.GET.get("walk")
    if not walk_id:
        return None, None, {}
    walk = walk_for_user(request.user, walk_id)
    summary, initial = selectors.walk_prefill(walk)
    return walk, summary, initial


@require_http_methods(["GET", "POST"])
def concern_create(request: HttpRequest) -> HttpResponse:
    """Underretning/bekymring: from an action-card walk (?walk=<uuid>) or directly."""
    user = request.user
    access.require_notifier(user)
    walk, summary, initial = _walk(request)
    signs = selectors.allowed_warning_signs(user.municipality)
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
        person = services.PersonData(
            **{k: data[k] for k in ("name", "birth_date", "age_group", "cpr", "address", "address_is_safe")}
        )
        try:
            services.concern_create(
                actor=user,
                person=person,
                target_group=data["target_group"],
                description=data["description"],
                urgency=data["urgency"],
                notifier_unit_id=data.get("notifier_unit") or None,
                related=related,
                warning_sign_ids=data["warning_signs"],
                walk=walk,
                notifier_label=data["notifier_label"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Tak. Underretningen er sendt til kommunens modtagende enhed."))
            return redirect("cases:my-concerns")
    chosen = set(form["warning_signs"].value() or [])
    groups = [
        (name, [(sign, str(sign.pk) in chosen) for sign in signs_])
        for name, signs_ in selectors.warning_sign_groups(signs)
    ]
    return render(
        request,
        "cases/concern_form.html",
        {"form": form, "formset": formset, "walk": walk, "summary": summary, "sign_groups": groups},
        status=400 if request.method == "POST" else 200,
    )


def my_concerns(request: HttpRequest) -> HttpResponse:
    """Mine underretninger: the notifier sees only the status of what they filed."""
    access.require_notifier(request.user)
    return render(request, "cases/my_concerns.html", {"concerns": selectors.my_concerns(request.user)})


def queue(request: HttpRequest) -> HttpResponse:
    """The receiving unit's queue: acute first, then by deadline; overdue marked. Paged."""
    units = access.queue_units(request.user)
    number = page_number(request)
    if number is None:
        return render(request, "cases/queue.html", {"bad_page": True}, status=400)
    rows, page = selectors.queue_page(request.user, units, number)
    audit_search(
        request,
        object_type="cases.concern",
        criterion="kø" if number == 1 else f"kø, side {number}",
        purpose=_("Modtagelse af underretninger"),
    )
    return render(request, "cases/queue.html", {"rows": rows, **page.as_context()})


def _concern_page(
    request, concern, *, triage_form=None, feedback_form=None, confirm_error=None, status=200
) -> HttpResponse:
    context = selectors.concern_file(request.user, concern)
    context["triage_form"] = triage_form or TriageForm(candidates=context["candidates"])
    context["feedback_form"] = feedback_form or FeedbackForm(initial={"feedback": concern.feedback or None})
    context["confirm_error"] = confirm_error
    audit_read(request, concern, subject=concern.person, purpose=_("Vurdering af underretning"))
    return render(request, "cases/concern_detail.html", context, status=status)


def concern_detail(request: HttpRequest, pk) -> HttpResponse:
    return _concern_page(request, access.concern_for_user(request.user, pk))


@require_POST
def concern_confirm(request: HttpRequest, pk) -> HttpResponse:
    concern = access.concern_for_user(request.user, pk, write=True)
    error = None
    if request.POST.get("confirm") != "1":
        error = _("Bekræft modtagelsen med knappen.")
    else:
        try:
            services.concern_confirm_receipt(actor=request.user, concern=concern)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if error:
        return _concern_page(request, concern, confirm_error=error, status=400)
    messages.success(request, _("Modtagelsen er kvitteret, og underretteren har fået besked."))
    return redirect("cases:concern-detail", pk=concern.pk)


@require_POST
def concern_triage(request: HttpRequest, pk) -> HttpResponse:
    concern = access.concern_for_user(request.user, pk, write=True)
    form = TriageForm(request.POST, candidates=selectors.merge_candidates(concern, request.user))
    if form.is_valid():
        data = form.cleaned_data
        try:
            case = services.concern_decide(
                actor=request.user,
                concern=concern,
                decision=data["decision"],
                case_id=data["case"] or None,
                reason=data["reason"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            if case is None:
                messages.success(request, _("Underretningen er lukket."))
                return redirect("cases:queue")
            if data["decision"] == "merge":
                messages.success(request, _("Underretningen er lagt på sag %(n)s.") % {"n": case.number})
            else:
                messages.success(request, _("Sag %(n)s er oprettet.") % {"n": case.number})
            return redirect("cases:case-detail", pk=case.pk)
    return _concern_page(request, concern, triage_form=form, status=400)


@require_POST
def concern_feedback(request: HttpRequest, pk) -> HttpResponse:
    """The case worker tells the professional notifier what the law allows (barnets lov § 138)."""
    concern = access.concern_for_user(request.user, pk, write=True)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.concern_feedback_set(actor=request.user, concern=concern, feedback=form.cleaned_data["feedback"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Tilbagemeldingen er sendt til underretteren."))
            return redirect("cases:concern-detail", pk=concern.pk)
    return _concern_page(request, concern, feedback_form=form, status=400)
