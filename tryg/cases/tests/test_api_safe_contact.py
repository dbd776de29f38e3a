"""The API's safe-contact actions, through HTTP only: the safe-contact rules and the contacts they govern.

Each action: its effect in the database, exactly one access-log row, bad input answered with the error shape
and nothing changed, and 404 for another municipality's case worker and for users outside the case team.
"""

import pytest

from tryg.cases.models import Person, TimelineEntry

from .api_helpers import audit_base, error, mark, no_rows, one_row, post, put, url
from .helpers import make_case

pytestmark = pytest.mark.django_db


# --- safe contact --------------------------------------------------------------------------------


RULES = {
    "allowed_channels": ["via_school"],
    "forbidden_channels": ["sms", "letter_home"],
    "never_contact": "Faderen og farbroren",
    "note": "Kun via skolens sundhedsplejerske.",
}


def test_it_reads_and_replaces_the_safe_contact_rules(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    rules = url("case-safe-contact", case.pk)
    before = mark()
    response = client.get(rules)
    assert response.status_code == 200
    assert response.json() == {
        "person": str(case.person_id),
        "allowed_channels": [],
        "forbidden_channels": [],
        "never_contact": "",
        "note": "",
    }
    one_row(
        before,
        action="view",
        object_type="cases.person",
        object_id=str(case.person_id),
        purpose="Regler for sikker kontakt",
        **audit_base(case, cast["sagsbehandler"]),
    )

    before = mark()
    overlap = dict(RULES, forbidden_channels=["via_school"])
    assert error(put(client, rules, overlap))["fields"] == {
        "forbidden_channels": ["En kontaktvej kan ikke både være tilladt og forbudt."]
    }
    assert "allowed_channels.0" in error(put(client, rules, dict(RULES, allowed_channels=["pigeon"])))["fields"]
    assert "allowed_channels" in error(put(client, rules, dict(RULES, allowed_channels="sms")))["fields"]
    assert "note" in error(put(client, rules, dict(RULES, note="x" * 5001)))["fields"]
    missing = {k: v for k, v in RULES.items() if k != "never_contact"}
    assert "never_contact" in error(put(client, rules, missing))["fields"]
    for role in ("outsider", "konsulent", "partner"):
        assert clients[role].get(rules).status_code == 404, role
        assert put(clients[role], rules, RULES).status_code == 404, role
    person = Person.objects.get(pk=case.person_id)
    assert person.allowed_channels == [] and person.forbidden_channels == [] and person.never_contact == ""
    no_rows(before)

    response = put(client, rules, RULES)
    assert response.status_code == 200
    assert response.json() == {
        "person": str(case.person_id),
        "allowed_channels": ["via_school"],
        "forbidden_channels": ["letter_home", "sms"],
        "never_contact": "Faderen og farbroren",
        "note": "Kun via skolens sundhedsplejerske.",
    }
    person.refresh_from_db()
    assert person.allowed_channels == ["via_school"] and person.forbidden_channels == ["letter_home", "sms"]
    assert person.never_contact == "Faderen og farbroren" and person.contact_note.startswith("Kun via")
    one_row(
        before,
        action="update",
        object_type="cases.person",
        object_id=str(case.person_id),
        purpose="Regler for sikker kontakt",
        **audit_base(case, cast["sagsbehandler"]),
    )
    assert client.get(rules).json()["never_contact"] == "Faderen og farbroren"


# --- contacts ------------------------------------------------------------------------------------


def test_a_forbidden_channel_is_refused_with_the_reason(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    assert put(client, url("case-safe-contact", case.pk), RULES).status_code == 200
    contacts = url("case-contacts", case.pk)
    before = mark()
    refused = error(post(client, contacts, {"channel": "sms", "text": "Hej"}), "forbidden_channel")
    assert "forbyder kontakt via SMS" in refused["message"] and refused["fields"] == {"channel": [refused["message"]]}
    refused = error(post(client, contacts, {"channel": "phone", "text": "Ring"}), "forbidden_channel")
    assert "tillader kun kontakt via Via skolen" in refused["message"]
    assert "channel" in error(post(client, contacts, {"channel": "pigeon", "text": "x"}))["fields"]
    assert "text" in error(post(client, contacts, {"channel": "via_school", "text": "  "}))["fields"]
    for role in ("outsider", "konsulent", "fagperson"):
        assert post(clients[role], contacts, {"channel": "via_school", "text": "x"}).status_code == 404, role
    assert not TimelineEntry.objects.filter(case=case, kind="contact").exists()
    no_rows(before)

    response = post(client, contacts, {"channel": "via_school", "text": "Møde på skolen torsdag"})
    assert response.status_code == 201
    body = response.json()
    assert body["kind"] == "contact" and body["channel"] == "via_school" and body["text"] == "Møde på skolen torsdag"
    entry = TimelineEntry.objects.get(case=case, kind="contact")
    assert (
        str(entry.public_id) == body["id"] and entry.channel == "via_school" and entry.author == cast["sagsbehandler"]
    )
    one_row(
        before,
        action="create",
        object_type="cases.timelineentry",
        object_id=str(entry.pk),
        **audit_base(case, cast["sagsbehandler"]),
    )


def test_a_letter_home_needs_a_safe_address(clients, cast, routing):
    case = make_case(cast)
    refused = error(
        post(clients["sagsbehandler"], url("case-contacts", case.pk), {"channel": "letter_home", "text": "Brev"}),
        "forbidden_channel",
    )
    assert "ingen sikker adresse" in refused["message"]
    assert not TimelineEntry.objects.filter(kind="contact").exists()
