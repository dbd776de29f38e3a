"""Pages of enrolment: enrol (oneself, or staff as their manager or the coordinator), cancel (the waiting list
moves up), attendance, the certificate, one's own training and calendar, coverage, training managers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.accounts.models import Unit, User
from tryg.audit.services import audit_read, audit_search
from tryg.core.errors import Refused
from tryg.core.forms import form_errors_from

from .. import access, ical, selectors, services
from ..forms import AttendanceForm, CoverageForm, EnrolForm, ManagerForm
from ..models import Course, Enrolment
from .courses import render_session


@require_POST
def session_enrol(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.session_for_user(request.user, pk)
    form = EnrolForm(request.POST, users=access.enrollable_users(request.user))
    if not form.is_valid():
        return render_session(request, session, status=400, enrol_form=form, error=_("Vælg en medarbejder fra listen."))
    try:
        enrolment = services.enrolment_create(actor=request.user, session=session, user=form.cleaned_data["user"])
    except ValidationError as exc:
        return render_session(request, session, status=400, error=" ".join(exc.messages))
    own = enrolment.user_id == request.user.pk
    if enrolment.status == Enrolment.Status.WAITING:
        messages.info(
            request,
            _("Holdet er fuldt. Du står på ventelisten og får besked, hvis du får en plads.")
            if own
            else _("Holdet er fuldt. %(name)s står på ventelisten.") % {"name": enrolment.user.display_name},
        )
    else:
        messages.success(
            request,
            _("Du er tilmeldt.") if own else _("%(name)s er tilmeldt.") % {"name": enrolment.user.display_name},
        )
    return redirect("training:session-detail", pk=session.pk)


@require_POST
def enrolment_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = access.enrolment_for_user(request.user, pk)
    try:
        services.enrolment_cancel(actor=request.user, enrolment=enrolment)
    except ValidationError as exc:
        return render_session(request, enrolment.session, status=400, error=" ".join(exc.messages))
    messages.success(request, _("Tilmeldingen er afmeldt."))
    if request.POST.get("next") == "mine":
        return redirect("training:my-training")
    return redirect("training:session-detail", pk=enrolment.session_id)


@require_POST
def enrolment_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = access.enrolment_for_user(request.user, pk, attendance=True)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        return render_session(request, enrolment.session, status=400, error=_("Ugyldig handling."))
    try:
        services.enrolment_set_attended(actor=request.user, enrolment=enrolment, attended=form.cleaned_data["attended"])
    except ValidationError as exc:
        return render_session(request, enrolment.session, status=400, error=" ".join(exc.messages))
    messages.success(request, _("Fremmødet er registreret."))
    return redirect("training:session-detail", pk=enrolment.session_id)


def enrolment_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """Kursusbevis: a printable page for an attended course (own, a manager's staff's, or the coordinator's)."""
    enrolment = access.enrolment_for_user(request.user, pk)
    if enrolment.attended_at is None:
        raise Refused("training.certificate", pk, municipality_id=enrolment.municipality_id)
    if enrolment.user_id != request.user.pk:
        audit_read(request, enrolment, subject=enrolment.user, purpose=access.PURPOSE)
    return render(request, "training/certificate.html", {"enrolment": enrolment, "course": enrolment.session.course})


def my_training(request: HttpRequest) -> HttpResponse:
    access.require_trainee(request.user)
    enrolments = selectors.my_enrolments(request.user)
    for e in enrolments:
        e.position = selectors.waiting_position(e)  # one query per waiting place; a person holds few
    context = {
        "enrolments": enrolments,
        "due": selectors.training_due(request.user),
        "now": timezone.now(),
    }
    return render(request, "training/my_training.html", context)


def my_ics(request: HttpRequest) -> HttpResponse:
    access.require_trainee(request.user)
    body = ical.calendar_for(
        selectors.calendar_sessions(request.user), host=request.get_host(), name=_("Mine kurser i Tryg")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mine-kurser.ics"'
    return response


def coverage(request: HttpRequest) -> HttpResponse:
    access.require_coverage_reader(request.user)
    courses = Course.objects.filter(municipality_id=request.user.municipality_id)
    form = CoverageForm(request.GET or None, courses=courses)
    valid = not form.is_bound or form.is_valid()
    course = form.cleaned_data.get("course") if form.is_bound and valid else None
    rows = selectors.coverage(
        request.user.municipality_id, unit_ids=access.coverage_unit_ids(request.user), course=course
    )
    audit_search(request, object_type="training.enrolment", criterion="dækning pr. enhed", purpose=access.PURPOSE)
    context = {"form": form, "rows": rows, "course": course, "is_coordinator": access.is_coordinator(request.user)}
    return render(request, "training/coverage.html", context, status=200 if valid else 400)


@require_http_methods(["GET", "POST"])
def manager_list(request: HttpRequest) -> HttpResponse:
    """The coordinator chooses each unit's training managers."""
    access.require_coordinator(request.user)
    municipality = request.user.municipality_id
    units = Unit.objects.filter(municipality_id=municipality, is_active=True).exclude(kind=Unit.Kind.PARTNER)
    users = User.objects.filter(municipality_id=municipality, is_active=True).order_by("first_name", "username")
    form = ManagerForm(request.POST if request.method == "POST" else None, units=units, users=users)
    if request.method == "POST" and form.is_valid():
        try:
            services.manager_add(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Lederen er tilføjet."))
            return redirect("training:manager-list")
    context = {"form": form, "managers": selectors.manager_rows(municipality)}
    audit_search(request, object_type="training.trainingmanager", criterion="alle", purpose=access.PURPOSE)
    return render(request, "training/managers.html", context, status=400 if form.errors else 200)


@require_POST
def manager_remove(request: HttpRequest, pk: int) -> HttpResponse:
    manager = access.manager_for_user(request.user, pk)
    if request.POST.get("confirm") != "1":
        form = ManagerForm(units=Unit.objects.none(), users=User.objects.none())
        context = {"form": form, "managers": selectors.manager_rows(request.user.municipality_id), "bad_remove": True}
        return render(request, "training/managers.html", context, status=400)
    services.manager_remove(actor=request.user, manager=manager)
    messages.success(request, _("Lederen er fjernet."))
    return redirect("training:manager-list")
