"""CPR numbers and blind search tokens for encrypted person data.

Names and CPR numbers are stored encrypted, so SQL cannot search them. Each person instead carries
`search_tokens`: one keyed hash (HMAC-SHA256, key derived from settings.SECRET_KEY) per lower-cased name
token and one for the ten CPR digits, separated by spaces. A search hashes its own tokens the same way and
matches whole tokens only ("hansen" finds "Ali Hansen", "han" does not). Each token is also a row of
`PersonToken`, the index a search reads newest first. Without the key the tokens reveal nothing. Changing
SECRET_KEY requires `manage.py refresh_search_tokens` (person_refresh_tokens for every person).
"""

import hashlib
import hmac
import re
import unicodedata
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CPR_RE = re.compile(r"^([0-9]{2})([0-9]{2})([0-9]{2})-?([0-9]{4})$")
# Hyphens and minus signs a keyboard or a copied document may give instead of "-".
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
TOKEN_LENGTH = 32  # hex characters kept of each digest


def cpr_century(year2: int, seventh: int) -> int:
    """The century of a CPR birth year, from the first digit of the serial number (CPR office rules)."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if year2 <= 36 else 1900
    return 2000 if year2 <= 57 else 1800


def ascii_digits(value: str) -> str:
    """Decimal digits of any script (Arabic-Indic "٢٥", fullwidth "２５", ...) as ASCII, dashes as "-", spaces out."""
    value = unicodedata.normalize("NFC", value or "").translate(DASHES)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value if not c.isspace())


def normalise_cpr(value: str) -> str:
    """Validate format and date (modulus 11 is not required since 2007) and return "DDMMYY-SSSS" in ASCII digits
    (a CPR number typed in other digits is the same number)."""
    value = ascii_digits(value)
    match = CPR_RE.match(value)
    if not match:
        raise ValidationError(_("Et CPR-nummer har formen DDMMÅÅ-XXXX."), code="cpr_format")
    dd, mm, yy, serial = match.groups()
    year = cpr_century(int(yy), int(serial[0])) + int(yy)
    try:
        date(year, int(mm), int(dd))
    except ValueError:
        raise ValidationError(_("CPR-nummeret indeholder ikke en gyldig dato."), code="cpr_date") from None
    return f"{dd}{mm}{yy}-{serial}"


def cpr_birth_date(cpr: str) -> date:
    dd, mm, yy, serial = CPR_RE.match(cpr).groups()
    return date(cpr_century(int(yy), int(serial[0])) + int(yy), int(mm), int(dd))


def _key() -> bytes:
    return hashlib.sha256(b"tryg.cases.search-tokens:" + settings.SECRET_KEY.encode()).digest()


def token_hash(token: str) -> str:
    return hmac.new(_key(), token.encode("utf-8"), hashlib.sha256).hexdigest()[:TOKEN_LENGTH]


def name_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s\-,.]+", (text or "").casefold()) if t]


def query_tokens(query: str) -> list[str]:
    """Hashes for a search query: a CPR number (with or without dash) or name words."""
    query = (query or "").strip()
    digits = ascii_digits(query).replace("-", "")
    if digits.isascii() and digits.isdigit() and len(digits) == 10:
        return [token_hash("cpr:" + digits)]
    return [token_hash(t) for t in name_tokens(query)]


def person_tokens(name: str, cpr: str) -> str:
    hashes = [token_hash(t) for t in name_tokens(name)]
    if cpr:
        hashes.append(token_hash("cpr:" + cpr.replace("-", "")))
    unique = list(dict.fromkeys(hashes))
    return (" " + " ".join(unique) + " ") if unique else ""
