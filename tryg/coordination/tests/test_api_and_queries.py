"""The API (threads, errors in the core shape, the region's queue) and query budgets that do not grow with data."""

import json

import pytest
from django.urls import reverse

from tryg.coordination import services
from tryg.coordination.models import Consultation
from tryg.core.testing import assert_flat_queries

from .helpers import ask_anonymous, make_case

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_the_api_refuses_a_cpr_number_in_the_error_shape(clients):
    url = reverse("coordination-api:consultation-list")
    response = _post(clients["fagperson"], url, {"topic": "Elev", "text": "cpr 010203-1234"})
    assert response.status_code == 400
    body = response.json()["error"]
    assert body["code"] and "text" in body["fields"]
    assert not Consultation.objects.exists()


def test_a_thread_through_the_api(clients, cast):
    url = reverse("coordination-api:consultation-list")
    created = _post(clients["fagperson"], url, {"topic": "Elev", "text": "Hvordan?", "target_group": "child"})
    assert created.status_code == 201
    pk = created.json()["id"]
    reply = _post(
        clients["konsulent"], reverse("coordination-api:consultation-messages", args=[pk]), {"text": "Sådan."}
    )
    assert reply.status_code == 201 and reply.json()["from_asker"] is False
    detail = clients["fagperson"].get(reverse("coordination-api:consultation-detail", args=[pk])).json()
    assert [m["text"] for m in detail["messages"]] == ["Hvordan?", "Sådan."]
    queue = clients["konsulent"].get(url + "?scope=queue").json()
    assert [row["id"] for row in queue] == [pk]
    assert clients["outsider"].get(reverse("coordination-api:consultation-detail", args=[pk])).status_code == 404
    closed = _post(clients["konsulent"], reverse("coordination-api:consultation-close", args=[pk]), {"advice": "Råd."})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    again = _post(clients["fagperson"], reverse("coordination-api:consultation-messages", args=[pk]), {"text": "Hej"})
    assert again.status_code == 400 and again.json()["error"]["code"] == "closed"


def test_bad_input_of_any_shape_is_a_400(clients):
    url = reverse("coordination-api:consultation-list")
    for body in ([], {"topic": ["x"]}, {"topic": "x" * 5000, "text": "y"}, {"topic": "x", "text": "y", "urgency": "?"}):
        assert _post(clients["fagperson"], url, body).status_code == 400
    assert clients["fagperson"].get(url + "?page=0").status_code == 400
    assert clients["konsulent"].get(reverse("coordination:queue") + "?page=x").status_code == 400
    assert clients["konsulent"].get(reverse("coordination:queue") + "?municipality=999999").status_code == 400


def test_a_meeting_through_the_api_adds_a_task(clients, cast, routing):
    case = make_case(cast)
    meetings = reverse("coordination-api:meeting-list")
    created = _post(
        clients["sagsbehandler"],
        meetings,
        {"title": "API-møde", "starts_at": "2030-01-01T10:00:00Z", "case": str(case.pk)},
    )
    assert created.status_code == 201
    item = created.json()["agenda"][0]
    url = reverse("coordination-api:agenda-actions", args=[item["id"]])
    data = {"title": "Ring til skolen", "owner": cast["sagsbehandler"].pk, "due_date": "2030-01-05"}
    response = _post(clients["sagsbehandler"], url, data)
    assert response.status_code == 201 and response.json()["actions"][0]["title"] == "Ring til skolen"


def _consultations(cast):
    def make(n):
        for i in range(n):
            role = "fagperson" if i % 2 else "outsider"
            ask_anonymous(cast, role=role, topic=f"Forespørgsel nr. {i}")

    return make


def test_the_queue_costs_the_same_queries_at_any_size(clients, cast):
    client = clients["konsulent"]
    assert_flat_queries(_consultations(cast), lambda: client.get(reverse("coordination:queue")), small=2, large=12)


def test_my_threads_cost_the_same_queries_at_any_size(clients, cast):
    client = clients["fagperson"]

    def make(n):
        for i in range(n):
            ask_anonymous(cast, topic=f"Min forespørgsel {i}")

    assert_flat_queries(make, lambda: client.get(reverse("coordination:mine")), small=2, large=12)


def test_a_thread_costs_the_same_queries_however_long(clients, cast):
    consultation = ask_anonymous(cast)
    client = clients["konsulent"]

    def make(n):
        for i in range(n):
            services.message_add(actor=cast["konsulent"], consultation=consultation, text=f"Svar {i}")

    url = reverse("coordination:consultation-detail", args=[consultation.pk])
    assert_flat_queries(make, lambda: client.get(url), small=2, large=12)


def test_the_case_panel_costs_the_same_queries_however_many_consultations(clients, cast, routing):
    from .helpers import ask_about_case

    case = make_case(cast)
    client = clients["sagsbehandler"]

    def make(n):
        for _ in range(n):
            ask_about_case(cast, case)

    url = reverse("cases:case-detail", args=[case.pk])
    assert_flat_queries(make, lambda: client.get(url), small=2, large=8)


def test_the_counts_cost_the_same_queries_at_any_size(clients, cast):
    client = clients["konsulent"]
    assert_flat_queries(_consultations(cast), lambda: client.get(reverse("coordination:stats")), small=2, large=12)
