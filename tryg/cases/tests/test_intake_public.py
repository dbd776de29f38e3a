"""The no-actor intake of a citizen's notification about a child (used by the public site)."""

import pytest
from django.core.exceptions import ValidationError

from tryg.audit.models import AuditEvent
from tryg.cases.models import Concern
from tryg.cases.services import PersonData, concern_create_public

pytestmark = pytest.mark.django_db


def test_an_anonymous_citizen_notification_gets_the_24_hour_clock_and_no_receipt_clock(cast, routing):
    aalborg = cast["sagsbehandler"].municipality
    concern = concern_create_public(
        municipality_id=aalborg.pk,
        child=PersonData(name="Sara Testesen", age_group="13-17"),
        description="Hun må ikke gå i skole mere.",
    )
    assert concern.source == Concern.Source.ANONYMOUS
    assert concern.notifier_id is None and concern.notifier_unit_id is None
    assert concern.receiving_unit == routing["851"].child_unit
    assert concern.assessment_due_at is not None
    assert concern.receipt_due_at is None
    row = AuditEvent.objects.filter(object_id=str(concern.pk)).get()
    assert row.actor_id is None and row.action == "create"


def test_a_named_citizen_is_source_citizen_and_their_contact_is_kept_in_the_encrypted_text(cast, routing):
    concern = concern_create_public(
        municipality_id=cast["sagsbehandler"].municipality_id,
        child=PersonData(name="Sara Testesen"),
        description="Bekymring.",
        notifier_name="Hanne Nabo",
        notifier_contact="12 34 56 78",
    )
    assert concern.source == Concern.Source.CITIZEN
    assert "Hanne Nabo" in concern.description and "12 34 56 78" in concern.description
    assert concern.receipt_due_at is None


def test_a_municipality_without_routing_refuses(cast):
    from tryg.accounts.models import Municipality

    elsewhere = Municipality.objects.create(
        name="Uden Modtagelse", code="999", region=cast["sagsbehandler"].municipality.region
    )
    with pytest.raises(ValidationError):
        concern_create_public(
            municipality_id=elsewhere.pk,
            child=PersonData(name="Sara Testesen"),
            description="Bekymring.",
        )
