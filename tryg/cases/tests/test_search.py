"""Case search by name words or CPR number through the token index: newest first, only the user's cases,
every match found also when it lies beyond the first chunk read, and no plain text in the index."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tryg.cases import selectors, services
from tryg.cases.models import CaseMember, Person, PersonToken
from tryg.core.testing import login_verified

from .helpers import make_case, make_concern

pytestmark = pytest.mark.django_db


def _registered(case, days_ago: int):
    Person.objects.filter(pk=case.person_id).update(created_at=timezone.now() - timedelta(days=days_ago))
    PersonToken.objects.filter(person_id=case.person_id).update(created_at=timezone.now() - timedelta(days=days_ago))


def test_a_name_search_lists_the_newest_first_across_chunks(clients, cast, routing, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_CHUNK", 2)  # force several chunks with a handful of persons
    for i, first in enumerate(["Ali", "Bo", "Cem", "Dan", "Eva"]):
        _registered(make_case(cast, name=f"{first} Fællesnavn"), days_ago=10 - i)
    make_case(cast, name="Fie Andetnavn")
    worker = clients["sagsbehandler"]

    body = worker.post(reverse("cases-api:case-search"), {"q": "fællesnavn"}, content_type="application/json").json()
    assert body["count"] == 5
    assert [r["person_name"] for r in body["results"]] == [
        "Eva Fællesnavn",
        "Dan Fællesnavn",
        "Cem Fællesnavn",
        "Bo Fællesnavn",
        "Ali Fællesnavn",
    ]
    limited = worker.post(
        reverse("cases-api:case-search"), {"q": "fællesnavn", "limit": 3}, content_type="application/json"
    ).json()
    assert [r["person_name"] for r in limited["results"]] == ["Eva Fællesnavn", "Dan Fællesnavn", "Cem Fællesnavn"]
    both = worker.post(
        reverse("cases-api:case-search"), {"q": "cem fællesnavn"}, content_type="application/json"
    ).json()
    assert [r["person_name"] for r in both["results"]] == ["Cem Fællesnavn"]
    page = worker.post(reverse("cases:case-list"), {"q": "Fællesnavn"}, follow=True).content.decode()
    assert page.index("Eva Fællesnavn") < page.index("Ali Fællesnavn") and "Fie Andetnavn" not in page


def test_matches_the_user_may_not_see_are_skipped_not_counted(clients, cast, routing, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_CHUNK", 2)
    cases = [make_case(cast, name=f"Person{i} Konsulentnavn") for i in range(5)]
    for i, case in enumerate(cases):
        _registered(case, days_ago=10 - i)
    # The consultant is on the team of the two oldest only: they lie in the last chunks read.
    for case in cases[:2]:
        services.member_add(
            actor=cast["sagsbehandler"], case=case, user=cast["konsulent"], role=CaseMember.Role.SECURITY_CONSULTANT
        )
    found = (
        clients["konsulent"]
        .post(reverse("cases-api:case-search"), {"q": "konsulentnavn"}, content_type="application/json")
        .json()
    )
    assert [r["number"] for r in found["results"]] == [cases[1].number, cases[0].number]
    assert (
        clients["outsider"]
        .post(reverse("cases-api:case-search"), {"q": "konsulentnavn"}, content_type="application/json")
        .json()["count"]
        == 0
    )


def test_the_index_holds_keyed_hashes_and_follows_the_person(clients, cast, routing):
    case = make_case(cast, name="Hemmelig Hashsen", cpr="010203-4445")
    rows = list(PersonToken.objects.filter(person_id=case.person_id).values_list("token", flat=True))
    assert len(rows) == 3 and all(len(t) >= 24 and "hemmelig" not in t.lower() for t in rows)
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM cases_persontoken")
        raw = " ".join(r[0] for r in cursor.fetchall())
    assert "Hemmelig" not in raw and "010203" not in raw
    assert (
        clients["sagsbehandler"]
        .post(reverse("cases-api:case-search"), {"q": "0102034445"}, content_type="application/json")
        .json()["count"]
        == 1
    )

    # A person registered in a new concern is findable at once; an anonymised one is gone from the index.
    concern = make_concern(cast, name="Ny Hashsen")
    assert PersonToken.objects.filter(person_id=concern.person_id).count() == 2
    services.case_set_status(actor=cast["sagsbehandler"], case=case, status="closed", outcome="support")
    services.case_anonymise(case=case)
    assert not PersonToken.objects.filter(person_id=case.person_id).exists()
    assert (
        clients["sagsbehandler"]
        .post(reverse("cases-api:case-search"), {"q": "hashsen"}, content_type="application/json")
        .json()["count"]
        == 0
    )


def test_a_name_search_costs_the_same_queries_however_many_match(clients, cast, routing):
    from tryg.core.testing import assert_flat_queries

    worker = clients["sagsbehandler"]
    counter = {"n": 0}

    def more(n):
        for _ in range(n):
            counter["n"] += 1
            make_case(cast, name=f"P{counter['n']} Budgetnavn")

    assert_flat_queries(more, lambda: worker.post(reverse("cases:case-list"), {"q": "budgetnavn"}, follow=True))


def test_a_case_search_is_posted_and_the_url_holds_only_a_key(clients, cast, routing):
    """SECURITY.md: no personal data in URLs. A name or CPR number is posted; the page is read back by a key."""
    case = make_case(cast, name="Nøgle Nadia", cpr="150610-4001")
    worker = clients["sagsbehandler"]
    url = reverse("cases:case-list")
    response = worker.post(url, {"q": "150610-4001", "status": ""})
    assert response.status_code == 303
    location = response["Location"]
    assert location.startswith(url + "?s=") and "150610" not in location and "q=" not in location
    page = worker.get(location).content.decode()
    assert case.number in page and 'value="150610-4001"' in page
    # A CPR number typed into the query string by hand is not searched for.
    typed = worker.get(url, {"q": "150610-4001"})
    assert typed.context["form"].data.get("q") is None and 'value="150610-4001"' not in typed.content.decode()
    # Another session does not know the key: a notice and a fresh form, not the search.
    other = login_verified(Client(), cast["sagsbehandler"]).get(location).content.decode()
    assert "Søgningen er ikke længere gemt" in other and 'value="150610-4001"' not in other


def test_the_api_takes_a_name_or_cpr_number_only_in_a_posted_body(clients, cast, routing):
    """SECURITY.md: no personal data in URLs. `GET /cases/?q=` takes a case number only; a name or a CPR number
    in the query string is refused with a clear error and searched for by nobody (no search row in the log)."""
    from tryg.audit.models import Action, AuditEvent

    case = make_case(cast, name="Postet Petra", cpr="150610-4001")
    worker = clients["sagsbehandler"]
    before = AuditEvent.objects.filter(action=Action.SEARCH).count()
    for typed in ("Petra", "150610-4001", "1506104001"):
        response = worker.get(reverse("cases-api:case-list"), {"q": typed})
        assert response.status_code == 400, typed
        assert "POST /api/v1/cases/search/" in response.json()["error"]["fields"]["q"][0]
    assert AuditEvent.objects.filter(action=Action.SEARCH).count() == before

    by_number = worker.get(reverse("cases-api:case-list"), {"q": case.number}).json()
    assert [r["number"] for r in by_number["results"]] == [case.number]
    search = reverse("cases-api:case-search")
    for typed in ("petra", "150610-4001", case.number):
        body = worker.post(search, {"q": typed}, content_type="application/json").json()
        assert [r["number"] for r in body["results"]] == [case.number], typed
    row = AuditEvent.objects.filter(action=Action.SEARCH).first()
    assert row.actor_username == "sagsbehandler" and "petra" not in row.detail.lower() and "150610" not in row.detail

    bad = worker.post(search, {"q": "x" * 101, "status": "bogus"}, content_type="application/json")
    assert bad.status_code == 400 and set(bad.json()["error"]["fields"]) == {"q", "status"}
    assert worker.post(search, "[1, 2]", content_type="application/json").status_code == 400


def test_the_posted_search_is_refused_to_roles_without_cases_and_empty_for_another_municipality(clients, cast, routing):
    from tryg.audit.models import Action, AuditEvent

    make_case(cast, name="Skjult Sofie")
    search = reverse("cases-api:case-search")
    for name in ("fagperson", "tovholder"):
        assert clients[name].post(search, {"q": "sofie"}, content_type="application/json").status_code == 404
    assert AuditEvent.objects.filter(action=Action.REFUSED, actor_username="fagperson").exists()
    assert clients["outsider"].post(search, {"q": "sofie"}, content_type="application/json").json()["count"] == 0
    assert Client().post(search, {"q": "sofie"}, content_type="application/json").status_code in (401, 403)
