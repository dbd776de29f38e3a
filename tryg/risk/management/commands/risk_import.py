"""Import a risk instrument from YAML as a new version (validated)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tryg.risk.definitions import InstrumentError
from tryg.risk.services import instrument_import


class Command(BaseCommand):
    help = "Import a risk instrument from YAML; an unchanged document makes no new version."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the YAML file.")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            version = instrument_import(actor=None, text=path.read_bytes())
        except InstrumentError as exc:
            raise CommandError("Redskabet blev afvist:\n- " + "\n- ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"{version.instrument.slug} version {version.number}"))
