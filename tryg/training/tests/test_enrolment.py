"""Enrolment, the waiting list that moves up, attendance, the certificate and what is due."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.cases.models import Notification
from tryg.training import services
from tryg.training.models import Enrolment, add_months

from .helpers import attended, make_course, make_session

pytestmark = pytest.mark.django_db


def test_a_professional_enrols_in_a_full_session_waits_and_moves_up_when_someone_cancels(cast, clients):
    session = make_session(cast, capacity=1)
    first = services.enrolment_create(actor=cast["sagsbehandler"], session=session)
    assert first.status == "enrolled"
    response = clients["fagperson"].post(f"/app/training/sessions/{session.pk}/enrol/", {})
    assert response.status_code == 302
    mine = Enrolment.objects.get(user=cast["fagperson"])
    assert mine.status == "waiting"
    page = clients["fagperson"].get(f"/app/training/sessions/{session.pk}/").content.decode()
    assert "Du er nummer 1 på ventelisten" in page
    # The case worker cancels: the fagperson takes the seat and is told.
    assert clients["sagsbehandler"].post(f"/app/training/enrolments/{first.pk}/cancel/").status_code == 302
    mine.refresh_from_db()
    assert mine.status == "enrolled" and mine.promoted_at is not None
    note = Notification.objects.get(user=cast["fagperson"])
    assert "fået en plads" in note.text and note.url == f"/app/training/sessions/{session.pk}/"
    assert AuditEvent.objects.filter(
        object_type="training.enrolment", object_id=str(mine.pk), detail="promoted"
    ).exists()


def test_more_seats_move_the_waiting_list_up(cast):
    session = make_session(cast, capacity=1)
    services.enrolment_create(actor=cast["sagsbehandler"], session=session)
    waiting = services.enrolment_create(actor=cast["fagperson"], session=session)
    assert waiting.status == "waiting"
    data = services.SessionData(starts_at=session.starts_at, ends_at=session.ends_at, place=session.place, capacity=2)
    services.session_update(actor=cast["tovholder"], session=session, data=data)
    waiting.refresh_from_db()
    assert waiting.status == "enrolled"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        data.capacity = 1
        services.session_update(actor=cast["tovholder"], session=session, data=data)
    assert "capacity" in exc.value.message_dict


def test_it_refuses_a_second_enrolment_and_a_begun_session(cast, clients):
    session = make_session(cast)
    services.enrolment_create(actor=cast["fagperson"], session=session)
    again = clients["fagperson"].post(
        f"/api/v1/training/sessions/{session.pk}/enrolments/", {}, content_type="application/json"
    )
    assert again.status_code == 400 and again.json()["error"]["code"] == "already_enrolled"
    begun = make_session(cast, starts_at=timezone.now() - timedelta(minutes=5))
    late = clients["fagperson"].post(
        f"/api/v1/training/sessions/{begun.pk}/enrolments/", {}, content_type="application/json"
    )
    assert late.status_code == 400 and late.json()["error"]["code"] == "closed"


def test_a_training_manager_enrols_their_staff_only(cast, clients):
    from tryg.accounts.models import Unit

    school = cast["fagperson"].memberships_cached[0].unit
    services.manager_add(actor=cast["tovholder"], unit=school, user=cast["konsulent"])
    session = make_session(cast)
    response = clients["konsulent"].post(f"/app/training/sessions/{session.pk}/enrol/", {"user": cast["fagperson"].pk})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=cast["fagperson"])
    assert enrolment.enrolled_by == cast["konsulent"] and enrolment.unit == school
    # Not a member of the school: refused, nothing changes.
    other = clients["konsulent"].post(f"/app/training/sessions/{session.pk}/enrol/", {"user": cast["sagsbehandler"].pk})
    assert other.status_code == 400
    assert not Enrolment.objects.filter(user=cast["sagsbehandler"]).exists()
    # Without a manager role nobody can enrol someone else.
    assert (
        clients["fagperson"].post(f"/app/training/sessions/{session.pk}/enrol/", {"user": cast["admin"].pk}).status_code
        == 400
    )
    assert Unit.objects.filter(pk=school.pk).exists()


def test_the_coordinator_marks_attendance_and_the_certificate_shows_it(cast, clients):
    session = make_session(cast)
    enrolment = services.enrolment_create(actor=cast["tovholder"], session=session, user=cast["fagperson"])
    early = clients["tovholder"].post(f"/app/training/enrolments/{enrolment.pk}/attendance/", {"attended": "1"})
    assert early.status_code == 400 and "når kurset er begyndt" in early.content.decode()
    session.__class__.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    assert (
        clients["tovholder"].post(f"/app/training/enrolments/{enrolment.pk}/attendance/", {"attended": "1"}).status_code
        == 302
    )
    enrolment.refresh_from_db()
    assert enrolment.attended_at is not None
    certificate = clients["fagperson"].get(f"/app/training/enrolments/{enrolment.pk}/certificate/")
    html = certificate.content.decode()
    assert certificate.status_code == 200 and "Kursusbevis" in html and "Kende bekymringstegn" in html
    assert add_months(timezone.localdate(), 24).strftime("%Y") in html
    # The fagperson cannot mark attendance, and another professional cannot see the certificate.
    assert (
        clients["fagperson"].post(f"/app/training/enrolments/{enrolment.pk}/attendance/", {"attended": "0"}).status_code
        == 404
    )
    assert clients["sagsbehandler"].get(f"/app/training/enrolments/{enrolment.pk}/certificate/").status_code == 404


def test_a_certificate_needs_attendance(cast, clients):
    enrolment = services.enrolment_create(actor=cast["fagperson"], session=make_session(cast))
    assert clients["fagperson"].get(f"/app/training/enrolments/{enrolment.pk}/certificate/").status_code == 404


def test_the_start_page_shows_training_that_is_due_again(cast, clients):
    course = make_course(cast, title="Temadag 2024", validity_months=24)
    attended(cast, "fagperson", course, days_ago=700)  # 24 months run out within 60 days
    html = clients["fagperson"].get("/app/").content.decode()
    assert "Temadag 2024 skal tages igen senest" in html
    assert "Temadag 2024" in clients["fagperson"].get("/app/training/").content.decode()
    # Once booked on a coming date, it is no longer "due".
    services.enrolment_create(actor=cast["fagperson"], session=make_session(cast, course))
    html = clients["fagperson"].get("/app/").content.decode()
    assert "skal tages igen" not in html and "Næste kursus: Temadag 2024" in html


def test_the_daily_task_reminds_the_professional_and_their_manager_once(cast):
    from django.core.management import call_command

    school = cast["fagperson"].memberships_cached[0].unit
    services.manager_add(actor=cast["tovholder"], unit=school, user=cast["konsulent"])
    course = make_course(cast, validity_months=12)
    attended(cast, "fagperson", course, days_ago=350)  # runs out within 30 days
    attended(cast, "sagsbehandler", course, days_ago=30)  # counts for long yet
    call_command("training_daily")
    notes = Notification.objects.filter(text__contains="skal tage")
    assert sorted(n.user.username for n in notes) == ["fagperson", "konsulent"]
    call_command("training_daily")
    assert Notification.objects.filter(text__contains="skal tage").count() == 2


def test_it_keeps_the_lists_flat(cast, clients):
    from tryg.core.testing import assert_flat_queries

    course = make_course(cast)
    users = ["fagperson", "sagsbehandler", "konsulent", "admin"]

    def data(n):
        for _ in range(n):
            session = make_session(cast, course, capacity=2)
            for name in users[:3]:
                services.enrolment_create(actor=cast[name], session=session)

    assert_flat_queries(data, lambda: clients["fagperson"].get("/app/training/"))
    session = make_session(cast, course, capacity=1)

    def enrol(n):
        from tryg.accounts.models import Membership, Role, User

        unit = cast["fagperson"].memberships_cached[0].unit
        for _ in range(n):
            user = User.objects.create(username=f"u{User.objects.count()}", municipality=unit.municipality)
            Membership.objects.create(user=user, unit=unit, role=Role.FAGPERSON)
            services.enrolment_create(actor=cast["tovholder"], session=session, user=user)

    assert_flat_queries(enrol, lambda: clients["tovholder"].get(f"/app/training/sessions/{session.pk}/"))
    assert_flat_queries(enrol, lambda: clients["tovholder"].get("/app/training/coverage/"))
    assert_flat_queries(lambda n: data(n), lambda: clients["fagperson"].get("/app/training/mine/"))
