"""The print view: the whole card as a readable outline with print CSS and a Print button."""

from django.urls import reverse

from .helpers import SMALL_CARD, aalborg, make_card


def test_it_renders_the_whole_flow_as_a_numbered_outline(cast, clients):
    make_card()
    response = clients["fagperson"].get(reverse("actioncards:version-detail", args=["lille-kort", 1]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/static/actioncards/print.css" media="print"' in html
    assert '<button type="button" class="button button-primary" data-print>' in html
    # Breadth first from the start: q1, then its targets slut-akut and i1, then q2 and its outcomes.
    order = [html.index(text) for text in ("Er barnet i fare?", "Ring 112", "Tal med din leder", "Er du stadig")]
    assert order == sorted(order)
    assert 'Nej → <a href="#punkt-3">gå til punkt 3</a>' in html
    assert "Skriv ned, hvad du har set" in html and "Underret i dag" in html


def test_it_shows_drafts_only_to_editors(cast, clients):
    make_card()
    from tryg.actioncards.models import ActionCard
    from tryg.actioncards.services import card_draft_save

    card_draft_save(user=cast["tovholder"], card=ActionCard.objects.get(), text=SMALL_CARD)
    url = reverse("actioncards:version-detail", args=["lille-kort", 2])
    assert clients["tovholder"].get(url).status_code == 200
    assert clients["fagperson"].get(url).status_code == 404
    assert clients["fagperson"].get(reverse("actioncards:version-export", args=["lille-kort", 2])).status_code == 404


def test_it_prints_contacts_and_shows_what_superseded_a_cited_provision(cast, clients):
    from tryg.knowledge.content import load_municipal_content, load_national_content

    load_national_content()
    load_municipal_content(aalborg())
    text = SMALL_CARD.replace(
        "    actions: [Ring 112]\n",
        "    actions: [Ring 112]\n    contacts: [kontakt-tryg-aalborg]\n    provisions: [serviceloven-50]\n",
    )
    version = make_card(text)
    html = clients["fagperson"].get(reverse("actioncards:version-detail", args=["lille-kort", 1])).content.decode()
    assert "Tryg Aalborg, tlf. 99 82 34 20" in html
    # Serviceloven § 50 was replaced by barnets lov §§ 18–23, mainly § 20.
    assert "erstattet af" in html and "Barnets lov §§ 18–23 (især § 20)" in html
    from tryg.actioncards.models import Walk

    client = clients["fagperson"]
    client.post(reverse("actioncards:walk-start", args=["lille-kort"]), {"version": version.number})
    walk = Walk.objects.get()
    client.post(reverse("actioncards:walk-step", args=[walk.pk]), {"option": "ja", "node": "q1"})
    outcome = client.get(reverse("actioncards:walk-step", args=[walk.pk])).content.decode()
    assert "Erstattet af" in outcome and "Barnets lov §§ 18–23 (især § 20)" in outcome and "99 82 34 20" in outcome
    assert reverse("knowledge:entry", args=["barnets-lov-20"]) in outcome
