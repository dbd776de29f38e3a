from django import template
from django.utils.translation import gettext_lazy as _

from .. import codes, languages

register = template.Library()

NAV = [
    ("public:home", _("Forside")),
    ("public:young", _("Til unge")),
    ("public:adult", _("Til voksne")),
    ("public:friend", _("Bekymret for en anden")),
    ("public:rights", _("Dine rettigheder")),
    ("public:help", _("Hvor kan jeg få hjælp?")),
    ("public:code", _("Har du en kode?")),
]


@register.simple_tag
def public_language() -> languages.Language:
    return languages.current()


@register.simple_tag
def public_languages() -> list[languages.Language]:
    return languages.LANGUAGES


@register.simple_tag
def public_nav() -> list[tuple[str, str]]:
    return NAV


@register.filter
def code_display(code: str) -> str:
    return codes.display(code)


@register.simple_tag
def public_thread_days() -> int:
    from django.conf import settings

    return settings.TRYG_PUBLIC_THREAD_DAYS
