"""Demo data for upskilling (made-up courses and dates). Idempotent."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from . import services
from .models import Course, Enrolment

COURSES = [
    (
        "Temadag: negativ social kontrol og æresrelaterede konflikter",
        Course.Kind.THEME_DAY,
        "Kende bekymringstegnene\nVide, hvornår og hvordan man underretter\nKende handlekortet og hjælperedskabet",
        ["teachers", "ssp", "health_visitors", "youth_workers"],
        24,
    ),
    (
        "Workshop: samtalen med den unge",
        Course.Kind.WORKSHOP,
        "Tale med en ung alene og trygt\nUndgå at optrappe konflikten med familien",
        ["teachers", "case_workers", "ssp"],
        36,
    ),
    (
        "E-læring: sikker kontakt",
        Course.Kind.E_LEARNING,
        "Vælge en sikker kanal\nKende reglerne for sikker kontakt i Tryg",
        ["case_workers", "leaders"],
        12,
    ),
]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@transaction.atomic
def demo_seed(*, users) -> None:
    coordinator, teacher = users.get("tovholder"), users.get("fagperson")
    if coordinator is None or teacher is None:
        return
    if Course.objects.filter(municipality_id=coordinator.municipality_id).exists():
        return  # already seeded
    today = timezone.localdate()
    courses = [
        services.course_create(
            actor=coordinator,
            data=services.CourseData(
                title=title,
                kind=kind,
                learning_goals=goals,
                target_groups=groups,
                validity_months=months,
                description="Demo-kursus.",
            ),
        )
        for title, kind, goals, groups, months in COURSES
    ]
    theme_day, workshop, _e_learning = courses
    # The theme day of almost two years ago, attended by the teacher: it is due again soon. History cannot be
    # made through the services (enrolment closes when a date begins), so this one row is written directly.
    past = services.session_create(
        actor=coordinator,
        course=theme_day,
        data=services.SessionData(
            starts_at=_at(today, 9) - timedelta(days=700),
            ends_at=_at(today, 15) - timedelta(days=700),
            place="Hjulmagervej 22, 9000 Aalborg",
            capacity=40,
        ),
    )
    Enrolment.objects.create(
        session=past,
        user=teacher,
        unit=teacher.memberships_cached[0].unit,
        municipality_id=coordinator.municipality_id,
        status=Enrolment.Status.ENROLLED,
        enrolled_by=teacher,
        attended_at=past.starts_at,
    )
    for course, days, place, seats in (
        (theme_day, 21, "Hjulmagervej 22, 9000 Aalborg", 40),
        (workshop, 5, "Sønderbro 12, 9000 Aalborg", 2),
        (workshop, 40, "Sønderbro 12, 9000 Aalborg", 12),
    ):
        session = services.session_create(
            actor=coordinator,
            course=course,
            data=services.SessionData(
                starts_at=_at(today + timedelta(days=days), 9),
                ends_at=_at(today + timedelta(days=days), 15),
                place=place,
                capacity=seats,
            ),
        )
        if seats == 2:  # a full workshop: the case worker and the consultant have the two seats
            for name in ("sagsbehandler", "konsulent"):
                if users.get(name) is not None:
                    services.enrolment_create(actor=users[name], session=session)
