"""Reads of the citizens' site: municipalities by code, and the help contacts from the knowledge base (so a
municipality edits its contacts in one place, the hjælperedskab)."""

from dataclasses import dataclass

from tryg.accounts.models import Municipality, Region
from tryg.knowledge.models import Entry
from tryg.knowledge.selectors import visible_entries

# The national contacts a citizen is shown, in this order (slugs of the knowledge base's seed content). The
# region's own consultants follow (slug "sikkerhedskonsulenterne-<region code>"), then the municipality's own.
NATIONAL_HELP = [
    "politiet-112",
    "politiet-114",
    "sikkerhedskonsulenterne",
    "boernetelefonen",
    "lev-uden-vold-1888",
    "etnisk-ung",
    "red-safehouse",
]


@dataclass
class HelpContacts:
    national: list[Entry]
    regional: list[Entry]
    own: list[Entry]


def municipalities() -> list[Municipality]:
    return list(Municipality.objects.select_related("region").order_by("name"))


def regions() -> list[Region]:
    return list(Region.objects.order_by("name"))


def region_by_code(code: str) -> Region | None:
    return Region.objects.filter(code=code).first()


def municipality_by_code(code: str) -> Municipality | None:
    return Municipality.objects.select_related("region").filter(code=code).first()


def help_contacts(municipality: Municipality | None) -> HelpContacts:
    """Two queries: the contacts visible to the municipality (national ones where it has none of its own)."""
    regional_slugs = [f"sikkerhedskonsulenterne-{municipality.region.code}"] if municipality else []
    contacts = list(visible_entries(municipality).filter(kind=Entry.Kind.CONTACT).order_by("title", "pk"))
    by_slug = {entry.slug: entry for entry in contacts}
    national = [by_slug[slug] for slug in NATIONAL_HELP if slug in by_slug]
    regional = [by_slug[slug] for slug in regional_slugs if slug in by_slug]
    own = [entry for entry in contacts if municipality and entry.municipality_id == municipality.pk]
    own = [entry for entry in own if entry.slug not in NATIONAL_HELP and entry.slug not in regional_slugs]
    return HelpContacts(national=national, regional=regional, own=own)
