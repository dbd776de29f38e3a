"""The knowledge API: ranked search with snippets, one entry, and the error shape for bad input."""

import pytest
from django.urls import reverse

from tryg.knowledge.models import Entry

LIST = reverse("knowledge-api:entry-list")


def detail(slug):
    return reverse("knowledge-api:entry-detail", args=[slug])


@pytest.mark.django_db
def test_it_searches_with_rank_and_snippet(content, clients):
    response = clients["fagperson"].get(LIST, {"q": "tvangsægteskaber", "kind": "legal_provision"})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] >= 2 and body["page"] == 1
    first = body["results"][0]
    assert set(first) >= {"slug", "kind", "title", "label", "summary", "rank", "snippet", "url", "superseded_by"}
    assert first["kind"] == "legal_provision"
    assert "<mark>" in first["snippet"].lower()
    ranks = [r["rank"] for r in body["results"]]
    assert ranks == sorted(ranks, reverse=True)
    assert "straffeloven-260-stk-2" in [r["slug"] for r in body["results"]]


@pytest.mark.django_db
def test_it_pages_through_results(content, clients):
    client = clients["fagperson"]
    first = client.get(LIST, {"kind": "warning_sign", "page_size": 10}).json()
    second = client.get(LIST, {"kind": "warning_sign", "page_size": 10, "page": 2}).json()

    assert first["count"] >= 30 and len(first["results"]) == 10 and first["next"] == 2
    assert second["previous"] == 1
    assert not {r["slug"] for r in first["results"]} & {r["slug"] for r in second["results"]}


@pytest.mark.django_db
def test_it_shows_what_replaced_a_superseded_provision(content, clients):
    body = clients["fagperson"].get(LIST, {"q": "serviceloven 50"}).json()

    hit = next(r for r in body["results"] if r["slug"] == "serviceloven-50")
    # Serviceloven § 50 was replaced by barnets lov §§ 18–23, mainly § 20 (the main successor comes first).
    assert hit["superseded_by"] == {"slug": "barnets-lov-20", "label": "Barnets lov §§ 18–23 (især § 20)"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"kind": "bogus"},
        {"group": "x"},
        {"target_group": "baby"},
        {"page": "0"},
        {"page_size": "500"},
        {"q": "x" * 300},
    ],
)
def test_bad_input_gets_400_with_the_error_shape(clients, params):
    response = clients["fagperson"].get(LIST, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["fields"]


@pytest.mark.django_db
def test_it_returns_one_entry_with_its_links(content, clients):
    body = clients["fagperson"].get(detail("barnets-lov-133")).json()

    assert body["label"] == "Barnets lov § 133"
    assert body["law"] == "Barnets lov" and body["paragraph"] == "§ 133"
    assert body["verified"] is True  # § 133 replaced serviceloven § 153 (confirmed against the sources)
    assert body["version"] == 1 and body["superseded_by"] is None
    assert "barnets-lov-136" in [link["slug"] for link in body["links"]]


@pytest.mark.django_db
def test_a_municipalitys_own_entry_is_404_for_others(content, clients):
    assert clients["fagperson"].get(detail("kontakt-tryg-aalborg")).status_code == 200
    response = clients["outsider"].get(detail("kontakt-tryg-aalborg"))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert clients["fagperson"].get(detail("does-not-exist")).status_code == 404


@pytest.mark.django_db
def test_anonymous_requests_are_refused(clients):
    assert clients["anonymous"].get(LIST).status_code == 401
    assert clients["anonymous"].get(detail("x")).status_code == 401


@pytest.mark.django_db
def test_drafts_are_not_served(clients, aalborg):
    from tryg.knowledge.services import entry_create_draft

    entry_create_draft(
        actor=None, municipality=None, slug="kladde", kind=Entry.Kind.TOOL, title="T", tool_type="template"
    )
    assert clients["fagperson"].get(detail("kladde")).status_code == 404
    assert clients["fagperson"].get(LIST).json()["count"] == 0


@pytest.mark.django_db
def test_the_endpoints_are_in_the_schema(clients):
    response = clients["anonymous"].get("/api/schema/", HTTP_ACCEPT="application/json")
    text = response.content.decode()
    assert "/api/v1/knowledge/" in text and "/api/v1/knowledge/{slug}/" in text
