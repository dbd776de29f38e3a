"""The action-card API: cards, walking step by step, and every error case in the one error shape."""

import uuid

from django.urls import reverse

from tryg.actioncards.models import Walk

from .helpers import SMALL_CARD, make_card


def _post(client, url, data=None):
    return client.post(url, data if data is not None else {}, content_type="application/json")


def test_it_lists_published_cards_for_the_users_municipality(cast, clients):
    make_card()
    make_card(SMALL_CARD.replace("lille-kort", "kladde"), publish=False)
    body = clients["fagperson"].get(reverse("actioncards-api:card-list")).json()
    assert [c["slug"] for c in body] == ["lille-kort"]
    assert body[0]["version"] == 1 and body[0]["national"] is False
    assert clients["outsider"].get(reverse("actioncards-api:card-list")).json() == []
    assert clients["anonymous"].get(reverse("actioncards-api:card-list")).status_code == 401


def test_it_returns_the_current_published_graph(cast, clients):
    make_card()
    body = clients["partner"].get(reverse("actioncards-api:card-detail", args=["lille-kort"])).json()
    assert body["start"] == "q1" and len(body["nodes"]) == 6
    assert body["nodes"][0]["options"][0] == {"id": "ja", "label": "Ja", "next": "slut-akut"}
    missing = clients["outsider"].get(reverse("actioncards-api:card-detail", args=["lille-kort"]))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_it_walks_a_card_to_its_outcome(cast, clients):
    make_card()
    client = clients["fagperson"]
    started = _post(client, reverse("actioncards-api:walk-start", args=["lille-kort"]))
    assert started.status_code == 201
    walk_id = started.json()["id"]
    assert started.json()["node"]["id"] == "q1"
    url = reverse("actioncards-api:walk-answer", args=[walk_id])
    step = _post(client, url, {"option": "nej"}).json()
    assert step == {"node": step["node"], "done": False} and step["node"]["kind"] == "instruction"
    step = _post(client, url, {"option": "next", "node": "i1"}).json()
    assert step["node"]["id"] == "q2"
    step = _post(client, url, {"option": "ja"}).json()
    assert step["done"] is True and step["node"]["title"] == "Underret kommunen"
    assert step["node"]["contact_details"] == [] and step["node"]["create_concern"] is True
    detail = client.get(reverse("actioncards-api:walk-detail", args=[walk_id])).json()
    assert detail["done"] is True and detail["version"] == 1 and detail["card_slug"] == "lille-kort"
    assert [a["answer"] for a in detail["answers"]] == ["Nej", "Videre", "Ja, stadig"]
    assert detail["outcome"]["target_group"] == "child" and detail["outcome"]["create_concern"] is True


def test_it_answers_errors_with_the_error_shape_and_changes_nothing(cast, clients):
    make_card()
    client = clients["fagperson"]
    walk_id = _post(client, reverse("actioncards-api:walk-start", args=["lille-kort"])).json()["id"]
    url = reverse("actioncards-api:walk-answer", args=[walk_id])
    cases = [
        ({"option": "maaske"}, "invalid_option"),
        ({}, "invalid"),
        ({"option": ["ja"]}, "invalid"),
        ({"option": "x" * 500}, "invalid"),
        ({"option": "ja", "node": "q2"}, "stale_step"),
        ({"option": "next"}, "invalid_option"),
    ]
    for data, code in cases:
        response = _post(client, url, data)
        assert response.status_code == 400, (data, response.content)
        error = response.json()["error"]
        assert error["code"] == code and error["message"], (data, error)
    bad_json = client.post(url, "{not json", content_type="application/json")
    assert bad_json.status_code == 400 and "error" in bad_json.json()
    assert Walk.objects.get().answers.count() == 0
    assert _post(client, url, {"option": "ja"}).json()["done"] is True
    finished = _post(client, url, {"option": "ja"})
    assert finished.status_code == 400 and finished.json()["error"]["code"] == "walk_finished"


def test_it_hides_other_users_walks_and_unknown_ids(cast, clients):
    make_card()
    walk_id = _post(clients["fagperson"], reverse("actioncards-api:walk-start", args=["lille-kort"])).json()["id"]
    for role in ("sagsbehandler", "tovholder", "outsider"):
        client = clients[role]
        assert client.get(reverse("actioncards-api:walk-detail", args=[walk_id])).status_code == 404
        response = _post(client, reverse("actioncards-api:walk-answer", args=[walk_id]), {"option": "ja"})
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    unknown = clients["fagperson"].get(reverse("actioncards-api:walk-detail", args=[uuid.uuid4()]))
    assert unknown.status_code == 404
    assert clients["fagperson"].get("/api/v1/walks/not-a-uuid/").status_code == 404
    assert Walk.objects.get().answers.count() == 0


def test_it_refuses_to_start_unknown_drafts_and_stale_versions(cast, clients):
    make_card(publish=False)
    client = clients["tovholder"]
    response = _post(client, reverse("actioncards-api:walk-start", args=["lille-kort"]))
    assert response.status_code == 400 and response.json()["error"]["code"] == "not_published"
    response = _post(clients["fagperson"], reverse("actioncards-api:walk-start", args=["lille-kort"]))
    assert response.status_code == 404
    make_card(SMALL_CARD.replace("lille-kort", "andet-kort"))
    response = _post(clients["fagperson"], reverse("actioncards-api:walk-start", args=["andet-kort"]), {"version": 7})
    assert response.status_code == 400 and response.json()["error"]["code"] == "version_changed"
    response = _post(clients["fagperson"], reverse("actioncards-api:walk-start", args=["andet-kort"]), {"version": "x"})
    assert response.status_code == 400 and "version" in response.json()["error"]["fields"]
    assert Walk.objects.count() == 0


def test_it_documents_every_endpoint_in_the_schema(cast, clients):
    schema = clients["fagperson"].get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    text = schema.content.decode()
    for path in ("/api/v1/action-cards/", "/api/v1/action-cards/{slug}/walks/", "/api/v1/walks/{walk_id}/answers/"):
        assert path in text
