"""Intake: creating a concern, routing, acute notification, the notifier's status-only view, the queue."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.cases.models import Concern, Notification, Person

from .helpers import hours_ago, make_concern

pytestmark = pytest.mark.django_db


def _post_concern(client, **overrides):
    data = {
        "target_group": "child",
        "name": "Amal Testesen",
        "birth_date": "",
        "age_group": "13-17",
        "cpr": "",
        "address": "Testvej 1, 9000 Aalborg",
        "description": "Hun fortæller, at hun skal giftes i sommerferien.",
        "urgency": "normal",
        "related-TOTAL_FORMS": "2",
        "related-INITIAL_FORMS": "0",
        "related-MIN_NUM_FORMS": "0",
        "related-MAX_NUM_FORMS": "10",
        "related-0-name": "Bror Testesen",
        "related-0-relation": "sibling",
        "related-0-safe_to_contact": "on",
    }
    data.update(overrides)
    return client.post(reverse("cases:concern-create"), data)


def test_it_creates_a_concern_routed_to_the_child_unit_with_both_clocks(clients, cast, routing):
    response = _post_concern(clients["fagperson"])
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.receiving_unit.name == "Børne- og Familieafdelingen"
    assert concern.notifier == cast["fagperson"]
    assert concern.assessment_due_at == concern.received_at + timedelta(hours=24)
    assert concern.receipt_due_at is not None and concern.receipt_due_at > concern.received_at + timedelta(days=6)
    assert concern.person.address == ""  # not marked safe, so not stored
    assert [r.name for r in concern.related_persons.all()] == ["Bror Testesen"]
    assert (
        AuditEvent.objects.filter(action="create", object_id=str(concern.pk), subject_id=str(concern.person_id)).count()
        == 1
    )


def test_it_keeps_the_address_only_when_marked_safe(clients, routing):
    _post_concern(clients["fagperson"], address_is_safe="on")
    assert Person.objects.get().address == "Testvej 1, 9000 Aalborg"


def test_it_routes_adults_to_the_adult_unit_without_the_clocks_of_barnets_lov(clients, routing):
    _post_concern(clients["fagperson"], target_group="adult", age_group="18-24")
    concern = Concern.objects.get()
    assert concern.receiving_unit.name == "Socialafdelingen, voksne"
    assert concern.assessment_due_at is None
    assert concern.receipt_due_at is None  # the receipt (barnets lov § 138) is owed for children only


def test_it_rejects_bad_input_with_an_error_summary_and_saves_nothing(clients, routing):
    response = _post_concern(clients["fagperson"], name="", cpr="310299-1234", target_group="nonsense")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert "gyldig dato" in body
    assert not Concern.objects.exists() and not Person.objects.exists()


def test_it_validates_cpr_format(clients, routing):
    response = _post_concern(clients["fagperson"], cpr="12345")
    assert response.status_code == 400
    assert "DDMMÅÅ-XXXX" in response.content.decode()
    response = _post_concern(clients["fagperson"], cpr="0101901234")
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.cpr == "010190-1234"
    assert str(person.birth_date) == "1990-01-01"


def test_it_flags_acute_concerns_and_notifies_on_duty_caseworkers(
    clients, cast, routing, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_concern(clients["fagperson"], urgency="acute")
    assert response.status_code == 302
    note = Notification.objects.get(user=cast["sagsbehandler"])
    assert "Akut" in note.text
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sagsbehandler@demo.invalid"]
    assert "Amal" not in mail.outbox[0].body  # no personal data in e-mail


def test_it_shows_the_notifier_only_the_status(clients, cast, routing):
    concern = make_concern(cast, name="Hemmelig Hansen", description="Meget følsom tekst")
    body = clients["fagperson"].get(reverse("cases:my-concerns")).content.decode()
    assert "Modtaget" in body
    assert "Hemmelig" not in body and "følsom" not in body
    assert clients["fagperson"].get(reverse("cases:concern-detail", args=[concern.pk])).status_code == 404


def test_it_orders_the_queue_acute_first_then_by_deadline_and_marks_overdue(clients, cast, routing):
    make_concern(cast, name="Normal Nyere", received_at=hours_ago(1))
    make_concern(cast, name="Forfalden Ældre", received_at=hours_ago(30))
    make_concern(cast, name="Akut Anden", urgency="acute", received_at=hours_ago(2))
    response = clients["sagsbehandler"].get(reverse("cases:queue"))
    body = response.content.decode()
    assert body.index("Akut Anden") < body.index("Forfalden Ældre") < body.index("Normal Nyere")
    assert "tryg-overdue" in body and "Overskredet" in body
    assert AuditEvent.objects.filter(action="search", object_type="cases.concern").count() == 1


def test_it_keeps_the_queue_query_count_flat(clients, cast, routing):
    from tryg.core.testing import assert_flat_queries

    client = clients["sagsbehandler"]
    assert_flat_queries(
        lambda n: [make_concern(cast, name=f"Person {i}") for i in range(n)],
        lambda: client.get(reverse("cases:queue")),
    )


def test_it_prefills_the_form_from_a_walk_of_the_user_only(clients, cast, routing):
    response = clients["fagperson"].get(reverse("cases:concern-create") + "?walk=00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404


def test_it_refuses_concerns_when_the_municipality_has_no_routing(clients, cast):
    response = _post_concern(clients["fagperson"])
    assert response.status_code == 400
    assert not Concern.objects.exists()


def test_received_at_is_aware_utc(cast, routing):
    concern = make_concern(cast)
    assert timezone.is_aware(concern.received_at)


def test_it_pages_the_queue_without_losing_or_repeating_a_concern(clients, cast, routing):
    from tryg.cases.views import QUEUE_PAGE

    names = [f"Kø Person {i:03d}" for i in range(QUEUE_PAGE + 3)]
    for i, name in enumerate(names):
        make_concern(cast, name=name, received_at=hours_ago(len(names) - i))
    client = clients["sagsbehandler"]
    first = client.get(reverse("cases:queue")).content.decode()
    second = client.get(reverse("cases:queue"), {"page": 2}).content.decode()
    assert f"1–{QUEUE_PAGE} af {len(names)} underretninger" in first and "?page=2" in first
    assert f"{QUEUE_PAGE + 1}–{len(names)} af {len(names)}" in second and "?page=1" in second
    shown = [name for name in names if name in first] + [name for name in names if name in second]
    assert sorted(shown) == names  # every concern once, oldest (nearest deadline) first
    assert names[0] in first and names[-1] in second
    beyond = client.get(reverse("cases:queue"), {"page": 3})
    assert beyond.status_code == 200 and "ikke flere underretninger" in beyond.content.decode()
    for bad in ("0", "-1", "x", "99999999"):
        response = client.get(reverse("cases:queue"), {"page": bad})
        assert response.status_code == 400 and "Siden findes ikke" in response.content.decode()
    searches = AuditEvent.objects.filter(action="search", object_type="cases.concern").order_by("id")
    assert list(searches.values_list("detail", flat=True)) == ["kø", "kø, side 2", "kø, side 3"]  # not bad pages
