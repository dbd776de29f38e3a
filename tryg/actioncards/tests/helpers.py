"""Small cards for tests, built through the same services the pages use."""

import yaml

from tryg.accounts.models import Municipality
from tryg.actioncards.services import card_import, card_publish

SMALL_CARD = """
slug: lille-kort
title: Et lille kort
target_group: child
start: q1
nodes:
  - id: q1
    kind: question
    text: Er barnet i fare?
    options:
      - {id: ja, label: "Ja", next: slut-akut}
      - {id: nej, label: "Nej", next: i1}
  - id: i1
    kind: instruction
    title: Tal med din leder
    text: Drøft det med din leder.
    checklist: ["Skriv ned, hvad du har set"]
    next: q2
  - id: q2
    kind: question
    text: Er du stadig bekymret?
    options:
      - {id: ja, label: "Ja, stadig", next: slut-underret}
      - {id: nej, label: "Nej", next: slut-ro}
  - id: slut-akut
    kind: outcome
    title: Ring 112
    text: Ring til politiet.
    actions: [Ring 112]
    create_concern: true
    target_group: child
  - id: slut-underret
    kind: outcome
    title: Underret kommunen
    text: Send en underretning.
    actions: [Underret i dag, Tal ikke med forældrene om det]
    create_concern: true
    target_group: child
  - id: slut-ro
    kind: outcome
    title: Hold øje
    text: Hold øje med barnet.
    create_concern: false
"""


def aalborg() -> Municipality:
    return Municipality.objects.get(code="851")


def make_card(text: str = SMALL_CARD, *, municipality="aalborg", publish: bool = True, user=None):
    """Import `text` (into Aalborg by default, None = national) and publish it. Returns the version."""
    target = aalborg() if municipality == "aalborg" else municipality
    version = card_import(user=user, municipality=target, text=text)
    if publish:
        version = card_publish(user=user, card=version.card, number=version.number)
    return version


def change_title(text: str, title: str) -> str:
    data = yaml.safe_load(text)
    data["title"] = title
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def chain_card(questions: int, *, slug: str = "stort-kort") -> str:
    """A card of `questions` questions in a chain; each has an option to an outcome of its own."""
    nodes = []
    for i in range(questions):
        nxt = f"q{i + 1}" if i + 1 < questions else "slut"
        nodes.append(
            {
                "id": f"q{i}",
                "kind": "question",
                "text": f"Spørgsmål nummer {i}?",
                "options": [
                    {"id": "videre", "label": "Videre", "next": nxt},
                    {"id": "stop", "label": "Stop her", "next": f"r{i}"},
                ],
            }
        )
        nodes.append({"id": f"r{i}", "kind": "outcome", "title": f"Resultat {i}", "text": "Stop."})
    nodes.append({"id": "slut", "kind": "outcome", "title": "Slut", "text": "Færdig."})
    doc = {"slug": slug, "title": "Et stort kort", "target_group": "all", "start": "q0", "nodes": nodes}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
