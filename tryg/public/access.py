"""The one way to reach a citizen's own things: the receipt code. No login, no roles.

A wrong code, a code that has expired and a code that never existed give the same answer (None), and cost the same
time (codes.matches verifies a dummy hash when no row matches). Wrong codes are limited per address in memory
(tryg.core.ratelimit; the views count them)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import codes
from .models import Notification


def expiry_cutoff():
    return timezone.now() - timedelta(days=settings.TRYG_PUBLIC_THREAD_DAYS)


def _find(model, code: str, **related):
    code = codes.normalise(code)
    rows = []
    if code:
        rows = list(
            model.objects.select_related(*related.get("select", ())).filter(
                code_lookup=codes.lookup(code), last_activity_at__gt=expiry_cutoff()
            )[:3]
        )
    for row in rows:
        if codes.matches(code, row.code_hash):
            return row
    if not rows:
        codes.matches(code or "x", None)
    return None


def notification_for_code(code: str) -> Notification | None:
    return _find(Notification, code, select=("concern",))
