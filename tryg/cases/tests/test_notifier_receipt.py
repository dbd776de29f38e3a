"""The notifier's reference number, own label, receipt and the feedback the law allows (barnets lov § 138)."""

from django.urls import reverse

from tryg.cases import services
from tryg.cases.models import Concern

from .helpers import make_concern


def test_each_concern_gets_a_reference_and_mine_shows_reference_label_and_target_group(clients, cast, routing):
    first = make_concern(cast, notifier_label="Eleven i 7.b")
    second = make_concern(cast, target_group="adult")
    assert first.reference.startswith("U") and first.reference.endswith("-00001")
    assert second.reference.endswith("-00002")
    body = clients["fagperson"].get(reverse("cases:my-concerns")).content.decode()
    assert first.reference in body and second.reference in body and "Eleven i 7.b" in body
    assert "Barn eller ung under 18" in body and "Test Person" not in body


def test_the_receipt_names_the_date_and_the_receiving_unit(clients, cast, routing):
    concern = make_concern(cast)
    services.concern_confirm_receipt(actor=cast["sagsbehandler"], concern=concern)
    note = cast["fagperson"].notifications.get(text__contains="er modtaget")
    assert concern.reference in note.text and "Børne- og Familieafdelingen" in note.text
    body = clients["fagperson"].get(reverse("cases:my-concerns")).content.decode()
    assert "af Børne- og Familieafdelingen" in body


def test_the_case_worker_sends_feedback_and_the_notifier_sees_exactly_that(clients, cast, routing):
    concern = make_concern(cast, description="Hemmelig beskrivelse")
    url = reverse("cases:concern-feedback", args=[concern.pk])
    assert clients["sagsbehandler"].post(url, {"feedback": "maybe"}).status_code == 400
    for role in ("fagperson", "konsulent", "outsider", "tovholder"):
        assert clients[role].post(url, {"feedback": "investigating"}).status_code == 404
    response = clients["sagsbehandler"].post(url, {"feedback": "investigating"})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.feedback == "investigating" and concern.feedback_by == cast["sagsbehandler"]
    assert cast["fagperson"].notifications.filter(text__contains="undersøger").exists()
    body = clients["fagperson"].get(reverse("cases:my-concerns")).content.decode()
    assert str(Concern.Feedback.INVESTIGATING.label) in body and "Hemmelig beskrivelse" not in body
    api = clients["fagperson"].get(reverse("cases-api:concern-detail", args=[concern.pk])).json()
    assert api["feedback"] == "investigating" and "description" not in api


def test_no_feedback_for_a_concern_from_a_partner(clients, cast, routing):
    from_partner = make_concern(cast, actor="partner")
    response = clients["sagsbehandler"].post(
        reverse("cases-api:concern-feedback", args=[from_partner.pk]),
        {"feedback": "support"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "no_feedback"
