"""Receipt codes of the citizens' site: made here, stored only as a slow hash, found through a keyed prefix.

A code is 20 symbols from an alphabet without look-alikes (no 0/O, 1/I/L): 31^20 ≈ 2^99. It is shown once, as
five groups of four (ABCD-EFGH-…). The database holds `lookup` — the first 24 hex digits of an HMAC-SHA256 of the
code under a server key (settings.TRYG_PUBLIC_CODE_KEY, else derived from SECRET_KEY), indexed — and an Argon2id
hash of the code with its own random salt. A lookup reads the rows with that prefix (normally one) and verifies
one Argon2 hash; a database copy without the key gives nothing to check guesses against quickly.
"""

import hashlib
import hmac
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from django.conf import settings

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 20
LOOKUP_LENGTH = 24
# Argon2id with argon2-cffi's defaults (RFC 9106's low-memory profile); lighter in tests only.
_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1) if settings.TESTING else PasswordHasher()
# Verified when no row matches, so a wrong code costs the same time as a right one.
_DUMMY_HASH = _HASHER.hash("ingen-kode")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str:
    """What the citizen typed, without spaces and dashes, in capitals; "" when it cannot be a code."""
    code = re.sub(r"[\s\-‐-―]", "", typed or "").upper()
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return ""
    return code


def _key() -> bytes:
    key = settings.TRYG_PUBLIC_CODE_KEY or ("tryg.public.codes:" + settings.SECRET_KEY)
    return key.encode()


def lookup(code: str) -> str:
    return hmac.new(_key(), code.encode(), hashlib.sha256).hexdigest()[:LOOKUP_LENGTH]


def slow_hash(code: str) -> str:
    return _HASHER.hash(code)


def matches(code: str, stored: str | None) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY_HASH, code) and stored is not None
    except (VerificationError, InvalidHashError):
        return False
