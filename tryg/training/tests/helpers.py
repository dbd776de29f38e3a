"""Small builders for the training tests (through the services, like the pages do)."""

from datetime import timedelta

from django.utils import timezone

from tryg.training import services
from tryg.training.models import Enrolment


def make_course(cast, *, title="Temadag om social kontrol", validity_months=24, **kw):
    return services.course_create(
        actor=cast["tovholder"],
        data=services.CourseData(
            title=title,
            kind=kw.pop("kind", "theme_day"),
            learning_goals=kw.pop("learning_goals", "Kende bekymringstegn\nVide, hvordan man handler"),
            target_groups=kw.pop("target_groups", ["teachers", "ssp"]),
            validity_months=validity_months,
            **kw,
        ),
    )


def make_session(cast, course=None, *, capacity=10, starts_at=None, place="Hjulmagervej 22"):
    course = course or make_course(cast)
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    return services.session_create(
        actor=cast["tovholder"],
        course=course,
        data=services.SessionData(
            starts_at=starts_at, ends_at=starts_at + timedelta(hours=3), place=place, capacity=capacity
        ),
    )


def attended(cast, role, course, *, days_ago: int):
    """A past attendance (history cannot be made through the services: enrolment closes when a date begins)."""
    user = cast[role]
    when = timezone.now() - timedelta(days=days_ago)
    session = make_session(cast, course, starts_at=when)
    return Enrolment.objects.create(
        session=session,
        user=user,
        unit=user.memberships_cached[0].unit,
        municipality_id=user.municipality_id,
        status="enrolled",
        enrolled_by=user,
        attended_at=when,
    )
