"""The access log is append-only and hash-chained; `manage.py audit_verify` finds any change."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from tryg.audit.models import GENESIS, Action, AuditEvent
from tryg.audit.services import audit_bulk_append, audit_record, audit_verify


def _write_many(cast, n=60):
    actors = [cast["sagsbehandler"], cast["tovholder"], None]
    for i in range(n):
        audit_record(
            actor=actors[i % 3],
            action=[Action.VIEW, Action.UPDATE, Action.SEARCH][i % 3],
            obj=("cases.case", str(i)),
            subject=("cases.person", str(i % 7)),
            purpose="Sagsbehandling",
            detail=f"række {i} – æøå",
        )
    audit_bulk_append(
        AuditEvent(action=Action.VIEW, object_type="cases.case", object_id=str(i), purpose="Import") for i in range(40)
    )


def _verify_output(capsys):
    try:
        call_command("audit_verify")
    except CommandError as exc:
        captured = capsys.readouterr()
        return exc.returncode, captured.out, captured.err + str(exc)
    captured = capsys.readouterr()
    return 0, captured.out, captured.err


def _tamper(row_id: int, purpose: str) -> None:
    """Change one row behind the application's back, bypassing the append-only trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The trigger refuses the change first ...
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                cursor.execute("UPDATE audit_auditevent SET purpose = %s WHERE id = %s", [purpose, row_id])
            # ... so a superuser disables triggers for this transaction (rolled back after the test).
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                cursor.execute("UPDATE audit_auditevent SET purpose = %s WHERE id = %s", [purpose, row_id])
            # SQLite: DDL is transactional, so dropping the triggers is undone when the test rolls back.
            cursor.execute("DROP TRIGGER audit_auditevent_no_update")
        cursor.execute("UPDATE audit_auditevent SET purpose = %s WHERE id = %s", [purpose, row_id])


def test_it_verifies_the_chain_after_many_writes(cast, capsys):
    _write_many(cast)
    rows = list(AuditEvent.objects.order_by("id"))
    assert len(rows) >= 100
    chains = {}
    for row in rows:  # each municipality's rows link to each other, starting from the genesis hash
        assert row.prev_hash == chains.get(row.chain, GENESIS)
        chains[row.chain] = row.hash
    assert set(chains) == {f"m{cast['sagsbehandler'].municipality_id}", "none"}
    assert audit_verify() == (True, [])
    code, out, _err = _verify_output(capsys)
    assert code == 0
    assert out.strip() == f"OK: {len(rows)} rows, chain intact (2 chain(s), 0 signed checkpoint(s))"


def test_it_detects_a_row_changed_by_hand(cast, capsys):
    _write_many(cast)
    victim = AuditEvent.objects.order_by("id")[30]
    _tamper(victim.id, "Noget helt andet")
    assert AuditEvent.objects.get(id=victim.id).purpose == "Noget helt andet"
    ok, problems = audit_verify()
    assert not ok
    assert problems == [f"row {victim.id}: content does not match its hash"]
    code, out, err = _verify_output(capsys)
    assert code == 1
    assert f"row {victim.id}: content does not match its hash" in err
    assert "chain intact" not in out


def test_it_detects_a_row_whose_hash_was_recomputed(cast, capsys):
    """Rewriting a row and its own hash still breaks the link from the next row."""
    _write_many(cast, n=10)
    rows = list(AuditEvent.objects.filter(municipality_id=cast["tovholder"].municipality_id).order_by("id")[:5])
    victim = rows[2]
    victim.purpose = "Skjult"
    new_hash = victim.compute_hash()
    _tamper(victim.id, "Skjult")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET hash = %s WHERE id = %s", [new_hash, victim.id])
    ok, problems = audit_verify()
    assert not ok
    assert problems == [f"row {rows[3].id}: link to previous row is broken"]


def test_it_refuses_delete_and_update_in_the_database(cast):
    audit_record(actor=cast["sagsbehandler"], action=Action.VIEW, obj=("cases.case", "1"))
    row = AuditEvent.objects.get()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(id=row.id).delete()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(id=row.id).update(purpose="x")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.get(id=row.id).hash == row.hash
    assert audit_verify() == (True, [])


def test_it_reports_an_empty_log_as_intact(db, capsys):
    code, out, _err = _verify_output(capsys)
    assert (code, out.strip()) == (0, "OK: 0 rows, chain intact (0 chain(s), 0 signed checkpoint(s))")
