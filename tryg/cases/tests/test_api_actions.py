"""The API's case actions, through HTTP only: closing or merging a concern (the triage endpoint's
decisions), status, team, archive hold, links and tasks done.

Each action: its effect in the database, exactly one access-log row, bad input answered with the error shape
and nothing changed, and 404 for another municipality's case worker and for users outside the case team.
"""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from tryg.cases import services
from tryg.cases.models import Case, CaseLink, CaseMember, Concern, Task, TimelineEntry

from .api_helpers import audit_base, colleague, error, mark, no_rows, one_row, post, session_client, url
from .helpers import make_case, make_concern

pytestmark = pytest.mark.django_db


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
    done = url("task-done", task.public_id)
    before = mark()
    assert "done" in error(post(client, done, {}))["fields"]
    assert "done" in error(post(client, done, {"done": False}))["fields"]
    for role in ("outsider", "konsulent", "tovholder"):
        assert post(clients[role], done, {"done": True}).status_code == 404, role
    assert post(client, url("task-done", uuid.uuid4()), {"done": True}).status_code == 404
    task.refresh_from_db()
    assert task.done_at is None
    no_rows(before)

    response = post(client, done, {"done": True})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(task.public_id) and body["done_at"]
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
