"""Import an action card from a YAML file as a draft (optionally publish it)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tryg.accounts.models import Municipality
from tryg.actioncards.graph import CardError
from tryg.actioncards.services import card_import, card_publish


class Command(BaseCommand):
    help = "Import an action card (handlekort) from YAML. Without --municipality the card is national."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the YAML file.")
        parser.add_argument("--municipality", help="Municipality code (e.g. 851); default: a national card.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported draft right away.")

    def handle(self, *args, file, municipality=None, publish=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        target = None
        if municipality:
            target = Municipality.objects.filter(code=municipality).first()
            if target is None:
                raise CommandError(f"Unknown municipality code: {municipality}")
        try:
            version = card_import(user=None, municipality=target, text=path.read_bytes())
            if publish:
                version = card_publish(user=None, card=version.card, number=version.number)
        except CardError as exc:
            raise CommandError("Handlekortet blev afvist:\n- " + "\n- ".join(exc.messages)) from exc
        state = "published" if publish else "draft"
        self.stdout.write(self.style.SUCCESS(f"{version.card.slug}: version {version.number} imported ({state})."))
