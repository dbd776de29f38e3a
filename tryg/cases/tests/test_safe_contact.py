"""Safe-contact rules are enforced; referrals record consent or legal basis; police needs a second person."""

import pytest
from django.urls import reverse

from tryg.cases import services
from tryg.cases.models import Referral, TimelineEntry

from .helpers import make_case

pytestmark = pytest.mark.django_db


def _rules(case, cast, **kw):
    services.contact_rules_set(
        actor=cast["sagsbehandler"],
        case=case,
        allowed=kw.get("allowed", []),
        forbidden=kw.get("forbidden", []),
        never_contact="",
    )


def test_a_forbidden_channel_is_blocked_with_the_rule_named(clients, cast, routing):
    case = make_case(cast)
    _rules(case, cast, forbidden=["sms"])
    response = clients["sagsbehandler"].post(
        reverse("cases:contact", args=[case.pk]), {"channel": "sms", "text": "Hej"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and "forbyder kontakt via SMS" in body
    assert not TimelineEntry.objects.filter(kind="contact").exists()


def test_only_allowed_channels_pass_when_a_whitelist_exists(clients, cast, routing):
    case = make_case(cast)
    _rules(case, cast, allowed=["via_school"])
    client = clients["sagsbehandler"]
    response = client.post(reverse("cases:contact", args=[case.pk]), {"channel": "phone", "text": "Ring"})
    assert response.status_code == 400 and "tillader kun kontakt via Via skolen" in response.content.decode()
    response = client.post(
        reverse("cases:contact", args=[case.pk]), {"channel": "via_school", "text": "Møde på skolen"}
    )
    assert response.status_code == 302
    entry = TimelineEntry.objects.get(kind="contact")
    assert entry.channel == "via_school" and entry.text == "Møde på skolen"


def test_a_letter_home_needs_a_safe_address(clients, cast, routing):
    case = make_case(cast)
    response = clients["sagsbehandler"].post(
        reverse("cases:contact", args=[case.pk]), {"channel": "letter_home", "text": "Brev"}
    )
    assert response.status_code == 400 and "ingen sikker adresse" in response.content.decode()


def test_rules_cannot_allow_and_forbid_the_same_channel(clients, cast, routing):
    case = make_case(cast)
    response = clients["sagsbehandler"].post(
        reverse("cases:safe-contact", args=[case.pk]), {"allowed_channels": ["sms"], "forbidden_channels": ["sms"]}
    )
    assert response.status_code == 400
    case.person.refresh_from_db()
    assert case.person.allowed_channels == []


def test_a_referral_without_consent_needs_a_legal_basis(clients, cast, routing):
    case = make_case(cast)
    client = clients["sagsbehandler"]
    data = {"actor_type": "shelter", "recipient": "Krisecentret", "text": "Plads søges", "consent_given": "no"}
    assert client.post(reverse("cases:referral-add", args=[case.pk]), data).status_code == 400
    data["legal_basis"] = "Serviceloven § 12 a, akut fare"
    assert client.post(reverse("cases:referral-add", args=[case.pk]), data).status_code == 302
    referral = Referral.objects.get()
    assert referral.status == "sent" and referral.legal_basis_decided_by == cast["sagsbehandler"]


def test_police_disclosure_needs_a_second_caseworker(clients, cast, routing):
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tryg.accounts.models import Membership, Role, User
    from tryg.core.testing import login_verified

    case = make_case(cast)
    client = clients["sagsbehandler"]
    data = {
        "actor_type": "police",
        "recipient": "Nordjyllands Politi",
        "text": "Trusler",
        "consent_given": "yes",
        "consent_by": "Pigen selv",
    }
    assert client.post(reverse("cases:referral-add", args=[case.pk]), data).status_code == 302
    referral = Referral.objects.get()
    assert referral.status == "pending_approval"
    # The requester cannot approve their own request.
    response = client.post(reverse("cases:referral-decide", args=[referral.public_id]), {"decision": "approve"})
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == "pending_approval"
    colleague = User.objects.create(username="kollega", municipality=cast["sagsbehandler"].municipality)
    Membership.objects.create(user=colleague, unit=case.responsible_unit, role=Role.SAGSBEHANDLER)
    TOTPDevice.objects.create(user=colleague, name="t", confirmed=True)
    second = login_verified(Client(), colleague)
    assert "Nordjyllands Politi" in second.get(reverse("cases:approvals")).content.decode()
    assert (
        second.post(reverse("cases:referral-decide", args=[referral.public_id]), {"decision": "approve"}).status_code
        == 302
    )
    referral.refresh_from_db()
    assert referral.status == "approved" and referral.decided_by == colleague


def test_the_database_refuses_a_self_approved_referral(cast, routing):
    from django.db import IntegrityError, transaction

    case = make_case(cast)
    referral = services.referral_create(
        actor=cast["sagsbehandler"],
        case=case,
        actor_type="police",
        recipient="P",
        text="T",
        consent_given=True,
        consent_by="X",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(decided_by=cast["sagsbehandler"], status="approved")
