"""Writing the access log. Views and API endpoints call `audit_record` (or `audit_read`) for every
read and write of personal data, inside the same transaction as the write it describes."""

from collections.abc import Iterable
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone

from .models import GENESIS, Action, AuditEvent

# An arbitrary constant for PostgreSQL's advisory lock that serialises appends to the chain.
_CHAIN_LOCK = 72_734_201


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
    # SQLite: write transactions are IMMEDIATE (settings), so appends are already serialised.


def _last_hash() -> str:
    return AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS


def _ref(obj) -> tuple[str, str]:
    if obj is None:
        return "", ""
    if isinstance(obj, tuple):
        return str(obj[0]), str(obj[1])
    return obj._meta.label_lower, str(obj.pk)


def _actor_fields(user) -> dict:
    if user is None or not getattr(user, "is_authenticated", False):
        return {"actor": None, "actor_username": "", "actor_unit": "", "municipality_id": None}
    units = getattr(user, "memberships_cached", None) or []
    return {
        "actor": user,
        "actor_username": user.username,
        "actor_unit": units[0].unit.name if units else "",
        "municipality_id": user.municipality_id,
    }


def _owner_municipality(subject, obj) -> int | None:
    """The municipality that holds the data: the subject's, else the object's (model instances only)."""
    for candidate in (subject, obj):  # a (type, id) tuple has no municipality_id
        owner = getattr(candidate, "municipality_id", None)
        if owner is not None:
            return owner
    return None


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    subject=None,
    purpose: str = "",
    detail: str = "",
    municipality_id: int | None = None,
    username: str = "",
) -> AuditEvent:
    """Append one row. `obj` and `subject` are model instances or (type, id) tuples."""
    if action not in Action.values:
        raise ValueError(f"unknown audit action {action!r}")
    fields = _actor_fields(actor)
    if username and not fields["actor_username"]:
        fields["actor_username"] = username[:150]
    # A row belongs to the municipality that holds the data, so its coordinator sees every read of its
    # people, also by a regional security consultant employed elsewhere; otherwise to the actor's.
    if municipality_id is None:
        municipality_id = _owner_municipality(subject, obj)
    if municipality_id is not None:
        fields["municipality_id"] = municipality_id
    object_type, object_id = _ref(obj)
    subject_type, subject_id = _ref(subject)
    with transaction.atomic():
        _lock_chain()
        event = AuditEvent(
            at=timezone.now().astimezone(UTC),
            action=action,
            object_type=object_type,
            object_id=object_id,
            subject_type=subject_type,
            subject_id=subject_id,
            purpose=purpose[:300],
            detail=detail[:300],
            prev_hash=_last_hash(),
            **fields,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
    return event


def audit_read(request, obj, *, subject=None, purpose: str = "", action: str = Action.VIEW) -> AuditEvent:
    """Record that the requesting user read `obj` (about `subject`) for `purpose`."""
    return audit_record(actor=request.user, action=action, obj=obj, subject=subject, purpose=purpose)


def audit_search(request, *, object_type: str, criterion: str, purpose: str = "") -> AuditEvent:
    return audit_record(
        actor=request.user, action=Action.SEARCH, obj=(object_type, ""), detail=criterion, purpose=purpose
    )


def audit_refused(request, refused) -> AuditEvent:
    """Record a refused access (a 404 for an object the user may not see or that does not exist): the actor,
    the target and the path. Filed under the municipality that holds the target when the access function
    named it, so that coordinator sees attempts on their data; otherwise under the actor's."""
    return audit_record(
        actor=request.user,
        action=Action.REFUSED,
        obj=(refused.object_type[:60], refused.object_id[:64]),
        detail=(refused.reason or request.path)[:300],
        municipality_id=refused.municipality_id,
    )


def audit_bulk_append(events: Iterable[AuditEvent], *, batch_size: int = 2000) -> int:
    """Append many prepared (unsaved) events in order, chaining them; for data generators and imports."""
    count = 0
    with transaction.atomic():
        _lock_chain()
        prev = _last_hash()
        batch = []
        for event in events:
            if event.at is None:
                event.at = timezone.now()
            event.at = event.at.astimezone(UTC)
            event.prev_hash = prev
            event.hash = event.compute_hash()
            prev = event.hash
            batch.append(event)
            if len(batch) >= batch_size:
                AuditEvent.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        if batch:
            AuditEvent.objects.bulk_create(batch)
            count += len(batch)
    return count


def audit_verify(*, batch_size: int = 5000) -> tuple[bool, list[str]]:
    """Walk the chain in id order; report every row whose hash or link does not match."""
    problems: list[str] = []
    prev = GENESIS
    last_id = 0
    while True:
        rows = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not rows:
            break
        for row in rows:
            if row.prev_hash != prev:
                problems.append(f"row {row.id}: link to previous row is broken")
            if row.compute_hash() != row.hash:
                problems.append(f"row {row.id}: content does not match its hash")
            prev = row.hash
            last_id = row.id
    return (not problems), problems
