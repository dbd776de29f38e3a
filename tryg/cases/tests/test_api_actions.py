"""The API's case actions, through HTTP only: status, team, safe contact, contacts, referrals and the second
person's decision, links, tasks done, and closing or merging a concern (the triage endpoint's decisions).

Each action: its effect in the database, exactly one access-log row, bad input answered with the error shape
and nothing changed, and 404 for another municipality's case worker and for users outside the case team.
"""

from datetime import timedelta

import pytest
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.accounts.models import Membership, Role, Unit, User
from tryg.accounts.services import api_token_issue
from tryg.audit.models import AuditEvent
from tryg.cases import services
from tryg.cases.models import Case, CaseLink, CaseMember, Concern, Person, Referral, Task, TimelineEntry
from tryg.core.testing import login_verified

from .helpers import make_case, make_concern

pytestmark = pytest.mark.django_db


# --- helpers -------------------------------------------------------------------------------------


def post(client, url, data):
    return client.post(url, data=data, content_type="application/json")


def put(client, url, data):
    return client.put(url, data=data, content_type="application/json")


def url(name, *args):
    return reverse(f"cases-api:{name}", args=args)


def error(response, code="invalid", status=400) -> dict:
    """Assert the API's error shape and return its body."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    return body["error"]


def mark() -> int:
    """The id of the newest access-log row (rows after it are new)."""
    return AuditEvent.objects.aggregate(last=Max("id"))["last"] or 0


def _rows_since(since: int) -> list[AuditEvent]:
    """Rows after `since`, without the login rows the test's own clients write when they first log in, and
    without the "refused" rows every denied attempt writes (tests/test_refused.py covers those)."""
    return list(AuditEvent.objects.filter(id__gt=since).exclude(action__in=["login", "refused"]).order_by("id"))


def one_row(since: int, **expected) -> AuditEvent:
    rows = _rows_since(since)
    assert len(rows) == 1, [(r.action, r.object_type, r.purpose) for r in rows]
    row = rows[0]
    for field, value in expected.items():
        assert getattr(row, field) == value, (field, getattr(row, field), value)
    return row


def no_rows(since: int) -> None:
    rows = _rows_since(since)
    assert not rows, [(r.action, r.object_type, r.purpose) for r in rows]


def colleague(cast, username="kollega", unit_name="Børne- og Familieafdelingen") -> User:
    """Another Aalborg case worker (in the children's unit unless told otherwise)."""
    municipality = cast["sagsbehandler"].municipality
    user = User.objects.create(username=username, first_name="Kim", last_name="Kollega", municipality=municipality)
    unit = Unit.objects.get(municipality=municipality, name=unit_name)
    Membership.objects.create(user=user, unit=unit, role=Role.SAGSBEHANDLER)
    TOTPDevice.objects.create(user=user, name="t", confirmed=True)
    return user


def bearer_client(user) -> Client:
    raw, _token = api_token_issue(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def session_client(user) -> Client:
    return login_verified(Client(), user)


def audit_base(case, actor) -> dict:
    return {"actor_id": actor.pk, "subject_type": "cases.person", "subject_id": str(case.person_id)}


# --- closing and merging a concern: the triage endpoint's decisions (there is no separate close) --------


def test_triage_closes_a_concern_with_a_reason(clients, cast, routing):
    concern = make_concern(cast)
    client = clients["sagsbehandler"]
    triage = url("concern-triage", concern.pk)
    before = mark()
    fields = error(post(client, triage, {"decision": "close", "reason": "   "}))["fields"]
    assert "reason" in fields
    assert error(post(client, triage, {"decision": "shelve"}))["fields"]["decision"]
    assert post(clients["outsider"], triage, {"decision": "close", "reason": "Nej"}).status_code == 404
    assert post(clients["konsulent"], triage, {"decision": "close", "reason": "Nej"}).status_code == 404
    concern.refresh_from_db()
    assert concern.is_pending and concern.closed_reason == ""
    no_rows(before)

    response = post(client, triage, {"decision": "close", "reason": "Bekymringen er afklaret med skolen."})
    assert response.status_code == 200
    assert response.json() == {"status": "closed", "case_id": None, "case_number": None}
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED and concern.closed_reason == "Bekymringen er afklaret med skolen."
    one_row(
        before,
        action="update",
        object_type="cases.concern",
        object_id=str(concern.pk),
        purpose="Underretning lukket",
        **audit_base(concern, cast["sagsbehandler"]),
    )
    assert error(post(client, triage, {"decision": "close", "reason": "Igen"}), "not_pending")


def test_triage_merges_a_concern_into_an_open_case_of_the_same_person(clients, cast, routing):
    case = make_case(cast, name="Mona Merge", cpr="150610-4001")
    other = make_case(cast, name="Anden Person")
    concern = make_concern(cast, name="Mona Merge", cpr="150610-4001")
    client = clients["sagsbehandler"]
    triage = url("concern-triage", concern.pk)
    before = mark()
    assert error(post(client, triage, {"decision": "merge"}))["fields"]["case"]
    assert error(post(client, triage, {"decision": "merge", "case": str(other.pk)}))["fields"]["case"]
    assert error(post(client, triage, {"decision": "merge", "case": "not-a-uuid"}))["fields"]["case"]
    concern.refresh_from_db()
    assert concern.is_pending and concern.case_id is None
    no_rows(before)

    response = post(client, triage, {"decision": "merge", "case": str(case.pk)})
    assert response.status_code == 200
    assert response.json() == {"status": "triaged", "case_id": str(case.pk), "case_number": case.number}
    concern.refresh_from_db()
    assert concern.case_id == case.pk and concern.person_id == case.person_id
    one_row(
        before,
        action="update",
        object_type="cases.case",
        object_id=str(case.pk),
        purpose="Underretning lagt på sag",
        **audit_base(case, cast["sagsbehandler"]),
    )


# --- status --------------------------------------------------------------------------------------


def test_it_changes_the_status_of_a_case(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    status_url = url("case-status", case.pk)
    before = mark()
    assert error(post(client, status_url, {"status": "closed"}))["fields"] == {"outcome": ["Vælg sagens udfald."]}
    assert "status" in error(post(client, status_url, {"status": "archived"}))["fields"]
    assert "outcome" in error(post(client, status_url, {"status": "closed", "outcome": "happy"}))["fields"]
    assert "status" in error(post(client, status_url, {}))["fields"]
    for role in ("outsider", "konsulent", "tovholder", "fagperson"):
        assert post(clients[role], status_url, {"status": "active"}).status_code == 404, role
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN and case.closed_at is None
    no_rows(before)

    response = post(client, status_url, {"status": "closed", "outcome": "support"})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(case.pk) and body["status"] == "closed" and body["outcome"] == "support"
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED and case.outcome == "support" and case.closed_at
    assert body["retention_until"] == case.retention_until.isoformat()
    one_row(
        before,
        action="update",
        object_type="cases.case",
        object_id=str(case.pk),
        purpose="Status ændret",
        detail="closed",
        actor_id=cast["sagsbehandler"].pk,
        subject_type="cases.person",
    )
    events = [e.text for e in TimelineEntry.objects.filter(case=case, kind="event")]  # encrypted: no SQL filter
    assert any(text.startswith("Sagen er lukket") for text in events)

    before = mark()
    assert "status" in error(post(client, status_url, {"status": "closed", "outcome": "other"}))["fields"]
    no_rows(before)
    response = post(client, status_url, {"status": "open"})
    assert response.status_code == 200 and response.json()["outcome"] == ""
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN and case.closed_at is None and case.retention_until is None
    one_row(before, action="update", object_id=str(case.pk), detail="open")


def test_break_glass_access_is_read_only_in_the_api(clients, cast, routing):
    case = make_case(cast)
    reader = colleague(cast, "voksen", unit_name="Socialafdelingen, voksne")
    client = session_client(reader)
    assert client.get(url("case-detail", case.pk)).status_code == 404
    services.break_glass_grant(actor=reader, case=case, reason="Politiet ringede i nat om akut fare.")
    assert client.get(url("case-detail", case.pk)).status_code == 200
    before = mark()
    assert post(client, url("case-status", case.pk), {"status": "active"}).status_code == 404
    assert client.get(url("case-safe-contact", case.pk)).status_code == 404
    assert post(client, url("case-contacts", case.pk), {"channel": "phone", "text": "x"}).status_code == 404
    assert post(client, url("case-links", case.pk), {"number": case.number, "kind": "related"}).status_code == 404
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN
    no_rows(before)


# --- team ----------------------------------------------------------------------------------------


def test_it_adds_a_member_to_the_case_team(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    members = url("case-members", case.pk)
    konsulent = cast["konsulent"]
    before = mark()
    assert "user" in error(post(client, members, {"user": cast["outsider"].pk, "role": "participant"}))["fields"]
    assert "user" in error(post(client, members, {"user": cast["sagsbehandler"].pk, "role": "participant"}))["fields"]
    assert "user" in error(post(client, members, {"user": 10**12, "role": "participant"}))["fields"]
    assert "user" in error(post(client, members, {"user": "konsulent", "role": "participant"}))["fields"]
    assert "role" in error(post(client, members, {"user": konsulent.pk, "role": "responsible"}))["fields"]
    # A security consultant is a candidate, but only as a security consultant (the service's rule).
    fields = error(post(client, members, {"user": konsulent.pk, "role": "participant"}))["fields"]
    assert fields == {"user": ["Deltagere skal være sagsbehandlere i kommunen."]}
    for role in ("outsider", "konsulent", "tovholder", "admin"):
        assert post(clients[role], members, {"user": konsulent.pk, "role": "security_consultant"}).status_code == 404
    assert list(CaseMember.objects.filter(case=case).values_list("user_id", flat=True)) == [cast["sagsbehandler"].pk]
    no_rows(before)
    assert clients["konsulent"].get(url("case-detail", case.pk)).status_code == 404

    response = post(client, members, {"user": konsulent.pk, "role": "security_consultant"})
    assert response.status_code == 201
    assert response.json() == {"user": konsulent.pk, "name": konsulent.display_name, "role": "security_consultant"}
    assert CaseMember.objects.filter(case=case, user=konsulent, role="security_consultant").exists()
    one_row(
        before,
        action="update",
        object_type="cases.case",
        object_id=str(case.pk),
        purpose="Team ændret",
        detail="+konsulent (security_consultant)",
        actor_id=cast["sagsbehandler"].pk,
    )
    assert clients["konsulent"].get(url("case-detail", case.pk)).status_code == 200
    # On the team now, but only a case worker (sagsbehandler) adds to it.
    new = colleague(cast)
    response = post(clients["konsulent"], members, {"user": new.pk, "role": "participant"})
    assert response.status_code == 404
    response = post(client, members, {"user": new.pk, "role": "participant"})
    assert response.status_code == 201 and CaseMember.objects.filter(case=case).count() == 3


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
    assert entry.pk == body["id"] and entry.channel == "via_school" and entry.author == cast["sagsbehandler"]
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


# --- referrals and the second person's decision --------------------------------------------------


SHELTER = {
    "actor_type": "shelter",
    "recipient": "Krisecentret",
    "text": "Plads søges",
    "consent_given": False,
    "legal_basis": "Serviceloven § 12 a, akut fare",
}
POLICE = {
    "actor_type": "police",
    "recipient": "Nordjyllands Politi",
    "text": "Trusler mod pigen",
    "consent_given": True,
    "consent_by": "Pigen selv",
}


def test_it_creates_a_referral_with_consent_or_legal_basis(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    referrals = url("case-referrals", case.pk)
    before = mark()
    no_basis = {k: v for k, v in SHELTER.items() if k != "legal_basis"}
    assert error(post(client, referrals, no_basis))["fields"] == {
        "legal_basis": ["Uden samtykke skal hjemlen til videregivelsen angives."]
    }
    assert "consent_by" in error(post(client, referrals, dict(POLICE, consent_by=" ")))["fields"]
    no_consent = {k: v for k, v in SHELTER.items() if k != "consent_given"}
    assert "consent_given" in error(post(client, referrals, no_consent))["fields"]
    assert "consent_given" in error(post(client, referrals, dict(SHELTER, consent_given="maybe")))["fields"]
    assert "actor_type" in error(post(client, referrals, dict(SHELTER, actor_type="press")))["fields"]
    assert "recipient" in error(post(client, referrals, dict(SHELTER, recipient="x" * 201)))["fields"]
    for role in ("outsider", "konsulent", "tovholder"):
        assert post(clients[role], referrals, SHELTER).status_code == 404, role
    assert not Referral.objects.exists()
    no_rows(before)

    response = post(client, referrals, SHELTER)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "sent" and body["legal_basis"] == "Serviceloven § 12 a, akut fare"
    referral = Referral.objects.get()
    assert referral.pk == body["id"] and referral.case_id == case.pk and referral.status == "sent"
    assert referral.legal_basis_decided_by == cast["sagsbehandler"] and not referral.consent_given
    one_row(
        before,
        action="create",
        object_type="cases.referral",
        object_id=str(referral.pk),
        purpose="Henvisning til anden aktør",
        detail="shelter",
        **audit_base(case, cast["sagsbehandler"]),
    )


def test_a_police_disclosure_needs_a_second_case_worker(clients, cast, routing):
    case = make_case(cast)
    requester = clients["sagsbehandler"]
    second_user = colleague(cast)
    second = bearer_client(second_user)
    response = post(requester, url("case-referrals", case.pk), POLICE)
    assert response.status_code == 201 and response.json()["status"] == "pending_approval"
    referral = Referral.objects.get()
    assert second_user.notifications.filter(text__contains=case.number).exists()
    decision = url("referral-decision", referral.pk)

    before = mark()
    refused = error(post(requester, decision, {"approve": True}), "second_person_required")
    assert "anden sagsbehandler" in refused["message"]
    assert "approve" in error(post(second, decision, {}))["fields"]
    assert "approve" in error(post(second, decision, {"approve": "perhaps"}))["fields"]
    for role in ("outsider", "konsulent", "tovholder", "admin"):
        assert post(clients[role], decision, {"approve": True}).status_code == 404, role
    assert post(second, url("referral-decision", referral.pk + 1000), {"approve": True}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == "pending_approval" and referral.decided_by is None
    no_rows(before)

    response = post(second, decision, {"approve": True})
    assert response.status_code == 200
    assert response.json()["status"] == "approved" and response.json()["decided_by"] == second_user.pk
    referral.refresh_from_db()
    assert referral.status == "approved" and referral.decided_by == second_user and referral.decided_at
    one_row(
        before,
        action="update",
        object_type="cases.referral",
        object_id=str(referral.pk),
        purpose="Godkendelse af videregivelse til politiet",
        detail="approved",
        **audit_base(case, second_user),
    )
    before = mark()
    assert error(post(second, decision, {"approve": False}), "not_pending")
    referral.refresh_from_db()
    assert referral.status == "approved"
    no_rows(before)


def test_a_second_case_worker_can_reject_a_police_disclosure(clients, cast, routing):
    case = make_case(cast)
    assert post(clients["sagsbehandler"], url("case-referrals", case.pk), POLICE).status_code == 201
    referral = Referral.objects.get()
    second_user = colleague(cast)
    response = post(session_client(second_user), url("referral-decision", referral.pk), {"approve": False})
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    referral.refresh_from_db()
    assert referral.status == "rejected" and referral.decided_by == second_user
    # A case worker of another unit, without the case, does not see the referral.
    stranger = colleague(cast, "voksen", unit_name="Socialafdelingen, voksne")
    assert post(session_client(stranger), url("referral-decision", referral.pk), {"approve": True}).status_code == 404


def test_the_pending_list_and_the_case_referrals_show_what_is_to_be_approved(clients, cast, routing):
    case = make_case(cast)
    assert post(clients["sagsbehandler"], url("case-referrals", case.pk), POLICE).status_code == 201
    referral = Referral.objects.get()
    second = bearer_client(colleague(cast))

    before = mark()
    pending = second.get(url("referral-pending"))
    assert pending.status_code == 200 and [r["id"] for r in pending.json()] == [referral.pk]
    assert pending.json()[0]["case"] == str(case.pk) and pending.json()[0]["recipient"] == POLICE["recipient"]
    one_row(before, action="search", object_type="cases.referral", detail="afventer godkendelse")
    assert clients["outsider"].get(url("referral-pending")).json() == []
    for role in ("fagperson", "konsulent", "tovholder", "partner", "admin"):
        assert clients[role].get(url("referral-pending")).status_code == 404, role

    before = mark()
    listed = clients["sagsbehandler"].get(url("case-referrals", case.pk))
    assert listed.status_code == 200 and [r["status"] for r in listed.json()] == ["pending_approval"]
    base = audit_base(case, cast["sagsbehandler"])
    one_row(before, action="view", object_type="cases.case", object_id=str(case.pk), **base)
    for role in ("outsider", "konsulent", "fagperson", "tovholder"):
        assert clients[role].get(url("case-referrals", case.pk)).status_code == 404, role


# --- archive hold ---------------------------------------------------------------------------------


def test_it_sets_and_lifts_the_archive_hold(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    hold = url("case-archive-hold", case.pk)

    before = mark()
    for body in ({}, {"hold": True}, {"hold": True, "reason": "   "}, {"hold": "måske", "reason": "x"}):
        assert error(post(client, hold, body))["fields"], body
    assert error(post(client, hold, {"hold": False, "reason": "Ingen at ophæve"}))
    for role in ("outsider", "konsulent", "fagperson", "tovholder", "admin"):
        assert post(clients[role], hold, {"hold": True, "reason": "x"}).status_code == 404, role
    case.refresh_from_db()
    assert not case.archive_hold
    no_rows(before)

    response = post(client, hold, {"hold": True, "reason": "Klagesag verserer"})
    assert response.status_code == 200 and response.json()["archive_hold"] is True
    base = audit_base(case, cast["sagsbehandler"])
    one_row(before, action="update", object_type="cases.case", purpose="Arkivstop", detail="on", **base)
    assert "Arkivstop: Klagesag verserer" in [e.text for e in TimelineEntry.objects.filter(case=case)]

    before = mark()
    response = post(client, hold, {"hold": False, "reason": "Klagesagen er afgjort"})
    assert response.status_code == 200 and response.json()["archive_hold"] is False
    one_row(before, action="update", purpose="Arkivstop", detail="off")


# --- links ---------------------------------------------------------------------------------------


def test_it_links_a_case_to_another_case_the_user_may_change(clients, cast, routing):
    case = make_case(cast, name="Søster Sara")
    sibling = make_case(cast, name="Bror Bilal")
    # An Aalborg case of another unit (not visible to the user) and a Hjørring case with the same number.
    adult_worker = colleague(cast, "voksen", unit_name="Socialafdelingen, voksne")
    hidden = services.concern_triage(
        actor=adult_worker, concern=make_concern(cast, name="Skjult Sag", target_group="adult")
    )
    foreign = services.concern_triage(
        actor=cast["outsider"], concern=make_concern(cast, name="Hjørring Sag", actor="outsider")
    )
    assert foreign.number == case.number and foreign.municipality_id != case.municipality_id
    client = clients["sagsbehandler"]
    links = url("case-links", case.pk)
    before = mark()
    for number in (hidden.number, "2099-99999", case.number):
        assert "number" in error(post(client, links, {"number": number, "kind": "sibling"}))["fields"], number
    assert "kind" in error(post(client, links, {"number": sibling.number, "kind": "cousin"}))["fields"]
    assert "number" in error(post(client, links, {"number": "x" * 21, "kind": "sibling"}))["fields"]
    for role in ("outsider", "konsulent", "partner"):
        assert post(clients[role], links, {"number": sibling.number, "kind": "sibling"}).status_code == 404, role
    assert not CaseLink.objects.exists()
    no_rows(before)

    response = post(client, links, {"number": f" {sibling.number} ", "kind": "sibling"})
    assert response.status_code == 201
    body = response.json()
    assert body["linked_case"] == str(sibling.pk) and body["linked_number"] == sibling.number
    link = CaseLink.objects.get()
    assert link.from_case_id == case.pk and link.to_case_id == sibling.pk and link.kind == "sibling"
    one_row(
        before,
        action="update",
        object_type="cases.case",
        object_id=str(case.pk),
        purpose="Sager forbundet",
        detail=sibling.number,
        **audit_base(case, cast["sagsbehandler"]),
    )
    before = mark()
    again = post(client, url("case-links", sibling.pk), {"number": case.number, "kind": "related"})
    assert error(again)["fields"] == {"number": ["Sagerne er allerede forbundet."]}
    assert CaseLink.objects.count() == 1
    no_rows(before)


# --- tasks ---------------------------------------------------------------------------------------


def test_it_marks_a_task_done(clients, cast, routing):
    case = make_case(cast)
    worker = cast["sagsbehandler"]
    task = services.task_add(
        actor=worker, case=case, title="Ring til skolen", owner=worker, due_date=timezone.localdate() + timedelta(1)
    )
    client = clients["sagsbehandler"]
    done = url("task-done", task.pk)
    before = mark()
    assert "done" in error(post(client, done, {}))["fields"]
    assert "done" in error(post(client, done, {"done": False}))["fields"]
    for role in ("outsider", "konsulent", "tovholder"):
        assert post(clients[role], done, {"done": True}).status_code == 404, role
    assert post(client, url("task-done", task.pk + 1000), {"done": True}).status_code == 404
    task.refresh_from_db()
    assert task.done_at is None
    no_rows(before)

    response = post(client, done, {"done": True})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == task.pk and body["done_at"]
    task.refresh_from_db()
    assert task.done_at is not None
    one_row(
        before,
        action="update",
        object_type="cases.task",
        object_id=str(task.pk),
        purpose="Opgave udført",
        **audit_base(case, worker),
    )
    # Done twice is no second change and no second row.
    before, first_done = mark(), task.done_at
    assert post(client, done, {"done": True}).status_code == 200
    task.refresh_from_db()
    assert task.done_at == first_done
    no_rows(before)
    assert Task.objects.filter(done_at__isnull=True).count() == 0


# --- no input yields a 500 -----------------------------------------------------------------------


GARBAGE = ["not json", "[1, 2]", "null", '{"status": {"a": 1}, "user": [], "channel": null, "approve": {}}', "{}"]


@pytest.mark.parametrize("body", GARBAGE)
def test_garbage_is_answered_with_the_error_shape_and_changes_nothing(clients, cast, routing, body):
    case = make_case(cast)
    worker = cast["sagsbehandler"]
    task = services.task_add(actor=worker, case=case, title="T", owner=worker, due_date=timezone.localdate())
    referral = services.referral_create(actor=worker, case=case, **dict(POLICE, consent_given=True))
    client = clients["sagsbehandler"]
    targets = [
        ("post", url("case-status", case.pk)),
        ("post", url("case-members", case.pk)),
        ("put", url("case-safe-contact", case.pk)),
        ("post", url("case-contacts", case.pk)),
        ("post", url("case-referrals", case.pk)),
        ("post", url("case-links", case.pk)),
        ("post", url("referral-decision", referral.pk)),
        ("post", url("task-done", task.pk)),
    ]
    before = mark()
    for method, target in targets:
        response = getattr(client, method)(target, data=body, content_type="application/json")
        assert response.status_code == 400, (target, response.content)
        assert set(response.json()["error"]) == {"code", "message", "fields"}
    no_rows(before)
    case.refresh_from_db()
    task.refresh_from_db()
    referral.refresh_from_db()
    assert case.status == "open" and task.done_at is None and referral.status == "pending_approval"
    assert CaseMember.objects.filter(case=case).count() == 1 and not CaseLink.objects.exists()
    assert Referral.objects.count() == 1 and not TimelineEntry.objects.filter(kind="contact").exists()


def test_an_id_beyond_any_integer_is_404(clients, cast, routing):
    client = clients["sagsbehandler"]
    huge = 10**30
    assert post(client, f"/api/v1/tasks/{huge}/done/", {"done": True}).status_code == 404
    assert post(client, f"/api/v1/referrals/{huge}/decision/", {"approve": True}).status_code == 404


def test_the_schema_lists_the_actions(client):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/cases/{id}/status/", "post"),
        ("/api/v1/cases/{id}/members/", "post"),
        ("/api/v1/cases/{id}/safe-contact/", "get"),
        ("/api/v1/cases/{id}/safe-contact/", "put"),
        ("/api/v1/cases/{id}/contacts/", "post"),
        ("/api/v1/cases/{id}/referrals/", "post"),
        ("/api/v1/cases/{id}/links/", "post"),
        ("/api/v1/referrals/{id}/decision/", "post"),
        ("/api/v1/tasks/{id}/done/", "post"),
        ("/api/v1/cases/{id}/archive-hold/", "post"),
        ("/api/v1/cases/{id}/referrals/", "get"),
        ("/api/v1/referrals/pending/", "get"),
    ]:
        operation = paths[path][method]
        assert "404" in operation["responses"], path
        if method != "get":
            assert "400" in operation["responses"] and "requestBody" in operation, path
