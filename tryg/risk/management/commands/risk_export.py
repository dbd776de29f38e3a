"""Print (or write) a risk instrument version as YAML."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tryg.risk.definitions import dump
from tryg.risk.models import InstrumentVersion


class Command(BaseCommand):
    help = "Export a risk instrument as YAML: the newest version unless --instrument-version is given."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--instrument-version", dest="number", type=int)
        parser.add_argument("--output", "-o")

    def handle(self, *args, slug, number=None, output=None, **options):
        versions = InstrumentVersion.objects.filter(instrument__slug=slug).order_by("-number")
        version = versions.filter(number=number).first() if number else versions.first()
        if version is None:
            raise CommandError(f"No instrument {slug!r} (or no such version).")
        text = dump(version.definition)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
        else:
            self.stdout.write(text, ending="")
