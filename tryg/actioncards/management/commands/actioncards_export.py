"""Print (or write) an action card version as YAML."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tryg.actioncards.graph import dump_card
from tryg.actioncards.models import ActionCard, CardVersion


class Command(BaseCommand):
    help = "Export an action card (handlekort) as YAML: the published version unless --card-version is given."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--municipality", help="Municipality code; default: the national card.")
        parser.add_argument(
            "--card-version", dest="card_version", type=int, help="Version number (default: published)."
        )
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, slug, municipality=None, card_version=None, output=None, **options):
        cards = ActionCard.objects.filter(slug=slug)
        cards = cards.filter(municipality__code=municipality) if municipality else cards.filter(municipality=None)
        card = cards.first()
        if card is None:
            raise CommandError(f"No action card {slug!r} in that scope.")
        versions = card.versions.all()
        chosen = (
            versions.filter(number=card_version).first()
            if card_version
            else versions.filter(status=CardVersion.Status.PUBLISHED).first() or versions.order_by("-number").first()
        )
        if chosen is None:
            raise CommandError("No such version.")
        text = dump_card(
            slug=card.slug,
            title=chosen.title,
            target_group=chosen.graph.get("target_group", card.target_group),
            graph=chosen.graph,
        )
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
        else:
            self.stdout.write(text, ending="")
