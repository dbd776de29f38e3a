"""The prevention API: the same rules as the pages, the error shape, the schema."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tryg.prevention.models import DialogueSession

from .helpers import make_facilitator, make_session, make_topic

pytestmark = pytest.mark.django_db


def test_the_coordinator_registers_a_facilitator_and_plans_a_session(cast, clients):
    client = clients["tovholder"]
    created = client.post(
        "/api/v1/prevention/facilitators/",
        {"name": "API Ung", "birth_date": "2002-02-02", "consent_on": "2025-02-02"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    facilitator = created.json()
    assert facilitator["may_facilitate"] and not facilitator["is_minor"]
    topic = make_topic(cast)
    starts = timezone.now() + timedelta(days=2)
    planned = client.post(
        "/api/v1/prevention/sessions/",
        {
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "place_kind": "youth_club",
            "place_name": "Klub Nord",
            "audience": "Klubbens unge",
            "age_band": "16-17",
            "topics": [topic.pk],
            "facilitators": [facilitator["id"]],
        },
        content_type="application/json",
    )
    assert planned.status_code == 201, planned.json()
    body = planned.json()
    assert body["place"] == "Klub Nord" and body["topics"] == [topic.name]
    assert body["facilitators"] == [{"id": facilitator["id"], "name": "API Ung"}]
    month = f"{timezone.localtime(starts):%Y-%m}"
    listed = client.get(f"/api/v1/prevention/sessions/?month={month}").json()
    assert [s["id"] for s in listed] == [body["id"]]


def test_it_answers_rule_breaks_in_the_error_shape(cast, clients):
    client = clients["tovholder"]
    minor = client.post(
        "/api/v1/prevention/facilitators/",
        {"name": "Ung", "birth_date": f"{timezone.localdate().year - 15}-01-01", "consent_on": "2025-02-02"},
        content_type="application/json",
    )
    assert minor.status_code == 400
    error = minor.json()["error"]
    assert error["code"] == "invalid" and {"guardian_name", "guardian_consent_on"} <= set(error["fields"])
    session = make_session(cast, starts_at=timezone.now() + timedelta(days=1))
    early = client.put(
        f"/api/v1/prevention/sessions/{session.pk}/participants/",
        {"counts": [{"age_band": "13-15", "gender": "girls", "count": 4}]},
        content_type="application/json",
    )
    assert early.status_code == 400 and early.json()["error"]["code"] == "not_started"
    assert client.get("/api/v1/prevention/sessions/?month=2026-1").json()["error"]["code"] == "bad_month"


def test_it_records_counts_makes_slips_and_cancels(cast, clients):
    client = clients["tovholder"]
    session = make_session(cast)
    counted = client.put(
        f"/api/v1/prevention/sessions/{session.pk}/participants/",
        {
            "counts": [
                {"age_band": "13-15", "gender": "girls", "count": 4},
                {"age_band": "u13", "gender": "boys", "count": 2},
            ]
        },
        content_type="application/json",
    )
    assert counted.status_code == 200 and counted.json()["participants"] == 6
    slips = client.post(
        f"/api/v1/prevention/sessions/{session.pk}/slips/", {"count": 2}, content_type="application/json"
    )
    assert slips.status_code == 201 and len(slips.json()) == 2
    assert slips.json()[0]["url"].startswith("http://testserver/evaluering/")
    other = make_session(cast, starts_at=timezone.now() + timedelta(days=5))
    cancelled = client.post(f"/api/v1/prevention/sessions/{other.pk}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert DialogueSession.objects.get(pk=other.pk).status == "cancelled"


def test_a_facilitator_reads_their_own_sessions(cast, clients):
    own = make_facilitator(cast, name="Egen", user=cast["fagperson"], birth_date=date(2001, 1, 1))
    make_session(cast, facilitators=[own], place_name="Egen Skole")
    make_session(cast, place_name="Anden Skole")
    places = [s["place"] for s in clients["fagperson"].get("/api/v1/prevention/my-sessions/").json()]
    assert places == ["Egen Skole"]
    assert clients["sagsbehandler"].get("/api/v1/prevention/my-sessions/").status_code == 404


def test_the_schema_lists_the_endpoints(clients):
    schema = clients["tovholder"].get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/prevention/sessions/", "/api/v1/prevention/statistics/", "/api/v1/prevention/facilitators/"):
        assert path in schema
