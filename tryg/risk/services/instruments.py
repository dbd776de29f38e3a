"""Instruments: import a YAML document as a new version (validated); the shipped instruments."""

from pathlib import Path

from django.db import transaction

from .. import definitions
from ..models import Instrument, InstrumentVersion

INSTRUMENTS_DIR = Path(__file__).resolve().parent.parent / "instruments"
SEED_FILES = ["tryg-screening.yaml", "tryg-vurdering.yaml"]


@transaction.atomic
def instrument_import(*, actor, text: str | bytes) -> InstrumentVersion:
    """A new version of the instrument the document names (created on first import). An unchanged document
    makes no new version. Raises definitions.InstrumentError listing every problem."""
    definition = definitions.load(text)
    instrument, created = Instrument.objects.select_for_update().get_or_create(
        slug=definition["slug"], defaults={"kind": definition["kind"]}
    )
    if not created and instrument.kind != definition["kind"]:
        raise definitions.InstrumentError(["kind kan ikke ændres for et eksisterende redskab."])
    latest = instrument.versions.order_by("-number").first()
    if latest is not None and latest.definition == definition:
        return latest
    source = text.decode("utf-8") if isinstance(text, bytes) else text
    return InstrumentVersion.objects.create(
        instrument=instrument,
        number=(latest.number + 1) if latest else 1,
        title=definition["title"],
        definition=definition,
        source=source,
        created_by=actor,
    )


def ensure_seed_instruments() -> list[InstrumentVersion]:
    """Import the shipped instruments (idempotent)."""
    return [
        instrument_import(actor=None, text=(INSTRUMENTS_DIR / name).read_text(encoding="utf-8")) for name in SEED_FILES
    ]
