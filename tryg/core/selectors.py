"""The start page: one section per thing the user can do. Apps register sections here."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tryg.accounts.models import Role


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    url_name: str
    roles: tuple[str, ...]
    links: tuple[tuple[str, str], ...] = field(default=())


# Each app appends its sections (in its AppConfig.ready or here). Order is display order.
SECTIONS: list[Section] = [
    Section(
        _("Adgangslog"),
        _("Søg i kommunens log over, hvem der har set og ændret personoplysninger, og hvorfor."),
        "audit:search",
        (Role.TOVHOLDER, Role.ADMINISTRATOR),
    ),
    Section(
        _("Brugere og enheder"),
        _("Opret brugere, enheder og roller, og deaktivér brugere, der ikke længere skal have adgang."),
        "accounts:admin-users",
        (Role.ADMINISTRATOR,),
    ),
    Section(
        _("Din konto"),
        _("Skift adgangskode og se din totrinsbekræftelse."),
        "accounts:account",
        tuple(r.value for r in Role),
    ),
]


def register_section(section: Section, *, position: int | None = None) -> None:
    if any(s.url_name == section.url_name for s in SECTIONS):
        return
    if position is None:
        SECTIONS.append(section)
    else:
        SECTIONS.insert(position, section)


def start_page_sections(user) -> list[dict]:
    roles = user.roles
    out = []
    for section in SECTIONS:
        if not roles & set(section.roles):
            continue
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue
        out.append({"title": section.title, "text": section.text, "url": url})
    return out


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    roles: tuple[str, ...]
    section: str


ALL_ROLES = tuple(r.value for r in Role)

# The main navigation. Apps add their item with register_nav() in their AppConfig.ready().
NAV_ITEMS: list[NavItem] = [
    NavItem("core:start", _("Forside"), ALL_ROLES, "core"),
]


def register_nav(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in NAV_ITEMS):
        NAV_ITEMS.append(item)
