"""The API's referrals, through HTTP only: consent or legal basis, and the second person's decision on a
disclosure to the police.

Each action: its effect in the database, exactly one access-log row, bad input answered with the error shape
and nothing changed, and 404 for another municipality's case worker and for users outside the case team.
"""

import uuid

import pytest

from tryg.cases.models import Referral

from .api_helpers import (
    POLICE,
    SHELTER,
    audit_base,
    bearer_client,
    colleague,
    error,
    mark,
    no_rows,
    one_row,
    post,
    session_client,
    url,
)
from .helpers import make_case

pytestmark = pytest.mark.django_db


# --- referrals and the second person's decision --------------------------------------------------


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
    assert str(referral.public_id) == body["id"] and referral.case_id == case.pk and referral.status == "sent"
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
    decision = url("referral-decision", referral.public_id)

    before = mark()
    refused = error(post(requester, decision, {"approve": True}), "second_person_required")
    assert "anden sagsbehandler" in refused["message"]
    assert "approve" in error(post(second, decision, {}))["fields"]
    assert "approve" in error(post(second, decision, {"approve": "perhaps"}))["fields"]
    for role in ("outsider", "konsulent", "tovholder", "admin"):
        assert post(clients[role], decision, {"approve": True}).status_code == 404, role
    assert post(second, url("referral-decision", uuid.uuid4()), {"approve": True}).status_code == 404
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
    response = post(session_client(second_user), url("referral-decision", referral.public_id), {"approve": False})
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    referral.refresh_from_db()
    assert referral.status == "rejected" and referral.decided_by == second_user
    # A case worker of another unit, without the case, does not see the referral.
    stranger = colleague(cast, "voksen", unit_name="Socialafdelingen, voksne")
    assert (
        post(session_client(stranger), url("referral-decision", referral.public_id), {"approve": True}).status_code
        == 404
    )


def test_the_pending_list_and_the_case_referrals_show_what_is_to_be_approved(clients, cast, routing):
    case = make_case(cast)
    assert post(clients["sagsbehandler"], url("case-referrals", case.pk), POLICE).status_code == 201
    referral = Referral.objects.get()
    second = bearer_client(colleague(cast))

    before = mark()
    pending = second.get(url("referral-pending"))
    assert pending.status_code == 200 and [r["id"] for r in pending.json()] == [str(referral.public_id)]
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
