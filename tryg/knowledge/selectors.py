"""Reads of the knowledge base. Other apps use `visible_entries`, `entries_by_slugs` and `warning_signs`.

Visibility: a municipality sees the current published version of every national entry and of its own
entries; where it has its own entry with the slug of a national one, only its own (the override).
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from .models import Entry, EntryLink


def _municipality_id(municipality) -> int | None:
    if municipality is None:
        return None
    return municipality if isinstance(municipality, int) else municipality.pk


def visible_entries(municipality) -> QuerySet[Entry]:
    """Current published versions visible to `municipality` (a Municipality, its id, or None for national only)."""
    municipality_id = _municipality_id(municipality)
    current = Entry.objects.current()
    if municipality_id is None:
        return current.filter(municipality__isnull=True)
    own_slugs = Entry.objects.current().filter(municipality_id=municipality_id).values("slug")
    return current.filter(Q(municipality_id=municipality_id) | (Q(municipality__isnull=True) & ~Q(slug__in=own_slugs)))


def attach_replacements(entries: list[Entry], municipality) -> list[Entry]:
    """Resolve the successors of every entry in one query, so templates can show what replaced it."""
    slugs = {slug for e in entries for slug in (e.successors or [])}
    found = {}
    if slugs:
        found = {e.slug: e for e in visible_entries(municipality).filter(slug__in=slugs)}
    for entry in entries:
        if entry.successors:
            entry.successor_entries = [found[s] for s in entry.successors if s in found]
    return entries


def entries_by_slugs(municipality, slugs) -> dict[str, Entry]:
    """{slug: current visible entry} for the slugs that exist; replacements of superseded ones resolved."""
    slugs = list(dict.fromkeys(slugs))
    if not slugs:
        return {}
    entries = list(visible_entries(municipality).filter(slug__in=slugs))
    attach_replacements(entries, municipality)
    return {e.slug: e for e in entries}


def warning_signs(municipality) -> QuerySet[Entry]:
    """Visible published warning signs ordered by group, then title (choices for the intake form)."""
    return visible_entries(municipality).filter(kind=Entry.Kind.WARNING_SIGN).order_by("group", "title", "pk")


def linked_entries(entry: Entry, municipality) -> list[Entry]:
    """The visible entries `entry` links to, in the link order."""
    slugs = [link.target_slug for link in entry.links.all()]
    found = entries_by_slugs(municipality, slugs)
    return [found[s] for s in slugs if s in found]


def entry_versions(entry: Entry) -> QuerySet[Entry]:
    """All published (and retired) versions of the entry's scope+slug, newest first."""
    return (
        Entry.objects.scope(entry.municipality_id)
        .filter(slug=entry.slug, version__gt=0)
        .select_related("published_by")
        .order_by("-version")
    )


def citing_entries(entry: Entry, municipality) -> list[Entry]:
    """Visible entries that link to this entry (where it is cited)."""
    linking_ids = EntryLink.objects.filter(target_slug=entry.slug).values("entry_id")
    return list(visible_entries(municipality).filter(pk__in=linking_ids).exclude(pk=entry.pk).order_by("title"))


def review_due(scope: Q) -> QuerySet[Entry]:
    """Current entries in `scope` (access.editable_scope: what the user edits) past their review date."""
    from django.utils import timezone

    return (
        Entry.objects.current()
        .filter(scope, review_date__lt=timezone.localdate())
        .select_related("owner", "municipality")
        .order_by("review_date", "title")
    )


def managed_entries(scope: Q) -> QuerySet[Entry]:
    """Current versions and drafts in `scope` (access.editable_scope: what the user edits), for the management list."""
    return (
        Entry.objects.filter(scope)
        .filter(Q(status=Entry.Status.DRAFT) | Q(status=Entry.Status.PUBLISHED, valid_to__isnull=True))
        .select_related("owner", "municipality")
        .order_by("kind", "title", "slug", "version")
    )


def possible_owners(municipality_id: int | None) -> QuerySet:
    """Who may own an entry of this scope: the municipality's active coordinators, or the national editors."""
    from django.contrib.auth.models import Permission

    from tryg.accounts.models import Role, User

    users = User.objects.filter(is_active=True)
    if municipality_id is None:
        perm = Permission.objects.filter(content_type__app_label="knowledge", codename="edit_national")
        users = users.filter(Q(is_superuser=True) | Q(user_permissions__in=perm) | Q(groups__permissions__in=perm))
    else:
        users = users.filter(municipality_id=municipality_id, memberships__role=Role.TOVHOLDER)
    return users.distinct().order_by("first_name", "last_name", "username")


def unknown_link_slugs(slugs: list[str], municipality_id: int | None) -> list[str]:
    """The slugs that name no entry a link from this scope can reach.

    A municipality's entry links to national entries and its own. A national entry may also name an entry
    that municipalities keep themselves (such as their preparedness plan): it resolves per municipality.
    """
    if not slugs:
        return []
    entries = Entry.objects.filter(slug__in=slugs)
    if municipality_id is not None:
        entries = entries.filter(Q(municipality__isnull=True) | Q(municipality_id=municipality_id))
    known = set(entries.values_list("slug", flat=True))
    return [slug for slug in slugs if slug not in known]


# Search -------------------------------------------------------------------------------------------


@dataclass
class SearchPage:
    """One page of search results. Each hit is an Entry with `rank` (higher is better) and `snippet` (safe HTML)."""

    query: str
    total: int
    hits: list[Entry] = field(default_factory=list)
    offset: int = 0
    limit: int = 20


def filtered_entries(
    municipality, *, kind: str | None = None, group: str | None = None, target_group: str | None = None
) -> QuerySet[Entry]:
    qs = visible_entries(municipality)
    if kind:
        qs = qs.filter(kind=kind)
    if group:
        qs = qs.filter(group=group)
    if target_group:
        qs = qs.filter(**{f"for_{target_group}": True})
    return qs


def search_entries(
    municipality,
    q: str = "",
    *,
    kind: str | None = None,
    group: str | None = None,
    target_group: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> SearchPage:
    """Ranked full-text search over the visible entries (PostgreSQL `danish` FTS or SQLite FTS5).

    Without a query, lists the filtered entries by kind and title. Invalid filter values are the
    caller's job (forms/serializers validate against the choices).
    """
    from . import search

    base = filtered_entries(municipality, kind=kind, group=group, target_group=target_group)
    q = (q or "").strip()
    if not search.has_terms(q):
        total = base.count()
        hits = list(base.order_by("kind", "title", "pk")[offset : offset + limit])
        for hit in hits:
            hit.rank = None
            hit.snippet = ""
    else:
        total, hits = search.run(base, q, offset=offset, limit=limit)
    attach_replacements(hits, municipality)
    return SearchPage(query=q, total=total, hits=hits, offset=offset, limit=limit)
