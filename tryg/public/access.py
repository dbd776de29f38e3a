"""The one way to reach a citizen's own things: the receipt code. No login, no roles.

A wrong code, a code that has expired and a code that never existed give the same answer (None), and cost the same
time (codes.matches verifies a dummy hash when no row matches). Wrong codes are limited per address in memory
(tryg.core.ratelimit; the views count them)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from . import codes
from .models import Notification, Thread


def expiry_cutoff():
    return timezone.now() - timedelta(days=settings.TRYG_PUBLIC_THREAD_DAYS)


def alive(model, cutoff=None) -> Q:
    """Rows with activity since the cutoff: the citizen's own, or for a thread also a consultant's reply."""
    cutoff = expiry_cutoff() if cutoff is None else cutoff
    if model is Thread:
        return Q(last_activity_at__gt=cutoff) | Q(consultation__updated_at__gt=cutoff)
    return Q(last_activity_at__gt=cutoff)


def _find(model, code: str, **related):
    code = codes.normalise(code)
    rows = []
    if code:
        rows = list(
            model.objects.select_related(*related.get("select", ())).filter(
                alive(model), code_lookup=codes.lookup(code)
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


def thread_for_code(code: str) -> Thread | None:
    return _find(Thread, code, select=("consultation",))
