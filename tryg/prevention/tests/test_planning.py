"""The coordinator registers facilitators and plans sessions; the rules of consent, places and topics."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.core.testing import assert_flat_queries
from tryg.prevention import services
from tryg.prevention.models import DialogueSession, Facilitator

from .helpers import make_facilitator, make_session, make_topic

pytestmark = pytest.mark.django_db


def _minor_birth_date():
    today = timezone.localdate()
    return date(today.year - 16, 1, 1)


def test_it_registers_a_facilitator_with_consent_and_logs_it(cast, clients):
    response = clients["tovholder"].post(
        "/app/prevention/facilitators/new/",
        {"name": "Yara Ung", "birth_date": "2001-04-02", "consent_on": "2025-01-10", "training_status": "in_training"},
    )
    assert response.status_code == 302
    facilitator = Facilitator.objects.get()
    assert facilitator.name == "Yara Ung" and facilitator.municipality_id == cast["tovholder"].municipality_id
    assert AuditEvent.objects.filter(action="create", object_type="prevention.facilitator").count() == 1
    page = clients["tovholder"].get(response["Location"])
    assert "Yara Ung" in page.content.decode()
    assert AuditEvent.objects.filter(action="view", object_id=str(facilitator.pk)).exists()


def test_it_requires_the_guardians_consent_under_18(cast, clients):
    data = {
        "name": "Mina Ung",
        "birth_date": _minor_birth_date().isoformat(),
        "consent_on": "2025-01-10",
        "training_status": "in_training",
    }
    response = clients["tovholder"].post("/app/prevention/facilitators/new/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Der er fejl i formularen" in html and "forælderens eller værgens samtykke" in html
    assert not Facilitator.objects.exists()
    data |= {"guardian_name": "Mor til Mina", "guardian_consent_on": "2025-01-09"}
    assert clients["tovholder"].post("/app/prevention/facilitators/new/", data).status_code == 302
    assert Facilitator.objects.get().is_minor


def test_it_plans_a_session_through_the_page(cast, clients):
    topic = make_topic(cast)
    facilitator = make_facilitator(cast)
    school = cast["fagperson"].memberships_cached[0].unit
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = clients["tovholder"].post(
        "/app/prevention/sessions/new/",
        {
            "day": tomorrow.isoformat(),
            "start": "09:00",
            "end": "10:30",
            "place_kind": "school",
            "place_unit": school.pk,
            "audience": "8.B",
            "age_band": "13-15",
            "topics": [topic.pk],
            "facilitators": [facilitator.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()
    session = DialogueSession.objects.get()
    assert session.place == school.name and list(session.topics.all()) == [topic]
    assert timezone.localtime(session.starts_at).hour == 9
    detail = clients["tovholder"].get(response["Location"]).content.decode()
    assert school.name in detail and facilitator.name in detail
    # The calendar of that month shows it.
    calendar = clients["tovholder"].get(f"/app/prevention/calendar/?month={tomorrow:%Y-%m}").content.decode()
    assert f"/app/prevention/sessions/{session.pk}/" in calendar


def test_it_refuses_a_session_led_by_a_minor_without_guardian_consent(cast):
    from django.core.exceptions import ValidationError

    minor = make_facilitator(
        cast, name="Ung Uden", birth_date=_minor_birth_date(), guardian_name="Far", guardian_consent_on=date(2024, 1, 1)
    )
    Facilitator.objects.filter(pk=minor.pk).update(guardian_consent_on=None)  # e.g. consent withdrawn
    minor.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        make_session(cast, facilitators=[minor])
    assert "facilitators" in exc.value.message_dict


def test_it_refuses_topics_and_places_of_another_municipality(cast):
    from django.core.exceptions import ValidationError

    from tryg.accounts.models import Unit

    foreign_unit = Unit.objects.filter(municipality=cast["outsider"].municipality).first()
    with pytest.raises(ValidationError) as exc:
        make_session(cast, place_unit=foreign_unit, place_name="")
    assert "place_unit" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        make_session(cast, topics=[])
    assert "topics" in exc.value.message_dict


def test_it_records_participants_by_age_and_gender_and_marks_the_session_held(cast, clients):
    session = make_session(cast)
    response = clients["tovholder"].post(
        f"/app/prevention/sessions/{session.pk}/participants/", {"c_13_15_girls": "11", "c_13_15_boys": "9"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == "held" and session.participant_total == 20
    assert "I alt 20 deltagere" in clients["tovholder"].get(response["Location"]).content.decode()


def test_it_refuses_counts_before_the_session_has_begun(cast, clients):
    session = make_session(cast, starts_at=timezone.now() + timedelta(days=2))
    response = clients["tovholder"].post(f"/app/prevention/sessions/{session.pk}/participants/", {"c_u13_girls": "3"})
    assert response.status_code == 400
    assert "når mødet er begyndt" in response.content.decode()
    session.refresh_from_db()
    assert session.status == "planned"


def test_it_cancels_a_planned_session(cast, clients):
    session = make_session(cast)
    assert clients["tovholder"].post(f"/app/prevention/sessions/{session.pk}/cancel/", {}).status_code == 400
    assert (
        clients["tovholder"].post(f"/app/prevention/sessions/{session.pk}/cancel/", {"confirm": "1"}).status_code == 302
    )
    session.refresh_from_db()
    assert session.status == "cancelled"


def test_it_keeps_the_topic_list(cast, clients):
    assert clients["tovholder"].post("/app/prevention/topics/", {"name": "Kønsroller"}).status_code == 302
    assert clients["tovholder"].post("/app/prevention/topics/", {"name": "Kønsroller"}).status_code == 400
    topic = make_topic(cast, name="Fordomme")
    assert clients["tovholder"].post(f"/app/prevention/topics/{topic.pk}/active/", {"active": "0"}).status_code == 302
    topic.refresh_from_db()
    assert not topic.is_active


def test_a_facilitator_sees_their_own_sessions_only(cast, clients):
    own = make_facilitator(cast, name="Egen Dialogskaber", user=cast["fagperson"])
    mine = make_session(cast, facilitators=[own], place_name="Min Skole", starts_at=timezone.now() + timedelta(days=1))
    make_session(cast, place_name="Andres Skole", starts_at=timezone.now() + timedelta(days=1))
    html = clients["fagperson"].get("/app/prevention/mine/").content.decode()
    assert "Min Skole" in html and "Andres Skole" not in html
    assert f"/app/prevention/sessions/{mine.pk}/" not in html  # the planning page is the coordinator's
    start = clients["fagperson"].get("/app/").content.decode()
    assert "Mine dialogmøder" in start
    assert "Mine dialogmøder" not in clients["sagsbehandler"].get("/app/").content.decode()


def test_the_start_page_shows_the_coordinator_the_sessions_of_this_week(cast, clients):
    make_session(cast, starts_at=timezone.now())
    html = clients["tovholder"].get("/app/").content.decode()
    assert "1 dialogmøde i denne uge" in html


def test_another_municipalitys_coordinator_gets_404(cast, clients):
    from tryg.accounts.models import Membership, Role

    session = make_session(cast)
    facilitator = session.facilitators.get()
    outsider = cast["outsider"]
    Membership.objects.create(user=outsider, unit=outsider.memberships_cached[0].unit, role=Role.TOVHOLDER)
    client = clients["outsider"]
    for url in (
        f"/app/prevention/sessions/{session.pk}/",
        f"/app/prevention/sessions/{session.pk}/slips/",
        f"/app/prevention/facilitators/{facilitator.pk}/",
        f"/api/v1/prevention/sessions/{session.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert "Testskolen" not in client.get("/app/prevention/").content.decode()
    refused = AuditEvent.objects.filter(action="refused", object_type="prevention.dialoguesession")
    assert refused.filter(municipality_id=session.municipality_id).exists()


def test_the_lists_keep_a_flat_query_count(cast, clients):
    topic, facilitator = make_topic(cast), make_facilitator(cast)
    future = timezone.now() + timedelta(days=1)

    def sessions(n):
        for _ in range(n):
            make_session(cast, topics=[topic], facilitators=[facilitator], starts_at=future)

    client = clients["tovholder"]
    assert_flat_queries(sessions, lambda: client.get("/app/prevention/"))


def test_the_calendar_and_the_facilitators_keep_a_flat_query_count(cast, clients):
    topic = make_topic(cast)
    client = clients["tovholder"]

    def data(n):
        for i in range(n):
            f = make_facilitator(cast, name=f"F{i}")
            make_session(cast, topics=[topic], facilitators=[f], starts_at=timezone.now())

    month = f"{timezone.localdate():%Y-%m}"
    assert_flat_queries(data, lambda: client.get(f"/app/prevention/calendar/?month={month}"))
    assert_flat_queries(lambda n: data(n), lambda: client.get("/app/prevention/facilitators/"))
    assert_flat_queries(lambda n: data(n), lambda: client.get("/app/prevention/statistics/"))
    assert_flat_queries(lambda n: data(n), lambda: client.get("/app/prevention/topics/"))


def test_it_answers_bad_input_with_400_not_500(cast, clients):
    client = clients["tovholder"]
    assert client.get("/app/prevention/?page=x").status_code == 400
    assert client.get("/app/prevention/calendar/?month=2026-13").status_code == 400
    assert client.get("/app/prevention/statistics/?year=abc").status_code == 400
    assert client.get("/app/prevention/facilitators/?page=0").status_code == 400


def test_the_demo_seed_is_idempotent(cast):
    from tryg.prevention.demo import demo_seed
    from tryg.prevention.models import Evaluation

    users = {"tovholder": cast["tovholder"]}
    demo_seed(users=users)
    counts = (DialogueSession.objects.count(), Facilitator.objects.count(), Evaluation.objects.count())
    demo_seed(users=users)
    assert counts == (DialogueSession.objects.count(), Facilitator.objects.count(), Evaluation.objects.count())
    assert counts[0] == 5 and counts[2] > 0
    assert services.EVALUATION_OPEN_DAYS == 30


def test_it_refuses_a_trained_facilitator_without_a_date(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        make_facilitator(cast, training_status="trained")
    assert "trained_on" in exc.value.message_dict
