"""One chain per municipality, and signed checkpoints that catch a rewrite by someone who can write to the
database and recompute every hash (ARCHITECTURE.md, Audit)."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from tryg.accounts.models import Municipality
from tryg.audit import signing
from tryg.audit.models import GENESIS, Action, AuditCheckpoint, AuditEvent
from tryg.audit.services import audit_checkpoint, audit_record, audit_verify, checkpoints_json


@pytest.fixture
def munis(cast):
    aalborg = cast["sagsbehandler"].municipality
    hjoerring = cast["outsider"].municipality
    return aalborg, hjoerring


def _write(cast, munis, n=12):
    for i in range(n):
        user = cast["sagsbehandler"] if i % 2 else cast["outsider"]
        audit_record(actor=user, action=Action.VIEW, obj=("cases.case", str(i)), purpose="Sagsbehandling")


def _lift_triggers(cursor):
    """What a database administrator can do: switch the append-only triggers off (rolled back after the test)."""
    if connection.vendor == "postgresql":
        cursor.execute("SET LOCAL session_replication_role = replica")
    else:
        cursor.execute("DROP TRIGGER audit_auditevent_no_update")
        cursor.execute("DROP TRIGGER audit_auditevent_no_delete")


def _rewrite_and_rechain(municipality_id, index, purpose):
    """Change one row of a municipality's chain and recompute its hash and every later hash of that chain, so
    every link and every hash is consistent again."""
    rows = list(AuditEvent.objects.filter(municipality_id=municipality_id).order_by("id"))
    with connection.cursor() as cursor:
        _lift_triggers(cursor)
        prev = rows[index - 1].hash if index else GENESIS
        for row in rows[index:]:
            if row is rows[index]:
                row.purpose = purpose
            row.prev_hash = prev
            row.hash = row.compute_hash()
            prev = row.hash
            cursor.execute(
                "UPDATE audit_auditevent SET purpose = %s, prev_hash = %s, hash = %s WHERE id = %s",
                [row.purpose, row.prev_hash, row.hash, row.id],
            )


def test_each_municipality_has_its_own_chain(cast, munis):
    _write(cast, munis)
    aalborg, hjoerring = munis
    for muni in munis:
        rows = list(AuditEvent.objects.filter(municipality=muni).order_by("id"))
        assert {r.chain for r in rows} == {f"m{muni.pk}"}
        assert rows[0].prev_hash == GENESIS
        assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert audit_verify() == (True, [])


def test_the_daily_checkpoint_signs_each_chain_head_that_moved(cast, munis, capsys):
    _write(cast, munis)
    call_command("audit_checkpoint")
    assert "OK: 2 checkpoint(s) written" in capsys.readouterr().out
    aalborg, _ = munis
    checkpoint = AuditCheckpoint.objects.get(chain=f"m{aalborg.pk}")
    head = AuditEvent.objects.filter(municipality=aalborg).order_by("-id").first()
    assert (checkpoint.last_id, checkpoint.head_hash, checkpoint.rows) == (head.id, head.hash, 6)
    assert signing.signature_valid(checkpoint.message(), checkpoint.key_id, checkpoint.signature)
    assert audit_checkpoint() == []  # nothing moved
    audit_record(actor=cast["sagsbehandler"], action=Action.VIEW, obj=("cases.case", "99"))
    assert [c.chain for c in audit_checkpoint()] == [f"m{aalborg.pk}"]
    call_command("audit_verify")
    assert "3 signed checkpoint(s)" in capsys.readouterr().out


def test_a_rewrite_with_every_hash_recomputed_is_caught_by_the_signed_checkpoint(cast, munis, capsys):
    aalborg, hjoerring = munis
    _write(cast, munis)
    audit_checkpoint()
    _rewrite_and_rechain(aalborg.pk, 2, "Noget helt andet")
    rows = list(AuditEvent.objects.filter(municipality=aalborg).order_by("id"))
    assert all(r.compute_hash() == r.hash for r in rows)  # without the checkpoint it would look intact
    ok, problems = audit_verify()
    assert not ok
    assert problems == [
        f"chain m{aalborg.pk}: row {rows[-1].id} does not match the signed checkpoint of "
        f"{AuditCheckpoint.objects.get(chain=f'm{aalborg.pk}').at:%Y-%m-%d %H:%M} (rows rewritten or removed before it)"
    ]
    with pytest.raises(CommandError):
        call_command("audit_verify")
    # Hjørring's chain is untouched and verifies on its own.
    assert not [p for p in problems if f"m{hjoerring.pk}" in p]


def test_removing_rows_or_checkpoints_is_caught_with_the_coordinators_copy(cast, munis, tmp_path):
    aalborg, _ = munis
    _write(cast, munis)
    audit_checkpoint()
    copy = tmp_path / "checkpoints.jsonl"
    copy.write_text(checkpoints_json(aalborg.pk))
    assert len(copy.read_text().splitlines()) == 1
    head = AuditEvent.objects.filter(municipality=aalborg).order_by("-id").first()
    with connection.cursor() as cursor:
        _lift_triggers(cursor)
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_auditcheckpoint_no_delete")
        cursor.execute("DELETE FROM audit_auditcheckpoint")
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [head.id])
    assert audit_verify() == (True, [])  # the database alone no longer shows it ...
    ok, problems = audit_verify(external_checkpoints=[json.loads(line) for line in copy.read_text().splitlines()])
    assert not ok and "is missing (rows removed)" in problems[0]  # ... the coordinator's copy does
    with pytest.raises(CommandError):
        call_command("audit_verify", checkpoints=[str(copy)])


def test_a_forged_checkpoint_is_refused(cast, munis, settings):
    _write(cast, munis)
    audit_checkpoint()
    other_private, _other_public = signing.generate_key()
    settings.TRYG_AUDIT_SIGNING_KEY = other_private  # a key the verifier does not know
    settings.TRYG_AUDIT_VERIFY_KEYS = []
    ok, problems = audit_verify()
    assert not ok and all("has no valid signature" in p for p in problems) and len(problems) == 2


def test_checkpoints_are_append_only(cast, munis):
    _write(cast, munis)
    checkpoint = audit_checkpoint()[0]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(rows=1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).delete()


def test_without_a_signing_key_the_command_says_so(cast, settings):
    settings.TRYG_AUDIT_SIGNING_KEY = ""
    audit_record(actor=None, action=Action.LOGIN_FAILED, username="x", municipality_id=Municipality.objects.first().pk)
    with pytest.raises(CommandError, match="TRYG_AUDIT_SIGNING_KEY"):
        call_command("audit_checkpoint")


def test_generate_key_prints_a_usable_pair(capsys):
    call_command("audit_checkpoint", generate_key=True)
    out = capsys.readouterr().out
    assert out.startswith("TRYG_AUDIT_SIGNING_KEY=") and "TRYG_AUDIT_VERIFY_KEYS=" in out


def test_the_coordinator_downloads_the_own_chains_checkpoints(cast, munis, clients):
    aalborg, hjoerring = munis
    _write(cast, munis)
    audit_checkpoint()
    response = clients["tovholder"].get("/app/audit/checkpoints/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    lines = [json.loads(line) for line in response.content.decode().splitlines()]
    assert [item["chain"] for item in lines] == [f"m{aalborg.pk}"]
    assert audit_verify(external_checkpoints=lines) == (True, [])
    assert clients["sagsbehandler"].get("/app/audit/checkpoints/").status_code == 404
    assert "checkpoints/" in clients["tovholder"].get("/app/audit/").content.decode()
