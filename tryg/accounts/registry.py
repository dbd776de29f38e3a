"""Registries that higher apps fill from their AppConfig.ready(), so accounts never names them.

- The administration sub-navigation: `register_admin_link(AdminLink(...))`, rendered by
  `accounts/admin/_subnav.html` (every administration page includes it).
- The demo seeders: `register_demo_seeder(label, fn, order=...)`; `manage.py seed_demo` creates the demo
  organisation and then calls each `fn(users={username: User})` in `order`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class AdminLink:
    key: str  # what a page passes as `subnav` to mark the link as the current page
    label: str
    url_name: str
    order: int


_ADMIN_LINKS: dict[str, AdminLink] = {}


def register_admin_link(link: AdminLink) -> None:
    _ADMIN_LINKS.setdefault(link.key, link)


def admin_links() -> list[dict]:
    """The sub-navigation of the administration pages, in order: [{"key", "label", "url"}]."""
    out = []
    for link in sorted(_ADMIN_LINKS.values(), key=lambda link: link.order):
        try:
            out.append({"key": link.key, "label": link.label, "url": reverse(link.url_name)})
        except NoReverseMatch:
            continue
    return out


@dataclass(frozen=True)
class DemoSeeder:
    label: str
    seed: Callable[..., None]
    order: int


_DEMO_SEEDERS: dict[str, DemoSeeder] = {}


def register_demo_seeder(label: str, seed: Callable[..., None], *, order: int) -> None:
    """`seed(users={username: User})` loads an app's demo content; it must be idempotent."""
    _DEMO_SEEDERS.setdefault(label, DemoSeeder(label, seed, order))


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_DEMO_SEEDERS.values(), key=lambda seeder: seeder.order)
