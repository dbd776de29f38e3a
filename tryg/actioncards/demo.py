"""Aalborg's seed action cards (YAML files in ./cards), imported and published once. Idempotent."""

from pathlib import Path

from django.db import transaction

from tryg.accounts.models import Municipality

from .graph import parse_yaml
from .models import ActionCard
from .services import card_import, card_publish

CARDS_DIR = Path(__file__).resolve().parent / "cards"
SEED_CARDS = ["bekymring-barn.yaml", "bekymring-voksen.yaml", "akut-fare.yaml", "efter-underretning.yaml"]


@transaction.atomic
def demo_seed(*, users) -> list[ActionCard]:
    """Import and publish each seed card for Aalborg unless a card with its slug already exists there."""
    aalborg = Municipality.objects.get(code="851")
    author = users.get("tovholder")
    created = []
    for name in SEED_CARDS:
        text = (CARDS_DIR / name).read_text(encoding="utf-8")
        slug = parse_yaml(text).get("slug")
        if ActionCard.objects.filter(municipality=aalborg, slug=slug).exists():
            continue
        version = card_import(user=author, municipality=aalborg, text=text)
        card_publish(user=author, card=version.card, number=version.number)
        created.append(version.card)
    return created
