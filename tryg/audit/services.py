"""Writing the access log. Views and API endpoints call `audit_record` (or `audit_read`) for every
read and write of personal data, inside the same transaction as the write it describes."""

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone

from . import signing
from .models import GENESIS, Action, AuditCheckpoint, AuditEvent, chain_key

# An arbitrary constant for PostgreSQL's advisory locks that serialise appends to one chain; the second key is
# the chain's municipality (0: the chain of rows without one), so municipalities never wait for each other.
_CHAIN_LOCK = 72_734_201


def _lock_chain(chain: str) -> None:
    if connection.vendor == "postgresql":
        number = int(chain[1:]) if chain.startswith("m") else 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_CHAIN_LOCK, number])
    # SQLite: write transactions are IMMEDIATE (settings), so appends are already serialised.


_TABLE = AuditEvent._meta.db_table
_FIELDS = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
# Every page that shows personal data appends a row: the two statements are written once, not built by the ORM on
# each request (about half of the append's Python time).
_LAST_HASH_SQL = f'SELECT "hash" FROM "{_TABLE}" WHERE "chain" = %s ORDER BY "id" DESC LIMIT 1'  # noqa: S608 - names from the model, values as parameters
_COLUMNS = ", ".join(f'"{f.column}"' for f in _FIELDS)
_INSERT_SQL = f'INSERT INTO "{_TABLE}" ({_COLUMNS}) VALUES ({", ".join(["%s"] * len(_FIELDS))}) RETURNING "id"'  # noqa: S608


def _last_hash(chain: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(_LAST_HASH_SQL, [chain])
        row = cursor.fetchone()
    return row[0] if row else GENESIS


def _insert(event: AuditEvent) -> None:
    """INSERT the prepared event (as Model.save would: each value through its field's preparation)."""
    params = [f.get_db_prep_save(getattr(event, f.attname), connection) for f in _FIELDS]
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_SQL, params)
        event.pk = cursor.fetchone()[0]
    event._state.adding = False
    event._state.db = connection.alias


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
    chain = chain_key(fields["municipality_id"])
    with transaction.atomic():
        _lock_chain(chain)
        event = AuditEvent(
            at=timezone.now().astimezone(UTC),
            action=action,
            object_type=object_type,
            object_id=object_id,
            subject_type=subject_type,
            subject_id=subject_id,
            purpose=purpose[:300],
            detail=detail[:300],
            chain=chain,
            prev_hash=_last_hash(chain),
            **fields,
        )
        event.hash = event.compute_hash()
        _insert(event)
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
    """Append many prepared (unsaved) events in order, each to its municipality's chain; for data generators and
    imports. The chains are locked in a fixed order, so two imports cannot deadlock."""
    events = list(events)
    by_chain: dict[str, list[AuditEvent]] = defaultdict(list)
    for event in events:
        event.chain = chain_key(event.municipality_id)
        by_chain[event.chain].append(event)
    with transaction.atomic():
        for chain in sorted(by_chain):
            _lock_chain(chain)
        prev = {chain: _last_hash(chain) for chain in by_chain}
        for event in events:
            if event.at is None:
                event.at = timezone.now()
            event.at = event.at.astimezone(UTC)
            event.prev_hash = prev[event.chain]
            event.hash = event.compute_hash()
            prev[event.chain] = event.hash
        AuditEvent.objects.bulk_create(events, batch_size=batch_size)
    return len(events)


def audit_checkpoint(*, now=None) -> list[AuditCheckpoint]:
    """Sign each chain's head that moved since its last checkpoint (the daily job, `manage.py audit_checkpoint`).
    Verifies each chain first: a chain that does not verify is not signed (audit_verify tells why)."""
    made = []
    latest = {c.chain: c for c in AuditCheckpoint.objects.order_by("chain", "last_id")}
    for chain in _chains():
        with transaction.atomic():
            _lock_chain(chain)
            head = (
                AuditEvent.objects.filter(chain=chain).order_by("-id").values("id", "hash", "municipality_id").first()
            )
            if head is None or (chain in latest and latest[chain].last_id == head["id"]):
                continue
            problems, rows = _verify_chain(chain, checkpoints=[])
            if problems:
                continue
            checkpoint = AuditCheckpoint(
                at=(now or timezone.now()).astimezone(UTC),
                chain=chain,
                municipality_id=head["municipality_id"] if chain.startswith("m") else None,
                last_id=head["id"],
                rows=rows,
                head_hash=head["hash"],
            )
            checkpoint.key_id, checkpoint.signature = signing.sign(checkpoint.message())
            checkpoint.save(force_insert=True)
            made.append(checkpoint)
    return made


def _chains() -> list[str]:
    return sorted(AuditEvent.objects.order_by().values_list("chain", flat=True).distinct())


def _verify_chain(chain: str, *, checkpoints: list[AuditCheckpoint], batch_size: int = 5000) -> tuple[list[str], int]:
    """Walk one chain in id order: every link and hash, and every checkpoint (signature, head hash, row count)."""
    problems: list[str] = []
    pending = {c.last_id: c for c in checkpoints}
    for checkpoint in checkpoints:
        if not signing.signature_valid(checkpoint.message(), checkpoint.key_id, checkpoint.signature):
            problems.append(f"chain {chain or 'legacy'}: checkpoint at row {checkpoint.last_id} has no valid signature")
            pending.pop(checkpoint.last_id, None)
    prev, last_id, count = GENESIS, 0, 0
    while True:
        rows = list(AuditEvent.objects.filter(chain=chain, id__gt=last_id).order_by("id")[:batch_size])
        if not rows:
            break
        for row in rows:
            count += 1
            if row.prev_hash != prev:
                problems.append(f"row {row.id}: link to previous row is broken")
            if row.compute_hash() != row.hash:
                problems.append(f"row {row.id}: content does not match its hash")
            if (checkpoint := pending.pop(row.id, None)) is not None and (
                checkpoint.head_hash != row.hash or checkpoint.rows != count
            ):
                problems.append(
                    f"chain {chain or 'legacy'}: row {row.id} does not match the signed checkpoint of "
                    f"{checkpoint.at:%Y-%m-%d %H:%M} (rows rewritten or removed before it)"
                )
            prev = row.hash
            last_id = row.id
    for checkpoint in pending.values():
        problems.append(
            f"chain {chain or 'legacy'}: row {checkpoint.last_id} of the signed checkpoint of "
            f"{checkpoint.at:%Y-%m-%d %H:%M} is missing (rows removed)"
        )
    return problems, count


def audit_verify(*, external_checkpoints: Iterable[dict] = ()) -> tuple[bool, list[str]]:
    """Verify every chain against its checkpoints: those in the database and `external_checkpoints` (copies a
    coordinator kept outside it, as downloaded: dicts of AuditCheckpoint.as_dict()). A checkpoint's chain must
    still exist; a rewrite that recomputed every hash is caught at the first signed head after it."""
    by_chain: dict[str, list[AuditCheckpoint]] = defaultdict(list)
    for checkpoint in AuditCheckpoint.objects.order_by("chain", "last_id"):
        by_chain[checkpoint.chain].append(checkpoint)
    for item in external_checkpoints:
        checkpoint = checkpoint_from_dict(item)
        if all(c.message() != checkpoint.message() for c in by_chain[checkpoint.chain]):
            by_chain[checkpoint.chain].append(checkpoint)
    problems: list[str] = []
    for chain in sorted(set(_chains()) | set(by_chain)):
        chain_problems, _count = _verify_chain(chain, checkpoints=by_chain.get(chain, []))
        problems.extend(chain_problems)
    return (not problems), problems


def checkpoint_from_dict(item: dict) -> AuditCheckpoint:
    from datetime import datetime

    return AuditCheckpoint(
        at=datetime.fromisoformat(item["at"]),
        chain=item["chain"],
        last_id=int(item["last_id"]),
        rows=int(item["rows"]),
        head_hash=item["head_hash"],
        key_id=item["key_id"],
        signature=item["signature"],
    )


def checkpoints_json(municipality_id: int) -> str:
    """A municipality's chain checkpoints as JSON lines, for the coordinator to keep outside the database."""
    rows = AuditCheckpoint.objects.filter(chain=chain_key(municipality_id)).order_by("last_id")
    return "".join(json.dumps(c.as_dict(), separators=(",", ":")) + "\n" for c in rows)
