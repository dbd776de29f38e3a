"""The administrator's intake settings (receiving units, retention) and the case worker's archive hold."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.accounts.models import Unit
from tryg.audit.models import AuditEvent
from tryg.cases import services
from tryg.cases.models import Case, IntakeRouting, Person, TimelineEntry
from tryg.cases.tasks import anonymise_expired_cases

from .helpers import make_case, make_concern

pytestmark = pytest.mark.django_db

SETTINGS = "cases:intake-settings"


def _unit(name):
    return Unit.objects.get(name=name)


def test_the_administrator_changes_the_receiving_units_and_the_retention_time(clients, cast, routing):
    ssp = _unit("SSP Aalborg")
    children = _unit("Børne- og Familieafdelingen")
    client = clients["admin"]
    page = client.get(reverse(SETTINGS)).content.decode()
    assert "Socialafdelingen, voksne" in page and "Familieafdelingen Hjørring" not in page  # own units only

    data = {"child_unit": children.pk, "adult_unit": ssp.pk, "retention_years": 2}
    response = client.post(reverse(SETTINGS), data)
    assert response.status_code == 302

    routing = IntakeRouting.objects.get(municipality=cast["admin"].municipality)
    assert (routing.adult_unit, routing.retention_years) == (ssp, 2)
    concern = make_concern(cast, name="Voksen Vera", target_group="adult")
    assert concern.receiving_unit == ssp
    case = make_case(cast, name="Lukket Lars")
    services.case_set_status(actor=cast["sagsbehandler"], case=case, status="closed", outcome="support")
    case.refresh_from_db()
    closed = timezone.localdate(case.closed_at)
    assert case.retention_until == closed.replace(year=closed.year + 2)
    row = AuditEvent.objects.get(actor_username="admin", object_type="cases.intakerouting")
    assert row.municipality_id == cast["admin"].municipality_id and "retention=2" in row.detail


@pytest.mark.parametrize(
    "change",
    [
        {"adult_unit": "other-municipality"},
        {"retention_years": 0},
        {"retention_years": 31},
        {"retention_years": "fem"},
        {"child_unit": ""},
    ],
)
def test_bad_intake_settings_are_refused_and_change_nothing(clients, cast, routing, change):
    before = IntakeRouting.objects.values().get(municipality=cast["admin"].municipality)
    data = {"child_unit": before["child_unit_id"], "adult_unit": before["adult_unit_id"], "retention_years": 5}
    data.update(change)
    if data["adult_unit"] == "other-municipality":
        data["adult_unit"] = _unit("Voksenafdelingen Hjørring").pk
    response = clients["admin"].post(reverse(SETTINGS), data)
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    assert IntakeRouting.objects.values().get(municipality=cast["admin"].municipality) == before


@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "konsulent", "tovholder", "partner", "outsider"])
def test_only_the_administrator_reaches_the_intake_settings(clients, role, routing):
    assert clients[role].get(reverse(SETTINGS)).status_code == 404
    assert clients[role].post(reverse(SETTINGS), {"retention_years": 1}).status_code == 404


def test_the_administrator_sets_up_a_municipality_without_routing(clients, cast):
    page = clients["admin"].get(reverse(SETTINGS)).content.decode()
    assert "endnu ikke valgt modtagere" in page
    data = {
        "child_unit": _unit("Børne- og Familieafdelingen").pk,
        "adult_unit": _unit("Socialafdelingen, voksne").pk,
        "retention_years": 5,
    }
    assert clients["admin"].post(reverse(SETTINGS), data).status_code == 302
    assert make_concern(cast, name="Nu Nanna").receiving_unit.name == "Børne- og Familieafdelingen"


def _expire(case, cast):
    services.case_set_status(actor=cast["sagsbehandler"], case=case, status="closed", outcome="support")
    Case.objects.filter(pk=case.pk).update(retention_until=timezone.localdate() - timedelta(days=1))


def test_archive_hold_keeps_a_case_past_its_retention_until_lifted(clients, cast, routing):
    case = make_case(cast, name="Arkiv Asta")
    client = clients["sagsbehandler"]
    url = reverse("cases:archive-hold", args=[case.pk])

    response = client.post(url, {"hold": "1", "reason": "Verserende klagesag"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.archive_hold
    assert "Arkivstop: Verserende klagesag" in [e.text for e in TimelineEntry.objects.filter(case=case)]
    assert AuditEvent.objects.filter(action="update", object_id=str(case.pk), purpose="Arkivstop").count() == 1
    assert "Sagen har arkivstop" in client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()

    _expire(case, cast)
    assert anonymise_expired_cases.enqueue().return_value == 0
    assert Person.objects.get(pk=case.person_id).name == "Arkiv Asta"

    assert client.post(url, {"hold": "0", "reason": "Klagesagen er afgjort"}).status_code == 302
    assert anonymise_expired_cases.enqueue().return_value == 1
    assert Person.objects.get(pk=case.person_id).name == "[anonymiseret]"
    # Once anonymised, the hold can no longer be changed.
    response = client.post(url, {"hold": "1", "reason": "For sent"})
    assert response.status_code == 400 and "anonymiseret" in response.content.decode()


@pytest.mark.parametrize("data", [{"hold": "1", "reason": ""}, {"hold": "0", "reason": "Ingen stop at ophæve"}, {}])
def test_bad_archive_hold_input_is_refused_and_changes_nothing(clients, cast, routing, data):
    case = make_case(cast, name="Uændret Ulf")
    entries = TimelineEntry.objects.filter(case=case).count()
    response = clients["sagsbehandler"].post(reverse("cases:archive-hold", args=[case.pk]), data)
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    case.refresh_from_db()
    assert not case.archive_hold and TimelineEntry.objects.filter(case=case).count() == entries


@pytest.mark.parametrize("role", ["fagperson", "konsulent", "tovholder", "partner", "admin", "outsider"])
def test_only_the_case_team_sets_archive_hold(clients, cast, routing, role):
    case = make_case(cast, name="Team Tim")
    response = clients[role].post(reverse("cases:archive-hold", args=[case.pk]), {"hold": "1", "reason": "x"})
    assert response.status_code == 404
    case.refresh_from_db()
    assert not case.archive_hold
