"""The API: same access functions as the pages, the notifier's status-only view, the error shape."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.cases.models import Case, Concern, Person, TimelineEntry

from .helpers import make_case, make_concern

pytestmark = pytest.mark.django_db

# What the notifier sees of a concern: status, receipt and the feedback the law allows; never its content.
NOTIFIER_FIELDS = {"id", "reference", "status", "received_at", "receipt_confirmed_at", "feedback"}


def post(client, url, data):
    return client.post(url, data=data, content_type="application/json")


CONCERN = {
    "person": {"name": "Api Amina", "age_group": "13-17", "cpr": "150610-4001"},
    "target_group": "child",
    "description": "Bekymring sendt via API.",
    "urgency": "normal",
    "related_persons": [{"name": "Api Bror", "relation": "sibling", "possible_threat": True}],
}


def test_it_creates_a_concern_and_answers_the_notifier_with_status_only(clients, cast, routing):
    response = post(clients["fagperson"], reverse("cases-api:concern-list"), CONCERN)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == NOTIFIER_FIELDS and body["status"] == "received"
    concern = Concern.objects.get()
    assert concern.person.cpr == "150610-4001" and concern.related_persons.get().possible_threat
    detail = clients["fagperson"].get(reverse("cases-api:concern-detail", args=[concern.pk])).json()
    assert set(detail) == NOTIFIER_FIELDS
    assert "Amina" not in str(detail)
    full = clients["sagsbehandler"].get(reverse("cases-api:concern-detail", args=[concern.pk])).json()
    assert full["person"]["name"] == "Api Amina" and full["clocks"][0]["kind"] == "assessment"


def test_it_answers_bad_input_with_the_error_shape_and_changes_nothing(clients, cast, routing):
    bad = dict(CONCERN, person={"name": "", "cpr": "320110-1234"}, target_group="alien")
    response = post(clients["fagperson"], reverse("cases-api:concern-list"), bad)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and {"person.name", "target_group"} <= set(error["fields"])
    response = post(clients["fagperson"], reverse("cases-api:concern-list"), dict(CONCERN, warning_signs=[999999]))
    assert response.status_code == 400 and "warning_signs" in response.json()["error"]["fields"]
    response = clients["fagperson"].post(
        reverse("cases-api:concern-list"), data="not json", content_type="application/json"
    )
    assert response.status_code == 400 and "error" in response.json()
    assert not Concern.objects.exists() and not Person.objects.exists()


def test_it_confirms_and_triages_through_the_api(clients, cast, routing):
    concern = make_concern(cast)
    client = clients["sagsbehandler"]
    url = reverse("cases-api:concern-confirm-receipt", args=[concern.pk])
    assert post(client, url, {}).status_code == 400
    assert post(client, url, {"confirm": True}).status_code == 200
    again = post(client, url, {"confirm": True})
    assert again.status_code == 400 and again.json()["error"]["code"] == "already_confirmed"
    triage = reverse("cases-api:concern-triage", args=[concern.pk])
    assert post(client, triage, {"decision": "close"}).status_code == 400
    response = post(client, triage, {"decision": "new_case"})
    assert response.status_code == 200 and response.json()["case_number"].endswith("-00001")
    assert post(client, triage, {"decision": "new_case"}).json()["error"]["code"] == "not_pending"
    assert Case.objects.count() == 1


def test_it_lists_searches_and_shows_cases(clients, cast, routing):
    case = make_case(cast, name="Liste Lina")
    client = clients["sagsbehandler"]
    body = client.post(
        reverse("cases-api:case-search"), {"q": "lina", "status": "open"}, content_type="application/json"
    ).json()
    assert body["count"] == 1 and body["results"][0]["number"] == case.number
    assert client.get(reverse("cases-api:case-list"), {"status": "bogus"}).status_code == 400
    assert client.get(reverse("cases-api:case-list"), {"limit": "x"}).status_code == 400
    assert clients["konsulent"].get(reverse("cases-api:case-list")).json()["count"] == 0
    assert clients["tovholder"].get(reverse("cases-api:case-list")).status_code == 404
    detail = client.get(reverse("cases-api:case-detail", args=[case.pk])).json()
    assert detail["person"]["name"] == "Liste Lina" and detail["members"][0]["role"] == "responsible"


def test_it_adds_entries_and_tasks(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    url = reverse("cases-api:case-entries", args=[case.pk])
    response = post(client, url, {"kind": "meeting", "text": "Netværksmøde"})
    assert response.status_code == 201
    entry_id = response.json()["id"]
    response = post(client, url, {"kind": "note", "text": "Rettelse", "corrects": entry_id})
    assert response.status_code == 201 and response.json()["kind"] == "correction"
    assert post(client, url, {"kind": "hack", "text": "x"}).status_code == 400
    assert (
        post(client, url, {"kind": "note", "text": "x", "corrects": "00000000-0000-4000-8000-000000000000"}).status_code
        == 400
    )
    tasks = reverse("cases-api:case-tasks", args=[case.pk])
    due = (timezone.localdate() + timedelta(days=2)).isoformat()
    assert post(client, tasks, {"title": "T", "owner": cast["sagsbehandler"].pk, "due_date": due}).status_code == 201
    assert post(client, tasks, {"title": "T", "owner": cast["outsider"].pk, "due_date": due}).status_code == 400
    past = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert post(client, tasks, {"title": "T", "owner": cast["sagsbehandler"].pk, "due_date": past}).status_code == 400
    assert TimelineEntry.objects.filter(case=case, kind__in=["meeting", "correction"]).count() == 2
    assert post(clients["outsider"], url, {"kind": "note", "text": "x"}).status_code == 404


def test_the_api_requires_authentication(client, routing):
    assert client.get(reverse("cases-api:case-list")).status_code == 401


def test_the_schema_lists_the_endpoints(client):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    for path in ["/api/v1/concerns/", "/api/v1/cases/{id}/entries/", "/api/v1/concerns/{id}/triage/"]:
        assert path in schema
