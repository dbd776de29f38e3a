"""Each card version shows a readable diff against the previous version: who, when, which points."""

from html import unescape

import pytest
from django.urls import reverse

from tryg.actioncards.services import card_draft_save, card_publish

from .helpers import SMALL_CARD, make_card

pytestmark = pytest.mark.django_db


def _diff(client, number):
    return client.get(reverse("actioncards:version-diff", args=["lille-kort", number]))


def test_it_shows_the_changed_added_and_removed_points(cast, clients):
    tovholder = cast["tovholder"]
    v1 = make_card(user=tovholder)
    text = SMALL_CARD.replace("Ring til politiet.", "Ring 112 med det samme.").replace(
        "  - id: slut-ro\n    kind: outcome\n    title: Hold øje\n    text: Hold øje med barnet.\n"
        "    create_concern: false\n",
        "  - id: slut-ro\n    kind: outcome\n    title: Hold øje\n    text: Hold øje med barnet.\n"
        "    create_concern: false\n    contacts: [politiet-114]\n",
    )
    v2 = card_draft_save(user=tovholder, card=v1.card, text=text)
    card_publish(user=tovholder, card=v1.card, number=v2.number)

    response = _diff(clients["fagperson"], 2)

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Ændringer i version 2" in html and "Ring til politiet." not in html.replace("<del>", "")
    assert "<del>" in html and "<ins>" in html and "med det samme" in html
    assert "politiet-114" in html and "(slut-akut)" in html and "(slut-ro)" in html
    assert tovholder.display_name in html
    assert reverse("actioncards:version-detail", args=["lille-kort", 1]) in html
    detail = clients["fagperson"].get(reverse("actioncards:version-detail", args=["lille-kort", 2])).content.decode()
    assert reverse("actioncards:version-diff", args=["lille-kort", 2]) in detail


def test_the_first_version_is_compared_with_nothing(cast, clients):
    make_card(user=cast["tovholder"])

    html = _diff(clients["fagperson"], 1).content.decode()

    assert "første version" in html and "Nyt" in html


def test_another_municipalitys_card_diff_is_a_404(cast, clients):
    make_card(user=cast["tovholder"])

    assert _diff(clients["outsider"], 1).status_code == 404
    assert _diff(clients["anonymous"], 1).status_code == 302
    assert _diff(clients["fagperson"], 7).status_code == 404
