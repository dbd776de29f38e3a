"""Every write of upskilling. Keyword-only, atomic, validated; enrolments (staff members' personal data) get
their audit row in the same transaction. The waiting list moves up here, in one place: when a seat frees
(a cancellation, more seats), the first on the waiting list takes it and is told after commit."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Unit, User
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.cases.notifications import notify
from tryg.core.errors import DomainError

from . import access
from .models import Course, CourseSession, Enrolment, TargetGroup, TrainingManager

# --- courses and sessions --------------------------------------------------------------------------


@dataclass
class CourseData:
    title: str
    kind: str
    learning_goals: str
    target_groups: list[str] = field(default_factory=list)
    description: str = ""
    validity_months: int = 24
    is_active: bool = True


def _apply_course(course: Course, data: CourseData) -> list[str]:
    if not data.target_groups:
        raise ValidationError({"target_groups": _("Vælg mindst én målgruppe.")})
    if any(g not in TargetGroup.values for g in data.target_groups):
        raise ValidationError({"target_groups": _("Ukendt målgruppe.")})
    values = {
        "title": data.title.strip(),
        "kind": data.kind,
        "learning_goals": "\n".join(line.strip() for line in data.learning_goals.splitlines() if line.strip()),
        "target_groups": sorted(set(data.target_groups), key=TargetGroup.values.index),
        "description": data.description.strip(),
        "validity_months": data.validity_months,
        "is_active": data.is_active,
    }
    changed = [name for name, value in values.items() if getattr(course, name) != value]
    for name in changed:
        setattr(course, name, values[name])
    return changed


@transaction.atomic
def course_create(*, actor, data: CourseData) -> Course:
    course = Course(municipality_id=actor.municipality_id)
    _apply_course(course, data)
    course.full_clean()
    course.save()
    return course


@transaction.atomic
def course_update(*, actor, course: Course, data: CourseData) -> Course:
    course = Course.objects.select_for_update().get(pk=course.pk)
    changed = _apply_course(course, data)
    if changed:
        course.full_clean()
        course.save(update_fields=changed)
    return course


@dataclass
class SessionData:
    starts_at: datetime
    ends_at: datetime
    place: str
    capacity: int


def _check_session(data: SessionData) -> None:
    if data.ends_at <= data.starts_at:
        raise ValidationError({"ends_at": _("Kurset skal slutte efter, at det er begyndt.")})
    if data.ends_at - data.starts_at > timedelta(days=3):
        raise ValidationError({"ends_at": _("En kursusdato varer højst tre dage.")})


@transaction.atomic
def session_create(*, actor, course: Course, data: SessionData) -> CourseSession:
    _check_session(data)
    session = CourseSession(
        course=course, starts_at=data.starts_at, ends_at=data.ends_at, place=data.place.strip(), capacity=data.capacity
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_update(*, actor, session: CourseSession, data: SessionData) -> CourseSession:
    """Change time, place or seats; more seats move the waiting list up, fewer than already taken are refused."""
    session = CourseSession.objects.select_for_update().select_related("course").get(pk=session.pk)
    _check_session(data)
    taken = session.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    if data.capacity < taken:
        raise ValidationError(
            {
                "capacity": _("Der er allerede %(n)s tilmeldte. Afmeld nogen først, eller behold pladserne.")
                % {"n": taken}
            }
        )
    session.starts_at, session.ends_at, session.place, session.capacity = (
        data.starts_at,
        data.ends_at,
        data.place.strip(),
        data.capacity,
    )
    session.full_clean()
    session.save(update_fields=["starts_at", "ends_at", "place", "capacity"])
    _fill_seats(actor=actor, session=session)
    return session


# --- enrolment, the waiting list, attendance -------------------------------------------------------


def _fill_seats(*, actor, session: CourseSession) -> list[Enrolment]:
    """Move the waiting list up into free seats, first come first served; tell each person moved up."""
    taken = session.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    free = session.capacity - taken
    if free <= 0:
        return []
    moved = list(
        session.enrolments.select_for_update()
        .filter(status=Enrolment.Status.WAITING)
        .select_related("user")
        .order_by("created_at", "id")[:free]
    )
    now = timezone.now()
    for enrolment in moved:
        enrolment.status = Enrolment.Status.ENROLLED
        enrolment.promoted_at = now
        enrolment.save(update_fields=["status", "promoted_at"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            obj=enrolment,
            subject=enrolment.user,
            purpose=access.PURPOSE,
            detail="promoted",
        )
        notify(
            [enrolment.user],
            text=_("Du har fået en plads på %(course)s den %(day)s.")
            % {"course": session.course.title, "day": timezone.localtime(session.starts_at).strftime("%d.%m.%Y")},
            url=reverse("training:session-detail", args=[session.pk]),
        )
    return moved


@transaction.atomic
def enrolment_create(*, actor, session: CourseSession, user: User | None = None) -> Enrolment:
    """Enrol `user` (default: the actor) in the session: a seat while there is one, else the waiting list."""
    target = user or actor
    if target.pk != actor.pk and not access.enrollable_users(actor).filter(pk=target.pk).exists():
        raise ValidationError({"user": _("Du kan kun tilmelde medarbejdere i de enheder, du er leder for.")})
    session = CourseSession.objects.select_for_update().select_related("course").get(pk=session.pk)
    if session.cancelled_at is not None or session.has_started:
        raise DomainError(_("Der er lukket for tilmelding til denne dato."), code="closed")
    if session.enrolments.filter(
        user=target, status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITING]
    ).exists():
        raise DomainError(
            _("Personen er allerede tilmeldt eller på venteliste."), code="already_enrolled", field="user"
        )
    unit_id = access.unit_for_enrolment(actor, target)
    if unit_id is None:
        raise ValidationError({"user": _("Personen har ingen enhed i kommunen at blive talt med under.")})
    taken = session.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    enrolment = Enrolment(
        session=session,
        user=target,
        unit=Unit.objects.get(pk=unit_id),
        municipality_id=session.course.municipality_id,
        status=Enrolment.Status.ENROLLED if taken < session.capacity else Enrolment.Status.WAITING,
        enrolled_by=actor,
    )
    enrolment.full_clean()
    enrolment.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=enrolment,
        subject=target,
        purpose=access.PURPOSE,
        detail=enrolment.status,
    )
    return enrolment


@transaction.atomic
def enrolment_cancel(*, actor, enrolment: Enrolment) -> Enrolment:
    """Cancel an enrolment or a place on the waiting list; a freed seat goes to the first on the waiting list."""
    session = CourseSession.objects.select_for_update().select_related("course").get(pk=enrolment.session_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.CANCELLED:
        raise DomainError(_("Tilmeldingen er allerede afmeldt."), code="already_cancelled")
    if enrolment.attended_at is not None or session.has_started:
        raise DomainError(_("Kurset er begyndt; tilmeldingen kan ikke længere afmeldes."), code="started")
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.cancelled_at = timezone.now()
    enrolment.save(update_fields=["status", "cancelled_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=enrolment,
        subject=enrolment.user,
        purpose=access.PURPOSE,
        detail="cancelled",
    )
    _fill_seats(actor=actor, session=session)
    return enrolment


@transaction.atomic
def enrolment_set_attended(*, actor, enrolment: Enrolment, attended: bool) -> Enrolment:
    """The coordinator marks (or unmarks) attendance, once the session has begun."""
    enrolment = Enrolment.objects.select_for_update().select_related("session__course", "user").get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.ENROLLED:
        raise DomainError(_("Kun tilmeldte kan markeres som deltaget."), code="not_enrolled")
    if not enrolment.session.has_started:
        raise DomainError(_("Fremmøde kan registreres, når kurset er begyndt."), code="not_started")
    value = timezone.now() if attended else None
    if (enrolment.attended_at is None) == (value is None):
        return enrolment
    enrolment.attended_at = value
    enrolment.reminded_at = None
    enrolment.save(update_fields=["attended_at", "reminded_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=enrolment,
        subject=enrolment.user,
        purpose=access.PURPOSE,
        detail="attended" if attended else "not attended",
    )
    return enrolment


# --- training managers -----------------------------------------------------------------------------


@transaction.atomic
def manager_add(*, actor, unit: Unit, user: User) -> TrainingManager:
    if unit.municipality_id != actor.municipality_id or user.municipality_id != actor.municipality_id:
        raise ValidationError({"unit": _("Enheden og personen skal høre til kommunen.")})
    manager = TrainingManager(unit=unit, user=user)
    manager.full_clean()
    manager.save()
    audit_record(actor=actor, action=Action.CREATE, obj=manager, subject=user, purpose=access.PURPOSE, detail=unit.name)
    return manager


@transaction.atomic
def manager_remove(*, actor, manager: TrainingManager) -> None:
    audit_record(
        actor=actor,
        action=Action.DELETE,
        obj=manager,
        subject=manager.user,
        purpose=access.PURPOSE,
        detail=manager.unit.name,
    )
    manager.delete()
