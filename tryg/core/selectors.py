"""The start page and the main navigation: registries the apps fill from their AppConfig.ready().

Core knows no domain: entries carry plain role values (strings) and URL names, and each app registers its
own. `roles=None` means every user who holds any role.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


def _visible_with_urls(entries, roles: Iterable[str]):
    """(entry, url) for each entry a user holding `roles` may see; entries whose URL is not installed are left out."""
    roles = set(roles)
    for entry in entries:
        if not (roles if entry.roles is None else roles & set(entry.roles)):
            continue
        try:
            yield entry, reverse(entry.url_name)
        except NoReverseMatch:
            continue


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    url_name: str
    roles: tuple[str, ...] | None
    links: tuple[tuple[str, str], ...] = field(default=())
    # What is due for this user in the section (reports, sessions, training): user -> [DueItem or str]. Called
    # only for a user who may see the section; it should cost a query or two. A plain string links to the section.
    due: Callable[[object], list] | None = None
    # Show the section only when `due` has something for the user (e.g. a facilitator's own sessions).
    only_when_due: bool = False


@dataclass(frozen=True)
class DueItem:
    """One line of "what is due" on the start page: a short text, where to act, and whether it is late."""

    text: str
    url: str
    overdue: bool = False


# Display order. Apps add theirs with register_section() in their AppConfig.ready().
SECTIONS: list[Section] = []


def register_section(section: Section, *, position: int | None = None) -> None:
    if any(s.url_name == section.url_name for s in SECTIONS):
        return
    if position is None:
        SECTIONS.append(section)
    else:
        SECTIONS.insert(position, section)


def start_page_sections(roles: Iterable[str], *, user=None) -> list[dict]:
    """The start page's sections for a user holding `roles`, with their URLs and (given `user`) what is due."""
    out = []
    for s, url in _visible_with_urls(SECTIONS, roles):
        due = list(s.due(user)) if s.due is not None and user is not None else []
        if s.only_when_due and not due:
            continue
        due = [item if isinstance(item, DueItem) else DueItem(text=str(item), url=url) for item in due]
        out.append({"title": s.title, "text": s.text, "url": url, "due": due})
    return out


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    roles: tuple[str, ...] | None
    section: str


# The main navigation. Apps add their item with register_nav() in their AppConfig.ready().
NAV_ITEMS: list[NavItem] = [
    NavItem("core:start", _("Forside"), None, "core"),
]


def register_nav(item: NavItem, *, position: int | None = None) -> None:
    """Add a navigation item (at `position`, e.g. 1 to come right after "Forside"; else at the end)."""
    if all(existing.url_name != item.url_name for existing in NAV_ITEMS):
        if position is None:
            NAV_ITEMS.append(item)
        else:
            NAV_ITEMS.insert(position, item)


def nav_items(roles: Iterable[str], *, path: str = "", current_section: str = "") -> list[dict]:
    """The main navigation for a user holding `roles`. Exactly one item is current: the one whose address is
    the longest start of `path` (the start page only on itself), else the first item of `current_section`."""
    items = [
        {"url": url, "label": item.label, "current": False, "section": item.section}
        for item, url in _visible_with_urls(NAV_ITEMS, roles)
    ]
    matches = [i for i in items if path.startswith(i["url"]) and (path == i["url"] or i["url"].count("/") > 2)]
    current = max(matches, key=lambda i: len(i["url"]), default=None)
    if current is None:
        current = next((i for i in items if current_section and i["section"] == current_section), None)
    if current is not None:
        current["current"] = True
    return items
