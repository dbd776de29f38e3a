"""Text at the edge: what every input string may not hold, its Unicode normal form, and what names refuse.

- Everywhere (query strings, form posts, JSON bodies): no NUL byte (PostgreSQL text cannot hold 0x00) and no
  lone surrogate (not a character; UTF-8 cannot encode it). `tryg.core.middleware.InputGuardMiddleware` and
  `tryg.core.parsers.BoundedJSONParser` refuse them with 400 and normalise every other string to NFC, so
  "é" typed as one or as two code points is the same name, token and search.
- Names (single-line identifiers of people): `validate_name` also refuses control characters (C0, DEL, C1:
  tabs and line breaks included) and the bidirectional embedding, override and isolate marks, which can make a
  name display as something else than it is.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Form fields that are never normalised (a password is compared as typed).
UNNORMALISED_FIELDS = frozenset({"password", "old_password", "new_password", "new_password1", "new_password2"})


def has_forbidden(value: str) -> bool:
    return FORBIDDEN.search(value) is not None


def nfc(value: str) -> str:
    return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)


def validate_name(value: str) -> None:
    """A name is one line of visible text: no control characters, no bidirectional overrides."""
    if CONTROL.search(value or ""):
        raise ValidationError(_("Navnet må ikke indeholde styretegn eller linjeskift."), code="name_control")
    if BIDI_CONTROL.search(value or ""):
        raise ValidationError(_("Navnet må ikke indeholde tegn, der vender skriveretningen."), code="name_bidi_control")
