"""Pages of dialogue sessions: the list, the month calendar, planning, participant counts, evaluation slips,
the reach statistics (the coordinator's), and a facilitator's own sessions."""

import io
from datetime import date

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.audit.services import audit_read
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..forms import MonthForm, ParticipantsForm, SessionForm, SlipsForm, YearForm


def session_list(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    number = page_number(request)
    past = request.GET.get("show") == "past"
    if number is None:
        return render(request, "prevention/session_list.html", {"bad_page": True, "past": past}, status=400)
    rows, page = selectors.sessions_page(request.user.municipality_id, number, past=past)
    return render(request, "prevention/session_list.html", {"sessions": rows, "past": past, **page.as_context()})


def _month_link(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def session_calendar(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = MonthForm(request.GET)
    year, month = form.year_month()
    weeks = selectors.month_calendar(request.user.municipality_id, year, month)
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    context = {
        "weeks": weeks,
        "weekdays": [d.day for d in weeks[0]],
        "month_start": date(year, month, 1),
        "previous": _month_link(*previous),
        "next": _month_link(*following),
        "bad_month": not form.is_valid(),
    }
    return render(request, "prevention/session_calendar.html", context, status=400 if not form.is_valid() else 200)


def _session_form(request: HttpRequest, *, data=None, initial=None, session=None) -> SessionForm:
    municipality = request.user.municipality_id
    include = [t.pk for t in session.topics.all()] if session else []
    return SessionForm(
        data,
        initial=initial,
        units=selectors.place_unit_choices(municipality),
        topics=selectors.topic_choices(municipality, include=include),
        facilitators=selectors.facilitator_choices(municipality),
    )


@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = _session_form(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_plan(actor=request.user, data=form.data_object())
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Dialogmødet er planlagt."))
            return redirect("prevention:session-detail", pk=session.pk)
    return render(
        request, "prevention/session_form.html", {"form": form, "session": None}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.session_for_user(request.user, pk)
    if request.method == "POST":
        form = _session_form(request, data=request.POST, session=session)
        if form.is_valid():
            try:
                services.session_update(actor=request.user, session=session, data=form.data_object())
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, _("Dialogmødet er opdateret."))
                return redirect("prevention:session-detail", pk=session.pk)
    else:
        form = _session_form(request, initial=SessionForm.initial_for(session), session=session)
    return render(
        request, "prevention/session_form.html", {"form": form, "session": session}, status=400 if form.errors else 200
    )


def _render_session(request: HttpRequest, session, *, status=200, participants_form=None, slips_form=None, error=""):
    context = selectors.session_page(session)
    context.update(
        session=session,
        participants_form=participants_form or ParticipantsForm(initial_counts=selectors.count_grid(session)),
        slips_form=slips_form or SlipsForm(),
        error=error,
        evaluation_open=services.evaluation_is_open(session),
        has_started=session.starts_at <= timezone.now(),
    )
    # The page names the facilitators who lead the session.
    audit_read(request, session, purpose=access.PURPOSE)
    return render(request, "prevention/session_detail.html", context, status=status)


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_session(request, access.session_for_user(request.user, pk))


@require_POST
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.session_for_user(request.user, pk)
    if request.POST.get("confirm") != "1":
        return _render_session(request, session, status=400, error=_("Bekræft, at mødet skal aflyses."))
    try:
        services.session_cancel(actor=request.user, session=session)
    except ValidationError as exc:
        return _render_session(request, session, status=400, error=" ".join(exc.messages))
    messages.success(request, _("Dialogmødet er aflyst."))
    return redirect("prevention:session-detail", pk=session.pk)


@require_POST
def session_participants(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.session_for_user(request.user, pk)
    form = ParticipantsForm(request.POST)
    if form.is_valid():
        try:
            services.session_record_participants(actor=request.user, session=session, counts=form.counts())
        except ValidationError as exc:
            form_errors_from(form, exc)
            return _render_session(request, session, status=400, participants_form=form, error=" ".join(exc.messages))
        messages.success(request, _("Deltagerne er registreret, og mødet er markeret som afholdt."))
        return redirect("prevention:session-detail", pk=session.pk)
    return _render_session(
        request, session, status=400, participants_form=form, error=_("Skriv antal som hele tal mellem 0 og 10.000.")
    )


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.find("<svg") :]


@require_http_methods(["GET", "POST"])
def session_slips(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable evaluation slips (each with its code and QR code); POST makes new ones."""
    session = access.session_for_user(request.user, pk)
    if request.method == "POST":
        form = SlipsForm(request.POST)
        if form.is_valid():
            try:
                services.slips_create(actor=request.user, session=session, count=form.cleaned_data["count"])
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, _("Sedlerne er klar til print."))
                return redirect("prevention:session-slips", pk=session.pk)
        return _render_session(
            request, session, status=400, slips_form=form, error=" ".join(form.errors.get("count", []))
        )
    start_url = request.build_absolute_uri(reverse("evaluation:start"))
    slips = [
        {
            "code": slip.display_code,
            "qr": _qr_svg(request.build_absolute_uri(reverse("evaluation:form", args=[slip.code]))),
        }
        for slip in selectors.session_slips(session)
    ]
    return render(
        request, "prevention/session_slips.html", {"session": session, "slips": slips, "start_url": start_url}
    )


def statistics(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = YearForm(request.GET)
    valid = form.is_valid()
    year = (form.cleaned_data.get("year") if valid else None) or timezone.localdate().year
    context = selectors.reach_statistics(request.user.municipality_id, year)
    context.update(previous_year=year - 1, next_year=year + 1, bad_year=not valid)
    return render(request, "prevention/statistics.html", context, status=200 if valid else 400)


def my_sessions(request: HttpRequest) -> HttpResponse:
    """A facilitator's own sessions (any staff user linked to a facilitator record)."""
    facilitator = access.own_facilitator(request.user)
    upcoming, past = selectors.facilitator_sessions(facilitator)
    return render(
        request, "prevention/my_sessions.html", {"facilitator": facilitator, "upcoming": upcoming, "past": past}
    )
