"""Refused access, reported once: pages (middleware) and the API (exception handler) call `report_refusal`,
and the access log registers the handler that writes the "refused" row (core knows no audit)."""

import logging
from collections.abc import Callable

from django.db import DatabaseError
from django.http import Http404, HttpRequest

from .errors import Refused

logger = logging.getLogger(__name__)
HANDLERS: list[Callable[[HttpRequest, Refused], None]] = []


def register_refusal_handler(handler: Callable[[HttpRequest, Refused], None]) -> None:
    if handler not in HANDLERS:
        HANDLERS.append(handler)


def as_refused(request: HttpRequest, exc: Exception) -> Refused:
    """The refusal an exception stands for: a Refused as raised, or a plain 404 named by its URL and first id."""
    if isinstance(exc, Refused):
        return exc
    match = getattr(request, "resolver_match", None)
    object_type = match.view_name if match else ""
    object_id = next(iter(match.kwargs.values()), "") if match and match.kwargs else ""
    return Refused(object_type, object_id)


def report_refusal(request: HttpRequest, exc: Exception) -> None:
    """Tell the handlers that an authenticated user was refused (404). Never raises: the answer stays 404."""
    user = getattr(request, "user", None)
    if not isinstance(exc, Http404) or user is None or not user.is_authenticated:
        return
    refused = as_refused(request, exc)
    for handler in HANDLERS:
        try:
            handler(request, refused)
        except DatabaseError:  # the 404 must not become a 500; the failure itself is logged
            logger.exception("could not record a refused access")
