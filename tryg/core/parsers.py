"""The API's one JSON parser, bounded: body size, nesting depth, and the edge rules of `tryg.core.text`.

A body over settings.DATA_UPLOAD_MAX_MEMORY_SIZE, nested deeper than settings.TRYG_JSON_MAX_DEPTH, that is not
JSON, or that holds a NUL byte or a lone surrogate in any string is a ParseError: 400 in the API's error shape
(never a RecursionError and a 500). Every string (keys too) comes out NFC-normalised, passwords excepted."""

import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from .text import UNNORMALISED_FIELDS, has_forbidden, nfc


def _clean(data, max_depth: int):
    """Walk the parsed value without recursion: refuse depth and forbidden characters, NFC the strings."""
    root = [data]
    stack = [(root, 0, 0)]
    while stack:
        container, key, depth = stack.pop()
        value = container[key]
        if isinstance(value, str):
            if has_forbidden(value):
                raise ParseError(_("Teksten indeholder ugyldige tegn (NUL eller en enlig surrogat)."))
            if key not in UNNORMALISED_FIELDS:
                container[key] = nfc(value)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= max_depth:
            raise ParseError(_("JSON-dokumentet er indlejret for dybt."))
        if isinstance(value, dict):
            cleaned = {}
            for k, v in value.items():
                if has_forbidden(k):
                    raise ParseError(_("Teksten indeholder ugyldige tegn (NUL eller en enlig surrogat)."))
                cleaned[nfc(k)] = v
            container[key] = value = cleaned
            stack.extend((value, k, depth + 1) for k in value)
        else:
            stack.extend((value, i, depth + 1) for i in range(len(value)))
    return root[0]


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise ParseError(_("Forespørgslen er for stor."))
        if not raw:
            raise ParseError(_("Forespørgslen mangler et JSON-dokument."))
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(raw.decode(encoding), parse_constant=_refuse_constant)
        except (ValueError, RecursionError, UnicodeDecodeError):
            raise ParseError(_("Forespørgslen er ikke gyldig JSON.")) from None
        return _clean(data, settings.TRYG_JSON_MAX_DEPTH)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")
