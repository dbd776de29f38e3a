"""Seed content of the knowledge base, written for Tryg from public facts (see DOMAIN.md).

`load_national_content()` creates and publishes the national entries; `load_municipal_content()` adds a
municipality's own entries (Aalborg's contacts). Both are idempotent: an entry whose slug already exists
in the scope is left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from tryg.knowledge.models import Entry

from .contacts import AALBORG_CONTACTS, NATIONAL_CONTACTS
from .provisions import PROVISIONS
from .tools import TOOLS
from .warning_signs import WARNING_SIGNS

# Review dates are set this far ahead when content is first loaded.
REVIEW_AFTER = datetime.timedelta(days=365)


def national_items() -> list[dict]:
    return [*WARNING_SIGNS, *PROVISIONS, *TOOLS, *NATIONAL_CONTACTS]


def _load(items: list[dict], *, municipality, owner) -> list[Entry]:
    from tryg.knowledge.services import entry_create_published

    existing = set(Entry.objects.scope(municipality.pk if municipality else None).values_list("slug", flat=True))
    created = []
    default_review = timezone.localdate() + REVIEW_AFTER
    for item in items:
        item = dict(item)
        slug = item.pop("slug")
        if slug in existing:
            continue
        links = item.pop("links", [])
        item.setdefault("review_date", default_review)
        created.append(
            entry_create_published(actor=owner, municipality=municipality, slug=slug, links=links, owner=owner, **item)
        )
    return created


@transaction.atomic
def load_national_content(*, owner=None) -> list[Entry]:
    """Create and publish the national entries that do not exist yet. Returns the new entries."""
    return _load(national_items(), municipality=None, owner=owner)


@transaction.atomic
def load_municipal_content(municipality, *, owner=None) -> list[Entry]:
    """Aalborg's own entries (contacts and its version of the security consultants' contact)."""
    if municipality.code != "851":
        return []
    return _load(AALBORG_CONTACTS, municipality=municipality, owner=owner)
