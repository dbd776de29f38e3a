"""The one place this app talks to the knowledge base (hjælperedskabet).

Only `tryg.knowledge.selectors.entries_by_slugs(municipality, slugs) -> {slug: Entry}` is used, so a
municipality's own contact overrides the national one with the same slug.
"""

from django.apps import apps


def entries_for(municipality, slugs) -> dict:
    slugs = [s for s in dict.fromkeys(slugs) if s]
    if not slugs:
        return {}
    try:
        from tryg.knowledge.selectors import entries_by_slugs
    except ImportError:
        return {}
    return entries_by_slugs(municipality, slugs)


def knowledge_loaded() -> bool:
    """True when the knowledge base has content; citations are only checked then."""
    try:
        entry = apps.get_model("knowledge", "Entry")
    except LookupError:
        return False
    return entry.objects.exists()


def known_slugs_checker(municipality):
    """A `known_slugs` callable for graph validation, or None while the knowledge base is empty."""
    if not knowledge_loaded():
        return None

    def check(slugs: set[str]) -> set[str]:
        return set(entries_for(municipality, sorted(slugs)))

    return check
