"""Pages of courses and their dates, and the iCalendar file of one date."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tryg.audit.services import audit_search
from tryg.core.forms import form_errors_from

from .. import access, ical, selectors, services
from ..forms import CourseForm, EnrolForm, SessionForm


def course_list(request: HttpRequest) -> HttpResponse:
    access.require_trainee(request.user)
    context = {
        "courses": selectors.course_list(request.user),
        "is_coordinator": access.is_coordinator(request.user),
        "due": selectors.training_due(request.user),
    }
    return render(request, "training/course_list.html", context)


@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = CourseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_create(actor=request.user, data=form.data_object())
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Kurset er oprettet. Tilføj nu en dato."))
            return redirect("training:course-detail", pk=course.pk)
    return render(
        request, "training/course_form.html", {"form": form, "course": None}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = access.course_for_user(request.user, pk, write=True)
    if request.method == "POST":
        form = CourseForm(request.POST)
        if form.is_valid():
            try:
                services.course_update(actor=request.user, course=course, data=form.data_object())
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, _("Kurset er gemt."))
                return redirect("training:course-detail", pk=course.pk)
    else:
        form = CourseForm(initial=CourseForm.initial_for(course))
    return render(
        request, "training/course_form.html", {"form": form, "course": course}, status=400 if form.errors else 200
    )


def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = access.course_for_user(request.user, pk)
    context = {
        "course": course,
        "sessions": selectors.course_sessions(course),
        "is_coordinator": access.is_coordinator(request.user),
    }
    return render(request, "training/course_detail.html", context)


@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    course = access.course_for_user(request.user, pk, write=True)
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(actor=request.user, course=course, data=form.data_object())
        except ValidationError as exc:
            form_errors_from(form, exc, field_map={"ends_at": "end", "starts_at": "start"})
        else:
            messages.success(request, _("Datoen er oprettet, og der er åbnet for tilmelding."))
            return redirect("training:session-detail", pk=session.pk)
    context = {"form": form, "course": course, "session": None}
    return render(request, "training/session_form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.session_for_user(request.user, pk, write=True)
    if request.method == "POST":
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                services.session_update(actor=request.user, session=session, data=form.data_object())
            except ValidationError as exc:
                form_errors_from(form, exc, field_map={"ends_at": "end", "starts_at": "start"})
            else:
                messages.success(request, _("Datoen er gemt."))
                return redirect("training:session-detail", pk=session.pk)
    else:
        form = SessionForm(initial=SessionForm.initial_for(session))
    context = {"form": form, "course": session.course, "session": session}
    return render(request, "training/session_form.html", context, status=400 if form.errors else 200)


def render_session(
    request: HttpRequest, session, *, status: int = 200, enrol_form=None, error: str = ""
) -> HttpResponse:
    """The session page: seats, the user's own place (or place on the waiting list), and for the coordinator or
    a manager the enrolments they may see, and the form to enrol someone else."""
    user = request.user
    session = selectors.session_with_seats(session)
    own = selectors.own_enrolment(user, session)
    enrollable = access.enrollable_users(user)
    enrolments = (
        selectors.session_enrolments(user, session)
        if (access.is_coordinator(user) or access.managed_unit_ids(user))
        else []
    )
    if enrolments:
        audit_search(
            request, object_type="training.enrolment", criterion=f"kursusdato {session.pk}", purpose=access.PURPOSE
        )
    context = {
        "session": session,
        "course": session.course,
        "own": own,
        "position": selectors.waiting_position(own) if own else None,
        "enrolments": enrolments,
        "enrol_form": enrol_form or (EnrolForm(users=enrollable) if enrollable.exists() else None),
        "is_coordinator": access.is_coordinator(user),
        "error": error,
        "open": session.cancelled_at is None and not session.has_started,
    }
    return render(request, "training/session_detail.html", context, status=status)


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_session(request, access.session_for_user(request.user, pk))


def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.session_for_user(request.user, pk)
    body = ical.calendar_for([session], host=request.get_host(), name=session.course.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kursus-{session.pk}.ics"'
    return response
