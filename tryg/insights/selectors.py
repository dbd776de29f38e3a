"""Every read of the insights app: the plan's versions, sections and their links (with "affected" marks), the
revision clock, the version diff, the annual report. Statistics come from `indicators/` (aggregates only).

None of these writes to the access log; the statistics hold no personal data, and the exports log themselves.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.actioncards.models import CardVersion
from tryg.knowledge.models import Entry
from tryg.knowledge.textdiff import Change, change

from .models import WARN_MONTHS, PlanSection, PlanVersion, SectionKind


def current_version(municipality_id: int) -> PlanVersion | None:
    return (
        PlanVersion.objects.filter(municipality_id=municipality_id)
        .select_related("municipality")
        .prefetch_related(Prefetch("sections", queryset=PlanSection.objects.order_by("position")))
        .order_by("-number")
        .first()
    )


def versions_of(municipality_id: int) -> list[PlanVersion]:
    return list(
        PlanVersion.objects.filter(municipality_id=municipality_id).select_related("created_by").order_by("-number")
    )


def previous_version(version: PlanVersion) -> PlanVersion | None:
    return (
        PlanVersion.objects.filter(municipality_id=version.municipality_id, number__lt=version.number)
        .prefetch_related("sections")
        .order_by("-number")
        .first()
    )


# --- links and "affected" ------------------------------------------------------------------------------


def _all_slugs(sections) -> tuple[set[str], set[str]]:
    cards, entries = set(), set()
    for s in sections:
        cards.update(s.card_slugs or [])
        entries.update(s.entry_slugs or [])
        entries.update(s.contact_slugs or [])
    return cards, entries


def link_states(municipality_id: int, sections) -> dict[str, dict]:
    """{"card:<slug>" / "entry:<slug>": {"fingerprint", "label", "url", "repealed", "missing"}} as the links are now,
    the municipality's own card or entry before the national one. Two queries whatever the number of links."""
    cards, entries = _all_slugs(sections)
    out: dict[str, dict] = {}
    if cards:
        rows = CardVersion.objects.filter(status=CardVersion.Status.PUBLISHED, card__slug__in=cards).filter(
            Q(card__municipality_id=municipality_id) | Q(card__municipality__isnull=True)
        )
        for cv in sorted(rows.select_related("card"), key=lambda v: v.card.municipality_id is not None):
            out[f"card:{cv.card.slug}"] = {
                "fingerprint": f"v{cv.number}",
                "label": cv.title,
                "url": cv.card.get_absolute_url(),
                "repealed": False,
                "kind": "card",
            }
    if entries:
        rows = Entry.objects.current().filter(
            Q(municipality_id=municipality_id) | Q(municipality__isnull=True), slug__in=entries
        )
        for entry in sorted(rows, key=lambda e: e.municipality_id is not None):
            repealed = bool(entry.repealed_on) or bool(entry.successors) or bool(entry.superseded_by_text)
            out[f"entry:{entry.slug}"] = {
                "fingerprint": f"v{entry.version}|{entry.repealed_on or ''}|{','.join(entry.successors or [])}",
                "label": entry.display_label,
                "url": entry.get_absolute_url(),
                "repealed": repealed,
                "kind": entry.kind,
            }
    return out


def fingerprints(section: PlanSection, states: dict) -> dict[str, str]:
    keys = [f"card:{s}" for s in section.card_slugs or []]
    keys += [f"entry:{s}" for s in (section.entry_slugs or []) + (section.contact_slugs or [])]
    return {key: states.get(key, {}).get("fingerprint", "missing") for key in keys}


@dataclass
class SectionView:
    section: PlanSection
    links: list[dict]  # {"key", "label", "url", "changed", "repealed", "missing", "group"}

    @property
    def affected(self) -> bool:
        return any(link["changed"] for link in self.links)


def sections_with_links(version: PlanVersion) -> list[SectionView]:
    sections = list(version.sections.all())
    states = link_states(version.municipality_id, sections)
    out = []
    for section in sections:
        now = fingerprints(section, states)
        links = []
        for group, slugs, prefix in (
            ("cards", section.card_slugs, "card"),
            ("entries", section.entry_slugs, "entry"),
            ("contacts", section.contact_slugs, "entry"),
        ):
            for slug in slugs or []:
                key = f"{prefix}:{slug}"
                state = states.get(key)
                links.append(
                    {
                        "key": key,
                        "slug": slug,
                        "group": group,
                        "label": state["label"] if state else slug,
                        "url": state["url"] if state else "",
                        "missing": state is None,
                        "repealed": bool(state and state["repealed"]),
                        "changed": section.seen.get(key) != now[key],
                    }
                )
        out.append(SectionView(section, links))
    return out


def affected_count(municipality_id: int) -> int:
    version = current_version(municipality_id)
    if version is None:
        return 0
    return sum(1 for view in sections_with_links(version) if view.affected)


# --- the revision clock ----------------------------------------------------------------------------------


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


@dataclass
class RevisionStatus:
    version: PlanVersion | None
    due: date | None
    warn_from: date | None
    today: date

    @property
    def state(self) -> str:
        """ "missing" (no plan), "overdue", "soon" (within 6 months), "ok"."""
        if self.version is None:
            return "missing"
        if self.due <= self.today:
            return "overdue"
        if self.warn_from <= self.today:
            return "soon"
        return "ok"

    @property
    def days_left(self) -> int | None:
        return (self.due - self.today).days if self.due else None


def revision_status(municipality_id: int, today: date | None = None) -> RevisionStatus:
    today = today or timezone.localdate()
    version = (
        PlanVersion.objects.filter(municipality_id=municipality_id)
        .select_related("municipality")
        .order_by("-number")
        .first()
    )
    if version is None:
        return RevisionStatus(None, None, None, today)
    due = version.next_revision_due
    return RevisionStatus(version, due, _months_before(due, WARN_MONTHS), today)


# --- the diff between versions -----------------------------------------------------------------------------


def version_changes(old: PlanVersion | None, new: PlanVersion) -> list[Change]:
    """Every changed field and section text, word by word (textdiff, as the knowledge base's version pages)."""
    out = []
    for name in ("title", "summary", "adopted_by", "adopted_on", "next_revision_due"):
        label = PlanVersion._meta.get_field(name).verbose_name.capitalize()
        item = change(label, getattr(old, name) if old else None, getattr(new, name))
        if item:
            out.append(item)
    old_sections = {s.kind: s for s in old.sections.all()} if old else {}
    for section in new.sections.all():
        before = old_sections.get(section.kind)
        kind = SectionKind(section.kind).label
        for name, label in (
            ("title", _("overskrift")),
            ("body", _("tekst")),
            ("card_slugs", _("handlekort")),
            ("entry_slugs", _("opslag")),
            ("contact_slugs", _("kontakter")),
        ):
            item = change(f"{kind}: {label}", getattr(before, name) if before else None, getattr(section, name))
            if item:
                out.append(item)
    return out
