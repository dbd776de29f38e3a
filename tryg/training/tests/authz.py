"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world: Aalborg's course with a coming date (one seat) and a date that has begun; the fagperson's
attended enrolment (a certificate) and cancelled one; the konsulent is training manager of the fagperson's
school. POST rules send invalid data (or act on the cancelled enrolment): allowed roles get 400 and nothing
changes. Every staff role but partner is a trainee; the outsider sees Hjørring's (empty) lists.
"""

from datetime import timedelta

from django.utils import timezone

from tryg.core.testing import Rule, expect

AALBORG = dict(fagperson=200, sagsbehandler=200, konsulent=200, tovholder=200, admin=200)
TRAINEES = dict(AALBORG, outsider=200)
COVERAGE = dict(tovholder=200, konsulent=200)  # the coordinator, and the school's training manager
SEES_ENROLMENT = dict(fagperson=200, konsulent=200, tovholder=200)


def setup(cast) -> dict:
    from tryg.training import services
    from tryg.training.models import Enrolment

    coordinator, teacher = cast["tovholder"], cast["fagperson"]
    course = services.course_create(
        actor=coordinator,
        data=services.CourseData(
            title="Matrix-kursus", kind="workshop", learning_goals="Mål", target_groups=["teachers"]
        ),
    )
    soon = timezone.now() + timedelta(days=7)
    session = services.session_create(
        actor=coordinator,
        course=course,
        data=services.SessionData(starts_at=soon, ends_at=soon + timedelta(hours=2), place="Matrix", capacity=1),
    )
    cancelled = services.enrolment_cancel(
        actor=teacher, enrolment=services.enrolment_create(actor=teacher, session=session)
    )
    begun = timezone.now() - timedelta(hours=1)
    past = services.session_create(
        actor=coordinator,
        course=course,
        data=services.SessionData(starts_at=begun, ends_at=begun + timedelta(hours=2), place="Matrix", capacity=5),
    )
    school = teacher.memberships_cached[0].unit
    attended = Enrolment.objects.create(
        session=past,
        user=teacher,
        unit=school,
        municipality_id=coordinator.municipality_id,
        status="enrolled",
        enrolled_by=coordinator,
        attended_at=begun,
    )
    manager = services.manager_add(actor=coordinator, unit=school, user=cast["konsulent"])
    return {"course": course, "session": session, "cancelled": cancelled, "attended": attended, "manager": manager}


def _course(w):
    return {"pk": w["course"].pk}


def _session(w):
    return {"pk": w["session"].pk}


def page(name, default=404, kwargs=None, method="get", data=None, **over):
    data = data if data is not None else ({} if method == "post" else None)
    return Rule(name, expect(default, **over), kwargs=kwargs, method=method, data=data)


def api(name, default=404, kwargs=None, method="get", data=None, **over):
    json = method in ("post", "put")
    data = data if data is not None else ({} if json else None)
    return Rule(name, expect(default, anonymous=401, **over), kwargs=kwargs, method=method, data=data, json=json)


def _all(status: dict, value: int) -> dict:
    return {role: value for role in status}


RULES = [
    page("training:course-list", **TRAINEES),
    page("training:course-create", tovholder=200),
    page("training:course-create", method="post", tovholder=400),
    page("training:course-detail", kwargs=_course, **AALBORG),
    page("training:course-edit", kwargs=_course, tovholder=200),
    page("training:course-edit", kwargs=_course, method="post", tovholder=400),
    page("training:session-create", kwargs=_course, tovholder=200),
    page("training:session-create", kwargs=_course, method="post", tovholder=400),
    page("training:session-detail", kwargs=_session, **AALBORG),
    page("training:session-edit", kwargs=_session, tovholder=200),
    page("training:session-edit", kwargs=_session, method="post", tovholder=400),
    page("training:session-ics", kwargs=_session, **AALBORG),
    # Nobody can be enrolled as user 0: 400 for every Aalborg trainee, 404 for the rest.
    page("training:session-enrol", kwargs=_session, method="post", data={"user": "0"}, **_all(AALBORG, 400)),
    page(
        "training:enrolment-cancel",
        kwargs=lambda w: {"pk": w["cancelled"].pk},
        method="post",
        **_all(SEES_ENROLMENT, 400),
    ),
    page("training:enrolment-attendance", kwargs=lambda w: {"pk": w["attended"].pk}, method="post", tovholder=400),
    page("training:enrolment-certificate", kwargs=lambda w: {"pk": w["attended"].pk}, **SEES_ENROLMENT),
    page("training:my-training", **TRAINEES),
    page("training:my-ics", **TRAINEES),
    page("training:coverage", **COVERAGE),
    page("training:manager-list", tovholder=200),
    page("training:manager-list", method="post", tovholder=400),
    page("training:manager-remove", kwargs=lambda w: {"pk": w["manager"].pk}, method="post", tovholder=400),
    api("training-api:course-list", **TRAINEES),
    api("training-api:course-list", method="post", tovholder=400),
    api("training-api:course-detail", kwargs=_course, **AALBORG),
    api("training-api:course-sessions", kwargs=_course, **AALBORG),
    api("training-api:course-sessions", kwargs=_course, method="post", tovholder=400),
    api("training-api:session-detail", kwargs=_session, **AALBORG),
    api("training-api:session-enrolments", kwargs=_session, **AALBORG),
    api("training-api:session-enrolments", kwargs=_session, method="post", data={"user": 0}, **_all(AALBORG, 400)),
    api(
        "training-api:enrolment-cancel",
        kwargs=lambda w: {"pk": w["cancelled"].pk},
        method="post",
        **_all(SEES_ENROLMENT, 400),
    ),
    api("training-api:enrolment-attendance", kwargs=lambda w: {"pk": w["attended"].pk}, method="post", tovholder=400),
    api("training-api:coverage", **COVERAGE),
    api("training-api:my-enrolments", **TRAINEES),
]
