"""The directory's form sets, keeps and clears the unit in Tryg that answers referrals to an actor."""

import pytest
from django.urls import reverse

from tryg.accounts.models import Unit
from tryg.audit.models import AuditEvent
from tryg.coordination import services
from tryg.coordination.models import Actor

pytestmark = pytest.mark.django_db


def test_the_coordinator_sets_changes_and_clears_the_unit_that_answers_referrals(clients, cast):
    partner_unit = cast["partner"].memberships_cached[0].unit
    client = clients["tovholder"]
    form = client.get(reverse("coordination:actor-create")).content.decode()
    assert 'name="unit"' in form and f"{partner_unit.name} ({partner_unit.municipality.name})" in form
    data = {"name": "Rådgivning Nord", "kind": "advice", "unit": partner_unit.pk}
    assert client.post(reverse("coordination:actor-create"), data).status_code == 302
    actor = Actor.objects.get(name="Rådgivning Nord")
    assert actor.unit == partner_unit and actor.municipality_id == cast["tovholder"].municipality_id
    edit = reverse("coordination:actor-edit", args=[actor.pk])
    page = client.get(edit).content.decode()
    assert f'<option value="{partner_unit.pk}" selected>' in page
    # Saving the form unchanged keeps the unit (it used to be cleared: the form had no unit field).
    assert client.post(edit, {"name": "Rådgivning Nord", "kind": "advice", "unit": partner_unit.pk}).status_code == 302
    actor.refresh_from_db()
    assert actor.unit == partner_unit
    assert client.post(edit, {"name": "Rådgivning Nord", "kind": "advice", "unit": ""}).status_code == 302
    actor.refresh_from_db()
    assert actor.unit is None


def test_an_unknown_or_inactive_unit_is_refused_and_nothing_changes(clients, cast):
    actor = services.actor_save(actor=cast["tovholder"], name="Egen aktør", kind="other")
    closed = Unit.objects.create(municipality=cast["tovholder"].municipality, name="Nedlagt enhed", kind="other")
    Unit.objects.filter(pk=closed.pk).update(is_active=False)
    edit = reverse("coordination:actor-edit", args=[actor.pk])
    for bad in (closed.pk, 999_999, "x"):
        response = clients["tovholder"].post(edit, {"name": "Ændret", "kind": "other", "unit": bad})
        assert response.status_code == 400 and "unit" in response.context["form"].errors
    actor.refresh_from_db()
    assert actor.name == "Egen aktør" and actor.unit is None


def test_only_the_coordinator_of_the_municipality_edits_its_actors(clients, cast):
    own = services.actor_save(actor=cast["tovholder"], name="Aalborgs aktør", kind="other")
    unit = cast["partner"].memberships_cached[0].unit
    for role in ("fagperson", "sagsbehandler", "konsulent", "partner", "outsider"):
        client = clients[role]
        assert client.get(reverse("coordination:actor-create")).status_code == 404
        edit = reverse("coordination:actor-edit", args=[own.pk])
        assert client.post(edit, {"name": "Kapret", "kind": "other", "unit": unit.pk}).status_code == 404
    own.refresh_from_db()
    assert own.name == "Aalborgs aktør" and own.unit is None
    assert AuditEvent.objects.filter(action="refused", actor=cast["outsider"], object_id=str(own.pk)).exists()
