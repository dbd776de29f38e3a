"""What an anonymous consultation may not hold: a CPR number or something that looks like a full name.

A check, not a guarantee: a name can always be hidden in other words. It catches the common slips (a CPR number
with or without dash, in any digits; two or more capitalised words in a row that are not an institution) and
says why, so the asker can rephrase ("en pige på 15 fra 8. klasse") instead.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tryg.cases.identity import ascii_digits

# Ten digits in a row, optionally with a dash (or a space) after the sixth, after turning any digits into ASCII.
_CPR = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})(?!\d)")
_WORD = r"[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóú]+"
_FULL_NAME = re.compile(rf"\b{_WORD}(?:[ \-]{_WORD}){{1,3}}\b")
# Capitalised words that make a phrase an institution or a place, not a person.
_NOT_NAMES = {
    w.casefold()
    for w in (
        "Skole Skolen Kommune Kommunes Region Politi Politiet Afdeling Afdelingen Center Centret Centeret Jobcenter "
        "Klub Klubben Børnehave Gymnasium Gymnasiet Hospital Sygehus Universitet Forening Foreningen Familieafdelingen "
        "Børne Familieafdelingen Socialafdelingen Nordjylland Nordjyllands Hovedstaden Danmark Aalborg Hjørring "
        "København Odense Aarhus Safehouse Etnisk Ung Lev Uden Vold Januar Februar Marts April Maj Juni Juli August "
        "September Oktober November December Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag Tryg SSP RED VISO"
    ).split()
}


def _looks_like_cpr(text: str) -> bool:
    digits = ascii_digits_keep_spaces(text)
    for dd, mm, _yy, _serial in _CPR.findall(digits):
        if 1 <= int(dd) <= 31 and 1 <= int(mm) <= 12:
            return True
    return False


def ascii_digits_keep_spaces(text: str) -> str:
    """`ascii_digits` per word, so the words stay apart."""
    return " ".join(ascii_digits(part) for part in (text or "").split())


def _looks_like_full_name(text: str) -> bool:
    for match in _FULL_NAME.finditer(text or ""):
        words = re.split(r"[ \-]", match.group(0))
        if not any(w.casefold() in _NOT_NAMES for w in words):
            return True
    return False


def personal_data_problem(text: str) -> str | None:
    """Why `text` may not go into an anonymous consultation, or None."""
    if _looks_like_cpr(text):
        return _("Feltet ser ud til at indeholde et CPR-nummer. En anonym forespørgsel må ikke indeholde personnumre.")
    if _looks_like_full_name(text):
        return _(
            "Feltet ser ud til at indeholde et fuldt navn. Beskriv personen uden navn, fx alder, køn og klassetrin – "
            "eller vælg rådgivning om en navngiven person og angiv hjemlen først."
        )
    return None


def check_anonymous(fields: dict[str, str]) -> None:
    """Raise a ValidationError naming each field that holds what looks like personal data."""
    errors = {}
    for name, value in fields.items():
        problem = personal_data_problem(value or "")
        if problem:
            errors[name] = [problem]
    if errors:
        raise ValidationError(errors)


def check_no_cpr(fields: dict[str, str]) -> None:
    """A named consultation keeps CPR numbers out of free text too (the thread is no place for them)."""
    errors = {}
    for name, value in fields.items():
        if _looks_like_cpr(value or ""):
            errors[name] = [_("Skriv ikke CPR-numre i beskeder. Personens oplysninger hører til i sagen.")]
    if errors:
        raise ValidationError(errors)
