"""Ed25519 keys for the access log's checkpoints, read from the environment (never from the database).

- `TRYG_AUDIT_SIGNING_KEY` (or `TRYG_AUDIT_SIGNING_KEY_FILE`): the private key, 32 bytes base64 (as printed by
  `manage.py audit_checkpoint --generate-key`). Only the process that signs (the daily job) needs it.
- `TRYG_AUDIT_VERIFY_KEYS`: comma-separated public keys (32 bytes base64) that `audit_verify` accepts, so a
  rotated-out key still verifies old checkpoints; the signing key's own public key is always accepted.
"""

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def generate_key() -> tuple[str, str]:
    """A new (private, public) key pair, base64."""
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return _b64(raw), _b64(private.public_key().public_bytes(*RAW))


def signing_key() -> Ed25519PrivateKey | None:
    value = settings.TRYG_AUDIT_SIGNING_KEY
    if not value:
        return None
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(value))


def key_id(public: Ed25519PublicKey) -> str:
    return hashlib.sha256(public.public_bytes(*RAW)).hexdigest()[:16]


def verify_keys() -> dict[str, Ed25519PublicKey]:
    """key id -> public key, for every key `audit_verify` accepts."""
    keys = [Ed25519PublicKey.from_public_bytes(base64.b64decode(v)) for v in settings.TRYG_AUDIT_VERIFY_KEYS]
    if (private := signing_key()) is not None:
        keys.append(private.public_key())
    return {key_id(k): k for k in keys}


def sign(message: bytes) -> tuple[str, str]:
    """(key id, hex signature) of `message` with the signing key; RuntimeError when none is configured."""
    private = signing_key()
    if private is None:
        raise RuntimeError("TRYG_AUDIT_SIGNING_KEY is not set: no key to sign the access log's checkpoints with")
    return key_id(private.public_key()), private.sign(message).hex()


def signature_valid(message: bytes, key: str, signature: str) -> bool:
    public = verify_keys().get(key)
    if public is None:
        return False
    try:
        public.verify(bytes.fromhex(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True
