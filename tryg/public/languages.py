"""The languages of the citizens' site: each named in itself, its direction, and whether a native speaker has
reviewed its catalogue (tryg/public/locale/<code>/LC_MESSAGES/django.po records the same in its header
`X-Native-Review`; tests/test_languages.py keeps the two in step). An unreviewed language shows a short notice
in that language (the notice's text is in the catalogue like every other string)."""

from dataclasses import dataclass

from django.utils import translation


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself
    rtl: bool = False
    reviewed: bool = False


LANGUAGES = [
    Language("da", "Dansk", reviewed=True),  # the source language
    Language("en", "English"),
    Language("ar", "العربية", rtl=True),
    Language("so", "Soomaali"),
    Language("tr", "Türkçe"),
    Language("ur", "اردو", rtl=True),
    Language("fa", "فارسی", rtl=True),
]
BY_CODE = {language.code: language for language in LANGUAGES}


def current() -> Language:
    return BY_CODE.get(translation.get_language() or "da", LANGUAGES[0])
