"""Every refused access (a 404 for a logged-in user) writes one "refused" row: actor, target, path."""

from django.urls import reverse

from tryg.audit.models import AuditEvent

from .helpers import make_case


def _refusals(username):
    return list(AuditEvent.objects.filter(action="refused", actor_username=username).order_by("id"))


def test_a_case_of_another_municipality_is_refused_and_filed_with_its_municipality(clients, cast, routing):
    case = make_case(cast, name="Afvist Anna")
    url = reverse("cases:case-detail", args=[case.pk])
    assert clients["outsider"].get(url).status_code == 404
    [row] = _refusals(cast["outsider"].username)
    assert (row.object_type, row.object_id) == ("cases.case", str(case.pk))
    assert row.municipality_id == case.municipality_id != cast["outsider"].municipality_id
    assert row.detail == url


def test_the_api_refusal_is_logged_once_too(clients, cast, routing):
    case = make_case(cast, name="Afvist Api")
    response = clients["outsider"].get(reverse("cases-api:case-detail", args=[case.pk]))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    [row] = _refusals(cast["outsider"].username)
    assert (row.object_type, row.object_id, row.municipality_id) == ("cases.case", str(case.pk), case.municipality_id)


def test_a_page_refused_by_role_is_logged_by_its_url_name(clients, cast):
    assert clients["fagperson"].get(reverse("cases:case-list")).status_code == 404
    [row] = _refusals(cast["fagperson"].username)
    assert row.object_type == "cases:case-list" and row.municipality_id == cast["fagperson"].municipality_id


def test_a_consultant_not_yet_on_the_team_leaves_a_row(clients, cast, routing):
    case = make_case(cast, name="Ikke Endnu")
    assert clients["konsulent"].get(reverse("cases:case-detail", args=[case.pk])).status_code == 404
    [row] = _refusals(cast["konsulent"].username)
    assert row.object_id == str(case.pk) and row.municipality_id == case.municipality_id


def test_an_unknown_object_is_refused_like_a_forbidden_one_and_anonymous_visitors_leave_no_row(client, clients, cast):
    unknown = "00000000-0000-0000-0000-000000000000"
    assert clients["sagsbehandler"].get(reverse("cases:case-detail", args=[unknown])).status_code == 404
    [row] = _refusals(cast["sagsbehandler"].username)
    assert row.object_id == unknown and row.municipality_id == cast["sagsbehandler"].municipality_id
    before = AuditEvent.objects.count()
    client.get(reverse("cases:case-detail", args=[unknown]))
    assert AuditEvent.objects.filter(action="refused").count() == 1 and AuditEvent.objects.count() == before


def test_a_failed_break_the_glass_leaves_a_refused_row(clients, cast, routing):
    response = clients["sagsbehandler"].post(
        reverse("cases:break-glass"), {"number": "2000-99999", "reason": "Akut behov for at se sagen nu."}
    )
    assert response.status_code == 400
    [row] = _refusals(cast["sagsbehandler"].username)
    assert row.object_type == "cases.case" and row.detail == "nødadgang: 2000-99999"
