"""Coverage per unit, configurable per course; iCalendar files that import; the API's shapes."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from tryg.training import services

from .helpers import attended, make_course, make_session

pytestmark = pytest.mark.django_db


def _school_row(rows, cast):
    school = cast["fagperson"].memberships_cached[0].unit
    return next(r for r in rows if r["unit"] == school.pk)


def test_coverage_counts_training_within_each_courses_validity(cast, clients):
    short = make_course(cast, title="Kort gyldighed", validity_months=6)
    long = make_course(cast, title="Lang gyldighed", validity_months=36)
    client = clients["tovholder"]
    assert _school_row(client.get("/api/v1/training/coverage/").json(), cast)["trained"] == 0
    attended(cast, "fagperson", short, days_ago=300)  # older than 6 months: does not count
    assert _school_row(client.get("/api/v1/training/coverage/").json(), cast)["share"] == 0
    attended(cast, "fagperson", long, days_ago=300)
    row = _school_row(client.get("/api/v1/training/coverage/").json(), cast)
    assert (row["staff"], row["trained"], row["share"]) == (1, 1, 100)
    only_short = _school_row(client.get(f"/api/v1/training/coverage/?course={short.pk}").json(), cast)
    assert only_short["trained"] == 0
    html = client.get("/app/training/coverage/").content.decode()
    assert "Sønderbro Skole" in html and "100 %" in html
    assert client.get("/app/training/coverage/?course=abc").status_code == 400


def test_a_manager_sees_the_coverage_of_their_units_only(cast, clients):
    school = cast["fagperson"].memberships_cached[0].unit
    services.manager_add(actor=cast["tovholder"], unit=school, user=cast["konsulent"])
    rows = clients["konsulent"].get("/api/v1/training/coverage/").json()
    assert [r["unit_name"] for r in rows] == [school.name]
    assert clients["fagperson"].get("/api/v1/training/coverage/").status_code == 404


def test_the_session_calendar_file_imports(cast, clients):
    session = make_session(cast, place="Sønderbro 12, 9000 Aalborg")
    response = clients["fagperson"].get(f"/app/training/sessions/{session.pk}/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    cal = Calendar.from_ical(response.content)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == session.course.title
    assert str(event["LOCATION"]) == "Sønderbro 12, 9000 Aalborg"
    assert event.decoded("DTSTART") == session.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == session.ends_at.replace(microsecond=0)
    assert "Kende bekymringstegn" in str(event["DESCRIPTION"])


def test_the_personal_calendar_holds_the_seats_only(cast, clients):
    course = make_course(cast)
    seat = make_session(cast, course, capacity=1)
    services.enrolment_create(actor=cast["fagperson"], session=seat)
    full = make_session(cast, course, capacity=1, starts_at=timezone.now() + timedelta(days=20))
    services.enrolment_create(actor=cast["sagsbehandler"], session=full)
    services.enrolment_create(actor=cast["fagperson"], session=full)  # waiting list
    cal = Calendar.from_ical(clients["fagperson"].get("/app/training/mine/calendar.ics").content)
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == 1 and uids[0].startswith(f"training-session-{seat.pk}@")


def test_the_api_creates_courses_and_sessions_and_enrols(cast, clients):
    client = clients["tovholder"]
    course = client.post(
        "/api/v1/training/courses/",
        {"title": "API-kursus", "kind": "workshop", "learning_goals": "Et mål\nEt andet", "target_groups": ["ssp"]},
        content_type="application/json",
    )
    assert course.status_code == 201 and course.json()["learning_goals"] == ["Et mål", "Et andet"]
    starts = timezone.now() + timedelta(days=3)
    session = client.post(
        f"/api/v1/training/courses/{course.json()['id']}/sessions/",
        {
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "place": "Rådhuset",
            "capacity": 1,
        },
        content_type="application/json",
    )
    assert session.status_code == 201
    pk = session.json()["id"]
    me = clients["fagperson"].post(f"/api/v1/training/sessions/{pk}/enrolments/", {}, content_type="application/json")
    other = client.post(
        f"/api/v1/training/sessions/{pk}/enrolments/",
        {"user": cast["sagsbehandler"].pk},
        content_type="application/json",
    )
    assert (me.json()["status"], other.json()["status"]) == ("enrolled", "waiting")
    cancelled = clients["fagperson"].post(f"/api/v1/training/enrolments/{me.json()['id']}/cancel/")
    assert cancelled.json()["status"] == "cancelled"
    mine = clients["sagsbehandler"].get("/api/v1/training/my-enrolments/").json()
    assert [e["status"] for e in mine] == ["enrolled"]
    bad = client.post("/api/v1/training/courses/", {"title": "X", "kind": "x"}, content_type="application/json")
    assert bad.status_code == 400 and set(bad.json()["error"]["fields"]) >= {"kind", "learning_goals", "target_groups"}


def test_the_schema_lists_the_endpoints(clients):
    schema = clients["tovholder"].get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/training/coverage/" in schema and "/api/v1/training/sessions/{id}/enrolments/" in schema


def test_another_municipality_gets_404(cast, clients):
    session = make_session(cast)
    enrolment = services.enrolment_create(actor=cast["fagperson"], session=session)
    outsider = clients["outsider"]
    for url in (
        f"/app/training/sessions/{session.pk}/",
        f"/app/training/courses/{session.course_id}/",
        f"/app/training/sessions/{session.pk}/calendar.ics",
        f"/api/v1/training/sessions/{session.pk}/",
    ):
        assert outsider.get(url).status_code == 404, url
    assert outsider.post(f"/app/training/enrolments/{enrolment.pk}/cancel/").status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"
    assert session.course.title not in outsider.get("/app/training/").content.decode()
    assert clients["partner"].get("/app/training/").status_code == 404


def test_the_demo_seed_is_idempotent(cast):
    from tryg.training.demo import demo_seed
    from tryg.training.models import Course, CourseSession, Enrolment

    users = {name: cast[name] for name in ("tovholder", "fagperson", "sagsbehandler", "konsulent")}
    demo_seed(users=users)
    counts = (Course.objects.count(), CourseSession.objects.count(), Enrolment.objects.count())
    demo_seed(users=users)
    assert counts == (Course.objects.count(), CourseSession.objects.count(), Enrolment.objects.count()) == (3, 4, 3)


def test_it_speaks_english_with_the_language_switch(cast, clients):
    client = clients["fagperson"]
    client.post("/i18n/setlang/", {"language": "en", "next": "/app/"})
    html = client.get("/app/training/").content.decode()
    assert "Knowledge and upskilling" in html and "My courses" in html
    client.post("/i18n/setlang/", {"language": "da", "next": "/app/"})
