"""Repeated refusals of one user: after each refused access is logged, count that user's refusals in the same
municipality's log over the last REFUSAL_WINDOW; while the count is at REFUSAL_THRESHOLD or above, call the
registered refusal alerts. They are called for every refusal of a burst, not only the one that crosses the
threshold: two refusals logged at the same moment may both count past it, and a burst must never go untold.
Telling a burst once is the receiver's part (cases notifies the coordinators at most once a window per user)."""

import logging
from datetime import timedelta

from django.utils import timezone

from .models import Action, AuditEvent
from .registry import REFUSAL_ALERTS, RefusalBurst

logger = logging.getLogger(__name__)
REFUSAL_THRESHOLD = 5
REFUSAL_WINDOW = timedelta(hours=1)


def refusal_watch(request, refused) -> None:
    """A refusal handler (core.refusals), registered after `audit_refused` so the row is already written."""
    user = request.user
    municipality_id = refused.municipality_id or user.municipality_id
    if municipality_id is None or not REFUSAL_ALERTS:
        return
    now = timezone.now()
    count = AuditEvent.objects.filter(
        municipality_id=municipality_id, action=Action.REFUSED, actor_id=user.pk, at__gt=now - REFUSAL_WINDOW
    ).count()
    if count < REFUSAL_THRESHOLD:
        return
    burst = RefusalBurst(
        municipality_id=municipality_id,
        actor_id=user.pk,
        username=user.username,
        count=count,
        window=REFUSAL_WINDOW,
        last_at=now,
    )
    for alert in REFUSAL_ALERTS:
        try:
            alert(burst)
        except Exception:  # an alert must never turn the 404 into a 500; the failure is logged
            logger.exception("a refusal alert failed")
