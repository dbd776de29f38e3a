"""Encryption at rest for special-category free text (GDPR art. 32).

`EncryptedTextField` stores Fernet tokens. Keys come from settings.TRYG_ENCRYPTION_KEYS (the first
encrypts, all decrypt), so keys can rotate without losing old rows: add the new key first, run
`manage.py rotate_encryption`, then remove the old key. Encrypted columns cannot be searched or
ordered in SQL; search on derived, non-sensitive columns instead.
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        if getattr(settings, "PRODUCTION", False):
            raise ImproperlyConfigured("TRYG_ENCRYPTION_KEYS is not set")
        # Development only: derive a stable key from SECRET_KEY.
        derived = base64.urlsafe_b64encode(hashlib.sha256(settings.SECRET_KEY.encode()).digest())
        keys = (derived.decode(),)
    return MultiFernet([Fernet(k.encode() if isinstance(k, str) else k) for k in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.TRYG_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return PREFIX + fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(value: str) -> str:
    if not value.startswith(PREFIX):
        return value
    try:
        return fernet().decrypt(value[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:  # pragma: no cover - means a key was removed too early
        raise ImproperlyConfigured("Cannot decrypt a stored value: is its key still in TRYG_ENCRYPTION_KEYS?") from exc


def rotate(value: str) -> str:
    if not value.startswith(PREFIX):
        return encrypt(value)
    token = fernet().rotate(value[len(PREFIX) :].encode("ascii"))
    return PREFIX + token.decode("ascii")


class EncryptedTextField(models.TextField):
    """A TextField whose value is encrypted in the database and plain in Python."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(PREFIX):
            return decrypt(value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))


class EncryptedCharField(EncryptedTextField):
    """Short encrypted text (names, phone numbers). Stored as text; max_length is validated in Python."""

    def __init__(self, *args, max_length: int = 200, **kwargs):
        self.plain_max_length = max_length
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["max_length"] = self.plain_max_length
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from django import forms

        kwargs.setdefault("form_class", forms.CharField)
        kwargs.setdefault("max_length", self.plain_max_length)
        kwargs.setdefault("widget", forms.TextInput)
        return super().formfield(**kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value and len(value) > self.plain_max_length:
            from django.core.exceptions import ValidationError

            raise ValidationError(f"Højst {self.plain_max_length} tegn.", code="max_length")


def encrypted_models_fields():
    """Yield (model, [field names]) for every model with encrypted fields (used by rotation)."""
    from django.apps import apps

    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names
