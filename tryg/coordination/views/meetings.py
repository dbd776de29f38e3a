"""Multi-agency meetings: the list, a new meeting (optionally with a case on the agenda), a meeting's page with
participants, agenda, decisions, actions (case tasks) and the family invitation behind the cases guard."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tryg.accounts.models import User
from tryg.audit.services import audit_read
from tryg.cases import access as case_access
from tryg.cases.registry import family_action_block_reason
from tryg.cases.selectors import task_owners
from tryg.core.forms import form_errors_from

from .. import access, selectors, services
from ..forms import ActionForm, AgendaForm, DecisionsForm, FamilyInviteForm, MeetingForm, ParticipantForm
from ..services.meetings import default_start
from .consultations import _case_from_query


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    access.require_meeting_role(request.user)
    meetings = selectors.meetings_for(request.user, access.visible_meetings(request.user))
    context = {"meetings": meetings, "is_consultant": access.is_consultant(request.user)}
    return render(request, "coordination/meeting_list.html", context)


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    """A new meeting; `?case=<pk>` puts that case (one the user may change) on the agenda."""
    access.require_meeting_role(request.user)
    case = _case_from_query(request)
    initial = {"starts_at": default_start(), "case": case.pk if case else None}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("case", None)
        try:
            meeting = services.meeting_create(actor=request.user, **data)
            if case is not None:
                services.agenda_add(actor=request.user, meeting=meeting, case=case)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Mødet er oprettet."))
            return redirect("coordination:meeting-detail", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/meeting_form.html", {"form": form, "case": case}, status=status)


# The parts of the meeting page an action updates in place (htmx), each a template of its own.
SECTIONS = {"agenda": "coordination/meeting/agenda.html", "participants": "coordination/meeting/participants.html"}


def _meeting_page(request, meeting, *, status=200, forms=None, section=None, flash="", warning=False) -> HttpResponse:
    """The meeting page, or for an htmx request only `section` of it (with `flash`, the outcome, or the failed
    form). Logs the read of the meeting, and of each agenda item whose minutes are shown."""
    forms = forms or {}
    section = section if request.htmx and section in SECTIONS else None
    data = selectors.meeting_file(request.user, meeting)
    users = list(selectors.meeting_user_candidates(meeting))
    actors = list(access.visible_actors(request.user))
    shows_agenda = section in (None, "agenda")
    for item in data["items"]:
        if item.may_write:
            key = f"item{item.public_id}"
            item.decisions_form = forms.get((key, "decisions")) or DecisionsForm(initial={"decisions": item.decisions})
            item.action_form = forms.get((key, "action")) or ActionForm(owners=task_owners(item.case))
            item.family_form = forms.get((key, "family")) or FamilyInviteForm()
            item.family_block = family_action_block_reason(item.case)
        if item.may_read and shows_agenda:
            audit_read(request, item, subject=("cases.person", item.case.person_id), purpose=access.MEETING_PURPOSE)
    context = {
        **data,
        "participant_form": forms.get("participant") or ParticipantForm(users=users, actors=actors),
        "agenda_form": forms.get("agenda") or AgendaForm(),
        "hidden_items": sum(1 for i in data["items"] if not i.may_read),
        "section": section,
        "flash": flash,
        "flash_warning": warning,
    }
    audit_read(request, meeting, purpose=access.MEETING_PURPOSE)
    template = SECTIONS[section] if section else "coordination/meeting_detail.html"
    return render(request, template, context, status=status)


def _done(request, meeting, text: str, section: str, *, anchor: str = "", warning: bool = False) -> HttpResponse:
    """After a successful action: the updated section in place (htmx), else back to that part of the page."""
    if request.htmx:
        return _meeting_page(request, meeting, section=section, flash=text, warning=warning)
    (messages.warning if warning else messages.success)(request, text)
    return redirect(reverse("coordination:meeting-detail", args=[meeting.pk]) + f"#{anchor or section + '-heading'}")


@require_GET
def meeting_detail(request: HttpRequest, pk) -> HttpResponse:
    return _meeting_page(request, access.meeting_for_user(request.user, pk))


@require_POST
def participant_add(request: HttpRequest, pk) -> HttpResponse:
    meeting = access.meeting_for_user(request.user, pk)
    users = list(selectors.meeting_user_candidates(meeting))
    actors = list(access.visible_actors(request.user))
    form = ParticipantForm(request.POST, users=users, actors=actors)
    if form.is_valid():
        user = User.objects.filter(pk=form.cleaned_data["user"]).first() if form.cleaned_data["user"] else None
        external = next((a for a in actors if str(a.pk) == form.cleaned_data["actor"]), None)
        try:
            services.participant_add(actor=request.user, meeting=meeting, user=user, external=external)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, meeting, _("Deltageren er tilføjet."), "participants")
    return _meeting_page(request, meeting, status=400, forms={"participant": form}, section="participants")


@require_POST
def agenda_add(request: HttpRequest, pk) -> HttpResponse:
    """Put a case the user may change on the agenda (by its number)."""
    meeting = access.meeting_for_user(request.user, pk)
    form = AgendaForm(request.POST)
    if form.is_valid():
        case = (
            case_access.visible_cases(request.user, write=True)
            .filter(number=form.cleaned_data["number"].strip(), municipality__region_id=meeting.region_id)
            .select_related("municipality")
            .first()
        )
        try:
            if case is None:
                raise ValidationError({"number": _("Du har ingen sag med det nummer.")})
            item = services.agenda_add(actor=request.user, meeting=meeting, case=case)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            if item.is_repeat:
                text = _("Sagen er på dagsordenen igen inden for 12 måneder: gentagelse.")
            else:
                text = _("Sagen er sat på dagsordenen.")
            return _done(request, meeting, text, "agenda", anchor=f"item-{item.public_id}", warning=item.is_repeat)
    return _meeting_page(request, meeting, status=400, forms={"agenda": form}, section="agenda")


def _item_post(request, pk, form_class, key, run, done_text, **form_kwargs):
    item = access.agenda_item_for_user(request.user, pk, write=True)
    kwargs = {k: (v(item) if callable(v) else v) for k, v in form_kwargs.items()}
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            run(item, form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return _done(request, item.meeting, done_text, "agenda", anchor=f"item-{item.public_id}")
    return _meeting_page(
        request, item.meeting, status=400, forms={(f"item{item.public_id}", key): form}, section="agenda"
    )


@require_POST
def item_decisions(request: HttpRequest, pk) -> HttpResponse:
    return _item_post(
        request,
        pk,
        DecisionsForm,
        "decisions",
        lambda item, data: services.meeting_decisions_set(actor=request.user, item=item, **data),
        _("Beslutningerne er gemt."),
    )


@require_POST
def item_action_add(request: HttpRequest, pk) -> HttpResponse:
    return _item_post(
        request,
        pk,
        ActionForm,
        "action",
        lambda item, data: services.meeting_action_add(actor=request.user, item=item, **data),
        _("Handlingen er oprettet som opgave i sagen."),
        owners=lambda item: task_owners(item.case),
    )


@require_POST
def item_family_invite(request: HttpRequest, pk) -> HttpResponse:
    return _item_post(
        request,
        pk,
        FamilyInviteForm,
        "family",
        lambda item, data: services.family_invite(actor=request.user, item=item, **data),
        _("Invitationen er registreret."),
    )
