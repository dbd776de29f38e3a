"""Every read of upskilling that crosses relations: courses with their dates and seats, a session's
enrolments, a person's training and what is due, coverage per unit.

Callers have checked access (`access.py`); none of these writes to the access log (views do that).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from tryg.accounts.models import Membership, Unit

from . import access
from .models import Course, CourseSession, Enrolment, TrainingManager, add_months

DUE_SOON_DAYS = 60  # "due again" shows this many days before the training stops counting
MAX_VALIDITY_MONTHS = 120
LIST_LIMIT = 100


def _seats(qs):
    return qs.annotate(
        taken=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED)),
        waiting=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.WAITING)),
    )


def _upcoming_sessions():
    return _seats(CourseSession.objects.filter(ends_at__gte=timezone.now(), cancelled_at__isnull=True)).order_by(
        "starts_at", "id"
    )


def course_list(user) -> list[Course]:
    """The municipality's courses (active ones; all for the coordinator) with their upcoming dates and seats."""
    qs = Course.objects.filter(municipality_id=user.municipality_id)
    if not access.is_coordinator(user):
        qs = qs.filter(is_active=True)
    return list(qs.prefetch_related(Prefetch("sessions", queryset=_upcoming_sessions(), to_attr="upcoming")))


def course_sessions(course: Course) -> list[CourseSession]:
    return list(_seats(course.sessions.all()).order_by("-starts_at", "-id")[:LIST_LIMIT])


def session_with_seats(session: CourseSession) -> CourseSession:
    return _seats(CourseSession.objects.filter(pk=session.pk)).select_related("course").get()


def own_enrolment(user, session: CourseSession) -> Enrolment | None:
    return (
        session.enrolments.filter(user=user, status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITING])
        .order_by("-id")
        .first()
    )


def waiting_position(enrolment: Enrolment) -> int | None:
    if enrolment.status != Enrolment.Status.WAITING:
        return None
    ahead = enrolment.session.enrolments.filter(status=Enrolment.Status.WAITING).filter(
        Q(created_at__lt=enrolment.created_at) | Q(created_at=enrolment.created_at, id__lt=enrolment.id)
    )
    return ahead.count() + 1


def session_enrolments(user, session: CourseSession) -> list[Enrolment]:
    """The enrolments of the session the user may see (coordinator: all; manager: their staff's), seats first
    then the waiting list in its order."""
    qs = access.enrolments_visible(user).filter(session=session).exclude(status=Enrolment.Status.CANCELLED)
    rows = list(qs.select_related("user", "unit").order_by("created_at", "id"))
    return sorted(rows, key=lambda e: e.status != Enrolment.Status.ENROLLED)


def enrolment_with_course(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_related("session__course", "user", "unit").get(pk=enrolment.pk)


# --- a person's training and what is due -----------------------------------------------------------


def my_enrolments(user) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(user=user, municipality_id=user.municipality_id)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("session__course", "unit")
        .order_by("-session__starts_at", "-id")[:LIST_LIMIT]
    )


def calendar_sessions(user) -> list[CourseSession]:
    """The sessions the user holds a seat in (the personal calendar), from a year back."""
    since = timezone.now() - timedelta(days=365)
    return list(
        CourseSession.objects.filter(
            enrolments__user=user, enrolments__status=Enrolment.Status.ENROLLED, starts_at__gte=since
        )
        .select_related("course")
        .distinct()
        .order_by("starts_at")
    )


@dataclass
class Due:
    course: Course
    valid_until: date
    expired: bool


def _attended(municipality_id: int, *, users=None, course_id=None, today: date):
    """Attended enrolments that may still count today (within the longest validity), with course and date."""
    since = timezone.make_aware(datetime.combine(add_months(today, -MAX_VALIDITY_MONTHS), time.min))
    qs = Enrolment.objects.filter(
        municipality_id=municipality_id, attended_at__isnull=False, session__starts_at__gte=since
    ).select_related("session__course")
    if users is not None:
        qs = qs.filter(user_id__in=users)
    if course_id is not None:
        qs = qs.filter(session__course_id=course_id)
    return qs


def training_due(user, today: date | None = None) -> list[Due]:
    """The courses the user attended whose training stops counting within DUE_SOON_DAYS (or has), unless a later
    attendance still counts or the user already holds a seat or a waiting place on a coming date."""
    today = today or timezone.localdate()
    latest: dict[int, date] = {}
    courses: dict[int, Course] = {}
    for enrolment in _attended(user.municipality_id, users=[user.pk], today=today):
        course = enrolment.session.course
        courses[course.pk] = course
        latest[course.pk] = max(latest.get(course.pk, date.min), enrolment.valid_until)
    if not latest:
        return []
    booked = set(
        Enrolment.objects.filter(
            user=user,
            status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITING],
            session__starts_at__gte=timezone.now(),
            session__course_id__in=latest,
        ).values_list("session__course_id", flat=True)
    )
    soon = today + timedelta(days=DUE_SOON_DAYS)
    return sorted(
        (
            Due(courses[pk], until, until <= today)
            for pk, until in latest.items()
            if until <= soon and pk not in booked and courses[pk].is_active
        ),
        key=lambda d: d.valid_until,
    )


def upcoming_enrolments(user) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(
            user=user,
            status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITING],
            session__starts_at__gte=timezone.now(),
        )
        .select_related("session__course")
        .order_by("session__starts_at")[:5]
    )


def sessions_this_week(municipality_id: int) -> int:
    today = timezone.localdate()
    monday = timezone.make_aware(datetime.combine(today - timedelta(days=today.weekday()), time.min))
    return CourseSession.objects.filter(
        course__municipality_id=municipality_id,
        cancelled_at__isnull=True,
        starts_at__gte=monday,
        starts_at__lt=monday + timedelta(days=7),
    ).count()


# --- coverage --------------------------------------------------------------------------------------


@dataclass
class UnitCoverage:
    unit: Unit
    staff: int
    trained: int

    @property
    def share(self) -> int:
        return round(100 * self.trained / self.staff) if self.staff else 0


def coverage(municipality_id: int, *, unit_ids: set[int] | None = None, course: Course | None = None, today=None):
    """Per unit: its staff (active users with a staff role there) and how many of them attended a course (or
    `course`) whose validity still covers today. `unit_ids` None = every unit."""
    today = today or timezone.localdate()
    units = Unit.objects.filter(municipality_id=municipality_id, is_active=True).exclude(kind=Unit.Kind.PARTNER)
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    units = list(units.order_by("name"))
    staff = defaultdict(set)
    for unit_id, user_id in Membership.objects.filter(
        unit__in=units, role__in=access.TRAINEE_ROLES, user__is_active=True
    ).values_list("unit_id", "user_id"):
        staff[unit_id].add(user_id)
    everyone = set().union(*staff.values()) if staff else set()
    trained = {
        e.user_id
        for e in _attended(municipality_id, users=everyone, course_id=course.pk if course else None, today=today)
        if e.valid_until > today
    }
    return [UnitCoverage(unit, len(staff[unit.pk]), len(staff[unit.pk] & trained)) for unit in units]


def managers_of_units(unit_ids) -> dict[int, list]:
    out = defaultdict(list)
    for manager in TrainingManager.objects.filter(unit_id__in=unit_ids).select_related("user"):
        out[manager.unit_id].append(manager.user)
    return out


def manager_rows(municipality_id: int) -> list[TrainingManager]:
    return list(
        TrainingManager.objects.filter(unit__municipality_id=municipality_id)
        .select_related("unit", "user")
        .order_by("unit__name", "user__username")
    )


def staff_due_count(user, today=None) -> int:
    """How many of a manager's staff have training that stops counting within DUE_SOON_DAYS (or has)."""
    units = access.managed_unit_ids(user)
    if not units:
        return 0
    today = today or timezone.localdate()
    soon = today + timedelta(days=DUE_SOON_DAYS)
    staff = set(
        Membership.objects.filter(unit_id__in=units, role__in=access.TRAINEE_ROLES, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )
    latest: dict[tuple[int, int], date] = {}
    for e in _attended(user.municipality_id, users=staff, today=today):
        key = (e.user_id, e.session.course_id)
        latest[key] = max(latest.get(key, date.min), e.valid_until)
    return len({uid for (uid, _c), until in latest.items() if until <= soon})


def valid_attendance_q(municipality_id: int, today: date) -> Q:
    """Enrolments whose attendance still counts today, as a database condition: per course of the municipality,
    the session started on or after the first day whose `add_months(day, validity)` is later than today (the
    same rule as `Enrolment.valid_until`, with the calendar arithmetic done here once per course, not per row)."""
    condition = Q(pk__in=[])
    for course_id, months in Course.objects.filter(municipality_id=municipality_id).values_list(
        "pk", "validity_months"
    ):
        first = add_months(today, -months)
        while (
            add_months(first, months) <= today
        ):  # the 31st clamps to a shorter month: step to the first day that counts
            first += timedelta(days=1)
        while add_months(first - timedelta(days=1), months) > today:
            first -= timedelta(days=1)
        since = timezone.make_aware(datetime.combine(first, time.min))
        condition |= Q(session__course_id=course_id, session__starts_at__gte=since)
    return Q(municipality_id=municipality_id, attended_at__isnull=False) & condition


def coverage_counts(municipality_id: int, by: tuple[str, ...], *, today=None) -> list[dict]:
    """Counts only, aggregated in the database: per `by` ("unit_id", "role" or both) the staff (active users with a
    staff role in an active, non-partner unit) and how many of them have training that still counts today. A
    person with two roles counts under each role. Two queries whatever the number of people and enrolments."""
    today = today or timezone.localdate()
    counted = Enrolment.objects.filter(valid_attendance_q(municipality_id, today), user_id=OuterRef("user_id"))
    return list(
        Membership.objects.filter(
            unit__municipality_id=municipality_id,
            unit__is_active=True,
            role__in=access.TRAINEE_ROLES,
            user__is_active=True,
        )
        .exclude(unit__kind=Unit.Kind.PARTNER)
        .order_by()
        .values(*by)
        .annotate(
            staff=Count("user_id", distinct=True),
            trained=Count("user_id", distinct=True, filter=Exists(counted)),
        )
        .values(*by, "staff", "trained")
    )
