"""Aalborg's seed cards: they load with the knowledge base, the seed is idempotent, and card (1) leads to
the § 133 outcome with Aalborg's own contacts."""

import pytest
from django.urls import reverse

from tryg.actioncards.demo import demo_seed
from tryg.actioncards.models import ActionCard, CardVersion, Walk

from .helpers import aalborg


@pytest.fixture
def knowledge(cast):
    from tryg.knowledge.content import load_municipal_content, load_national_content

    load_national_content()
    load_municipal_content(aalborg())


@pytest.fixture
def seeded(cast, knowledge):
    users = {"tovholder": cast["tovholder"]}
    return demo_seed(users=users)


def test_it_seeds_four_published_aalborg_cards_once(cast, seeded):
    assert sorted(c.slug for c in seeded) == ["akut-fare", "bekymring-barn", "bekymring-voksen", "efter-underretning"]
    assert all(c.municipality == aalborg() for c in seeded)
    assert CardVersion.objects.filter(status="published").count() == 4
    assert demo_seed(users={"tovholder": cast["tovholder"]}) == []
    assert ActionCard.objects.count() == 4 and CardVersion.objects.count() == 4


def test_it_cites_only_knowledge_entries_that_exist(seeded):
    from tryg.knowledge.selectors import entries_by_slugs

    for version in CardVersion.objects.all():
        for node in version.graph["nodes"]:
            if node["kind"] == "outcome":
                slugs = node["contacts"] + node["provisions"]
                assert set(entries_by_slugs(aalborg(), slugs)) == set(slugs), (version.card.slug, node["id"])


def _walk_pages(client, slug, answers):
    client.post(reverse("actioncards:walk-start", args=[slug]), {"version": 1})
    walk = Walk.objects.order_by("-started_at").first()
    for option in answers:
        node = walk.current_node
        response = client.post(reverse("actioncards:walk-step", args=[walk.pk]), {"option": option, "node": node})
        assert response.status_code == 302, response.content.decode()[:500]
        walk.refresh_from_db()
    return walk


def test_it_leads_card_one_to_the_notification_outcome_with_aalborg_contacts(cast, clients, seeded):
    client = clients["fagperson"]
    # Not acute -> talk to the leader -> advice -> still worried -> no travel known -> notify.
    walk = _walk_pages(client, "bekymring-barn", ["nej", "next", "ja", "next", "ja", "nej"])
    assert walk.is_finished and walk.outcome_node == "underret"
    html = client.get(reverse("actioncards:walk-step", args=[walk.pk])).content.decode()
    assert "barnets lov § 133" in html
    for text in ("forældrene", "sms", "søskende", "sikkerhedskonsulenterne", "112"):
        assert text in html, text
    assert "Børne- og Familieafdelingen" in html and "Tryg Aalborg" in html and "99 82 34 20" in html
    assert "Sønderbro 12, 9000 Aalborg" in html
    assert "Barnets lov § 133" in html


def test_it_shows_the_national_contact_not_aalborgs_to_another_municipality(cast, clients, knowledge):
    from tryg.actioncards.selectors import outcome_details

    node = {"contacts": ["kontakt-tryg-aalborg", "politiet-112"], "provisions": []}
    hjoerring = cast["outsider"].municipality
    details = outcome_details(node, hjoerring)
    assert [c["missing"] for c in details["contacts"]] == [True, False]
    details = outcome_details(node, aalborg())
    assert details["contacts"][0]["phone"] == "99 82 34 20"


def test_it_walks_the_case_worker_card_through_the_safety_plan(cast, clients, seeded):
    client = clients["sagsbehandler"]
    walk = _walk_pages(client, "efter-underretning", ["next", "next", "nej", "ja", "next", "next"])
    assert walk.outcome_node == "opfoelgning"
    steps = list(walk.answers.values_list("question", flat=True))
    assert "Tal med barnet alene" in steps and "Lav en sikkerhedsplan sammen med den unge" in steps
