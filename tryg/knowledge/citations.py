"""Who cites which provision: a small registry, so the law register can keep every citation honest.

Higher apps cannot be imported from here (knowledge < actioncards < cases), so each app that cites law
registers a *citation source* in its `AppConfig.ready`:

    register_citation_source("actioncards", card_citations)

A source is a function without arguments that yields `Citation(place, slug, shows_successor)`: where the
citation is (a `Place`, with a label naming it and a link to revise it), the slug of the cited knowledge
entry, and whether that place also shows what replaced the provision if it is repealed. This module is
the knowledge base's own source (links between entries and successor slugs).

`check_content()` is what `manage.py content_check` runs; `law_changes_for(user)` feeds "Lovændringer".
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Entry


@dataclass(frozen=True)
class Place:
    """A place that cites law: a card node, a knowledge entry or a label in the case flow."""

    source: str  # the registering app: "knowledge", "actioncards", "cases"
    label: str  # a readable name of the place, e.g. 'Handlekort "Akut fare" v2, resultatet "akut-voksen"'
    key: str  # identifies the content across scopes, e.g. "card:akut-fare"; an override shares its national key
    municipality_id: int | None = None  # None: national content (or code)
    url: str = ""  # where to revise it ("" when it is code)
    edit_label: str = ""  # the link text for `url`


def clock_label(label: str) -> str:
    """How a legal clock of the case flow is named as a place that cites law."""
    return _('Sagsforløbets frist "%(label)s"') % {"label": label}


class Citation(NamedTuple):
    place: Place
    slug: str
    shows_successor: bool


_SOURCES: dict[str, Callable[[], Iterable[Citation]]] = {}


def register_citation_source(name: str, fn: Callable[[], Iterable[Citation]]) -> None:
    """Register (or replace) the citation source `name`."""
    _SOURCES[name] = fn


def citation_sources() -> dict[str, Callable[[], Iterable[Citation]]]:
    return dict(_SOURCES)


def all_citations() -> list[Citation]:
    """Every citation of every source; a place citing a slug twice counts once (showing the successor if any does)."""
    merged: dict[tuple[Place, str], bool] = {}
    for fn in _SOURCES.values():
        for place, slug, shows in fn():
            merged[(place, slug)] = merged.get((place, slug), False) or shows
    return [Citation(place, slug, shows) for (place, slug), shows in merged.items()]


def _entry_place(entry: Entry) -> Place:
    kind = entry.get_kind_display()
    scope = _("nationalt") if entry.is_national else entry.municipality.name
    return Place(
        source="knowledge",
        label=_('Opslag "%(title)s" (%(kind)s, %(scope)s, version %(v)s)')
        % {"title": entry.display_label, "kind": kind, "scope": scope, "v": entry.version},
        key=f"entry:{entry.slug}",
        municipality_id=entry.municipality_id,
        url=entry.get_absolute_url(),
        edit_label=_("Lav en ny version"),
    )


def knowledge_citations() -> Iterable[Citation]:
    """Links between current entries, and the successors a repealed provision names."""
    entries = list(Entry.objects.current().select_related("municipality").prefetch_related("links"))
    successors_of = {(e.municipality_id, e.slug): set(e.successors or []) for e in entries}
    national = {slug: succ for (mid, slug), succ in successors_of.items() if mid is None}
    for entry in entries:
        place = _entry_place(entry)
        targets = [link.target_slug for link in entry.links.all()]
        for slug in targets:
            succ = successors_of.get((entry.municipality_id, slug), national.get(slug, set()))
            shows = entry.slug in succ or bool(succ & set(targets))
            yield Citation(place, slug, shows)
        for slug in entry.successors or []:
            yield Citation(place, slug, True)


register_citation_source("knowledge", knowledge_citations)


# Resolving a cited slug as the citing place sees it --------------------------------------------------


class Resolver:
    """Current entries by (scope, slug), read once; a municipality's own entry wins over the national one."""

    def __init__(self):
        self._by_key = {(e.municipality_id, e.slug): e for e in Entry.objects.current().select_related("municipality")}
        self._slugs = {slug for _mid, slug in self._by_key}

    def get(self, slug: str, municipality_id: int | None) -> Entry | None:
        if municipality_id is not None and (municipality_id, slug) in self._by_key:
            return self._by_key[(municipality_id, slug)]
        entry = self._by_key.get((None, slug))
        if entry is None and municipality_id is None:
            # National content may name an entry that the municipalities keep themselves.
            return next((e for (_mid, s), e in self._by_key.items() if s == slug), None)
        return entry

    def exists(self, slug: str) -> bool:
        return slug in self._slugs

    def provisions(self) -> list[Entry]:
        return [e for e in self._by_key.values() if e.kind == Entry.Kind.LEGAL_PROVISION]


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_content() -> Report:
    """Every citation and every provision of the register, checked. Errors fail `content_check`."""
    report = Report()
    resolver = Resolver()
    for place, slug, shows_successor in all_citations():
        target = resolver.get(slug, place.municipality_id)
        if target is None:
            report.errors.append(
                _('%(place)s: henviser til "%(slug)s", som ikke findes i hjælperedskabet.')
                % {"place": place.label, "slug": slug}
            )
        elif target.is_superseded and not shows_successor:
            report.errors.append(
                _("%(place)s: henviser til %(label)s, som er ophævet, uden at vise, hvad der afløste den (%(new)s).")
                % {
                    "place": place.label,
                    "label": target.display_label,
                    "new": target.replacement_label or _("ingen afløser angivet"),
                }
            )
    today = timezone.localdate()
    for entry in sorted(resolver.provisions(), key=lambda e: (e.municipality_id or 0, e.slug)):
        place = _entry_place(entry).label
        if not entry.source_url:
            report.errors.append(_("%(place)s: bestemmelsen mangler en kilde.") % {"place": place})
        if not entry.in_force_from:
            report.errors.append(_("%(place)s: bestemmelsen mangler en ikrafttrædelsesdato.") % {"place": place})
    due = Entry.objects.current().filter(review_date__lt=today).select_related("municipality").order_by("review_date")
    for entry in due:
        report.warnings.append(
            _("%(place)s: revisionsdatoen %(date)s er passeret.")
            % {"place": _entry_place(entry).label, "date": entry.review_date.isoformat()}
        )
    return report


# The coordinator's page "Lovændringer" -----------------------------------------------------------------


@dataclass
class LawChange:
    """One repealed or superseded provision and the places that still cite it."""

    provision: Entry
    national: list[dict] = field(default_factory=list)  # {"citation", "overrides": [citations]}
    municipal: list[Citation] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.national) + len(self.municipal) + sum(len(row["overrides"]) for row in self.national)


def law_changes_for(user) -> list[LawChange]:
    """Superseded provisions the user sees, each with the citing places in national and own content.

    A national place lists the municipal overrides of the same content that still cite the provision:
    the user's own municipality's, or every municipality's for a national editor.
    """
    from .access import EDIT_NATIONAL

    national_editor = user.has_perm(EDIT_NATIONAL)
    municipality_id = user.municipality_id
    scope = Q(municipality__isnull=True)
    if municipality_id is not None:
        scope |= Q(municipality_id=municipality_id)
    superseded = (
        Entry.objects.current()
        .filter(scope, kind=Entry.Kind.LEGAL_PROVISION)
        .filter(Q(repealed_on__isnull=False) | ~Q(successors=[]) | ~Q(superseded_by_text=""))
        .order_by("-repealed_on", "law", "paragraph")
    )
    changes = {entry.slug: LawChange(entry) for entry in superseded}
    if not changes:
        return []
    cited = [c for c in all_citations() if c.slug in changes and (c.place.source != "knowledge" or _cites(c, changes))]
    for change in changes.values():
        rows = [c for c in cited if c.slug == change.provision.slug]
        overrides = [c for c in rows if c.place.municipality_id is not None]
        for c in rows:
            if c.place.municipality_id is not None:
                continue
            mine = [
                o
                for o in overrides
                if o.place.key == c.place.key and (national_editor or o.place.municipality_id == municipality_id)
            ]
            change.national.append({"citation": c, "overrides": mine})
        national_keys = {c.place.key for c in rows if c.place.municipality_id is None}
        change.municipal = [
            c for c in overrides if c.place.municipality_id == municipality_id and c.place.key not in national_keys
        ]
    return list(changes.values())


def _cites(citation: Citation, changes: dict) -> bool:
    """A knowledge entry's link counts; a successor linking back to the provision it replaced does not."""
    provision = changes[citation.slug].provision
    return citation.place.key != f"entry:{provision.slug}" and citation.place.key.split(":", 1)[1] not in (
        provision.successors or []
    )


__all__ = [
    "Citation",
    "LawChange",
    "Place",
    "Report",
    "all_citations",
    "check_content",
    "clock_label",
    "citation_sources",
    "law_changes_for",
    "register_citation_source",
]
