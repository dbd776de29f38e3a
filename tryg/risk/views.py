"""Pages of risk work: the case's risk page (flag, assessments, trend, siblings), an assessment, the travel
checklist, the safety plan and its printable card. Parse → access → service or selector → render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.audit.services import audit_read, audit_search
from tryg.cases.models import RelatedPerson
from tryg.cases.selectors import task_owners
from tryg.core.forms import form_errors_from

from . import access, hooks, selectors, services
from .forms import AssessmentForm, FlagForm, SafetyPlanForm, SiblingForm, StartForm, TravelForm
from .models import Level


def reassessment(request: HttpRequest) -> HttpResponse:
    """The cases the user works on whose risk assessment is due again."""
    access.require_risk_role(request.user)
    cases = selectors.reassessment_cases(request.user)
    # One row for the list, as the case search writes (the cases' own pages log each read).
    audit_search(request, object_type="cases.case", criterion="risk:reassessment", purpose=access.PURPOSE)
    return render(
        request,
        "risk/reassessment.html",
        {"cases": cases, "days": selectors.reassess_days(), "limit": selectors.QUEUE_LIMIT},
    )


def _case_context(request, case, **extra) -> dict:
    assessments = selectors.case_assessments(case)
    signed = [a for a in assessments if a.is_signed]
    current = signed[0] if signed else None
    sibs = selectors.siblings(case)
    for person in sibs:
        person.form = extra.pop(f"sibling_form_{person.pk}", None) or SiblingForm(person=person)
    profile, travel = selectors.profile_and_travel(case)
    context = {
        "case": case,
        "person": case.person,
        "profile": profile,
        "flag_form": FlagForm(initial={"honour_related": "yes" if profile and profile.honour_related else "no"}),
        "can_flag": request.user.has_role(*access.FLAG_ROLES),
        "instruments": selectors.instruments(),
        "assessments": assessments,
        "current": current,
        "reassess": selectors.reassessment_reason(case, current),
        "trend": selectors.trend(signed),
        "siblings": sibs,
        "travel": travel,
        "travel_sign": selectors.has_travel_sign(case),
        "plan": selectors.current_plan(case),
        "family_blocked": hooks.family_guard(case),
    }
    context.update(extra)
    return context


def case_risk(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    audit_read(request, case, subject=case.person, purpose=access.PURPOSE)
    return render(request, "risk/case_risk.html", _case_context(request, case))


def _back(case, anchor: str):
    return redirect(reverse("risk:case", args=[case.pk]) + f"#{anchor}")


@require_POST
def flag_set(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    access.require_flag_role(request.user)
    form = FlagForm(request.POST)
    if form.is_valid():
        try:
            services.flag_set(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Markeringen er gemt."))
            return _back(case, "flag")
    audit_read(request, case, subject=case.person, purpose=access.PURPOSE)
    return render(
        request, "risk/case_risk.html", _case_context(request, case, flag_form=form, error_form=form), status=400
    )


def _start(request: HttpRequest, **owner) -> HttpResponse:
    """Start a draft with the posted instrument on a case or a consultation (owner=...), then open it."""
    form = StartForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/bad_request.html", {"message": _("Vælg et redskab.")}, status=400)
    instrument = access.instrument_for_user(request.user, form.cleaned_data["instrument"])
    try:
        assessment = services.assessment_start(actor=request.user, instrument=instrument, **owner)
    except ValidationError as exc:
        return render(request, "cases/bad_request.html", {"message": " ".join(exc.messages)}, status=400)
    return redirect("risk:assessment", pk=assessment.pk)


@require_POST
def assessment_start(request: HttpRequest, pk) -> HttpResponse:
    return _start(request, case=access.case_for_user(request.user, pk, write=True))


def _owner(assessment) -> dict:
    """Where an assessment belongs, for the page: back link and the line under the title."""
    if assessment.case_id:
        case = assessment.case
        return {
            "back_url": reverse("risk:case", args=[case.pk]),
            "back_label": _("Risiko og sikkerhed, sag %(n)s") % {"n": case.number},
            "line": _("Sag %(n)s · %(name)s") % {"n": case.number, "name": case.person.name},
        }
    consultation = assessment.consultation
    return {
        "back_url": reverse("risk:consultation", args=[consultation.pk]),
        "back_label": _("Risikovurderinger af rådgivningen"),
        "line": _("Rådgivning %(topic)s") % {"topic": consultation.topic or ""},
    }


@require_http_methods(["GET", "POST"])
def assessment_detail(request: HttpRequest, pk) -> HttpResponse:
    """A draft to fill in and sign, or a signed assessment to read."""
    assessment = access.assessment_for_user(request.user, pk)
    writable = not assessment.is_signed and access.may_change_assessment(request.user, assessment)
    if request.method == "POST" and not writable:
        assessment = access.assessment_for_user(request.user, pk, write=True)
        return render(
            request, "cases/bad_request.html", {"message": _("En underskrevet vurdering kan ikke ændres.")}, status=400
        )
    form = AssessmentForm(
        request.POST if request.method == "POST" else None,
        version=assessment.version,
        initial=AssessmentForm.initial_for(assessment),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                assessment = services.assessment_save(actor=request.user, assessment=assessment, **form.service_data())
                if form.cleaned_data.get("action") == "sign":
                    assessment = services.assessment_sign(actor=request.user, assessment=assessment)
                    messages.success(request, _("Vurderingen er underskrevet."))
                    return redirect("risk:assessment", pk=assessment.pk)
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, _("Kladden er gemt."))
                return redirect(reverse("risk:assessment", args=[assessment.pk]) + "#result")
    subject = assessment.case.person if assessment.case_id else assessment.consultation
    audit_read(request, assessment, subject=subject, purpose=access.PURPOSE)
    high = assessment.level == Level.HIGH
    context = {
        "assessment": assessment,
        "owner": _owner(assessment),
        "version": assessment.version,
        "form": form,
        "writable": writable,
        "meeting_url": hooks.meeting_url(assessment.case) if high and assessment.case_id else None,
        "answers": _answers(assessment),
        "judgement_rows": _judgement_rows(assessment),
    }
    return render(request, "risk/assessment.html", context, status=status)


@require_http_methods(["GET", "POST"])
def consultation_assessments(request: HttpRequest, pk) -> HttpResponse:
    """The risk assessments of a named consultation (a consultant of its region), and a new one."""
    consultation = access.consultation_for_assessment(request.user, pk)
    if request.method == "POST":
        return _start(request, consultation=consultation)
    assessments = selectors.consultation_assessments(consultation)
    audit_read(request, consultation, subject=consultation, purpose=access.PURPOSE)
    context = {
        "consultation": consultation,
        "assessments": assessments,
        "trend": selectors.trend([a for a in assessments if a.is_signed]),
        "instruments": selectors.instruments(),
    }
    return render(request, "risk/consultation.html", context)


def _answers(assessment) -> list[dict]:
    """A signed assessment's answers for reading: per domain, each item's labels per period."""
    definition = assessment.version.definition
    labels = {o["value"]: o["label"] for o in definition["scale"]}
    out = []
    for domain in definition["domains"]:
        rows = []
        for item in domain["items"]:
            rating = assessment.ratings.get(item["id"], {})
            rows.append(
                {"text": item["text"], "values": [labels.get(rating.get(p), "–") for p in definition["periods"]]}
            )
        out.append({"title": domain["title"], "rows": rows})
    return out


def _judgement_rows(assessment) -> list[tuple[str, str]]:
    levels = dict(Level.choices)
    out = []
    for j in assessment.version.definition.get("judgements", []):
        value = (assessment.judgements or {}).get(j["id"], "")
        out.append((j["text"], str(levels.get(value, value)) if j["answer"] == "level" else value))
    return out


@require_POST
def sibling_consider(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    person = (
        RelatedPerson.objects.filter(
            pk=request.POST.get("person", ""), concern__case=case, relation=RelatedPerson.Relation.SIBLING
        ).first()
        if str(request.POST.get("person", "")).isdigit()
        else None
    )
    if person is None:
        return render(request, "cases/bad_request.html", {"message": _("Vælg en søskende fra listen.")}, status=400)
    form = SiblingForm(request.POST, person=person)
    if form.is_valid():
        try:
            services.sibling_consider(
                actor=request.user,
                case=case,
                related_person=person,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Søskende er overvejet."))
            return _back(case, "siblings")
    audit_read(request, case, subject=case.person, purpose=access.PURPOSE)
    extra = {f"sibling_form_{person.pk}": form, "error_form": form}
    return render(request, "risk/case_risk.html", _case_context(request, case, **extra), status=400)


@require_http_methods(["GET", "POST"])
def travel(request: HttpRequest, pk) -> HttpResponse:
    case = access.case_for_user(request.user, pk, write=True)
    checklist = selectors.travel(case)
    initial = {}
    if checklist:
        initial = {
            "departure_date": checklist.departure_date,
            "destination": checklist.destination,
            "steps_done": checklist.steps_done,
            "notes": checklist.notes,
        }
    form = TravelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.travel_save(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Tjeklisten for rejserisiko er gemt."))
            return redirect("risk:travel", pk=case.pk)
    audit_read(request, case, subject=case.person, purpose=_("Rejserisiko"))
    context = {
        "case": case,
        "form": form,
        "checklist": checklist,
        "steps": selectors.travel_steps(checklist),
        "countdown": selectors.countdown(checklist),
        "travel_sign": selectors.has_travel_sign(case),
    }
    return render(request, "risk/travel.html", context, status=400 if request.method == "POST" else 200)


def _plan_data(form) -> services.PlanData:
    data = form.cleaned_data
    actions = [
        services.ActionData(text=data[f"a{n}_text"], owner=data[f"a{n}_owner"], due_date=data[f"a{n}_due"])
        for n in range(3)
        if data.get(f"a{n}_text")
    ]
    fields = ("escalation", "contacts", "code_words", "safe_places", "no_return", "review_date", "show_logo")
    return services.PlanData(**{k: data[k] for k in fields}, actions=actions)


@require_http_methods(["GET", "POST"])
def safety_plan(request: HttpRequest, pk) -> HttpResponse:
    """The plan in force and a form for its next version (filled with the current one)."""
    case = access.case_for_user(request.user, pk, write=True)
    plan = selectors.current_plan(case)
    owners = task_owners(case)
    initial = {}
    if plan:
        initial = {
            k: getattr(plan, k)
            for k in ("escalation", "contacts", "code_words", "safe_places", "no_return", "review_date", "show_logo")
        }
    form = SafetyPlanForm(request.POST or None, owners=owners, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.safety_plan_save(actor=request.user, case=case, data=_plan_data(form))
        except ValidationError as exc:
            _action_errors(form, exc)
        else:
            messages.success(request, _("Sikkerhedsplanen er gemt som version %(n)s.") % {"n": plan.number})
            return redirect("risk:safety-plan", pk=case.pk)
    if plan:
        audit_read(request, plan, subject=case.person, purpose=access.PLAN_PURPOSE)
    else:
        audit_read(request, case, subject=case.person, purpose=access.PLAN_PURPOSE)
    context = {
        "case": case,
        "plan": plan,
        "actions": selectors.plan_actions(plan) if plan else [],
        "form": form,
    }
    return render(request, "risk/safety_plan.html", context, status=400 if request.method == "POST" else 200)


def _action_errors(form, exc: ValidationError) -> None:
    """Service errors onto the form; "actions.N.field" lands on that row's field."""
    mapping = {"text": "text", "owner": "owner", "due_date": "due"}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for key, errors in exc.message_dict.items():
        parts = key.split(".")
        if parts[0] == "actions" and len(parts) == 3 and parts[2] in mapping:
            name = f"a{parts[1]}_{mapping[parts[2]]}"
        else:
            name = key
        form.add_error(name if name in form.fields else None, errors)


def safety_plan_print(request: HttpRequest, pk) -> HttpResponse:
    """The card the person keeps: a neutral layout, no title that tells what it is, no municipality unless chosen."""
    plan = access.plan_for_user(request.user, pk)
    audit_read(request, plan, subject=plan.case.person, purpose=access.PLAN_PURPOSE)
    return render(request, "risk/safety_plan_print.html", {"plan": plan, "case": plan.case})
