"""`manage.py backup` takes a consistent copy while the service runs; restored into a fresh database, the access
log verifies with the same number of rows (README, "Backup and restore")."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
from django.core.management import call_command
from django.db import connection

from tryg.audit.models import Action, AuditEvent
from tryg.audit.services import audit_checkpoint, audit_record

ROOT = Path(__file__).resolve().parents[3]


def _verify_in(env_overrides: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    env.update(TRYG_TESTING="1", **env_overrides)  # the test settings' keys verify the checkpoints
    return subprocess.run(
        [sys.executable, "manage.py", "audit_verify"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.xdist_group("backup")
def test_a_backup_restored_into_a_fresh_database_verifies_with_the_same_rows(transactional_db, cast, tmp_path):
    for i in range(20):
        audit_record(actor=cast["sagsbehandler"], action=Action.VIEW, obj=("cases.case", str(i)), purpose="Test")
    audit_checkpoint()
    rows = AuditEvent.objects.count()
    target = tmp_path / "tryg.backup"
    call_command("backup", str(target))
    assert target.stat().st_size > 0
    note = (tmp_path / "tryg.backup.txt").read_text()
    assert "Encryption keys needed" in note and "hJ0Hq2" not in note  # fingerprints, never the keys
    if connection.vendor == "sqlite":
        restored = tmp_path / "restored.sqlite3"
        shutil.copy(target, restored)
        result = _verify_in({"SQLITE_PATH": str(restored)})
    else:
        if shutil.which("pg_restore") is None:
            pytest.skip("pg_restore is not installed")
        url = urlparse(os.environ["DATABASE_URL"])
        name = f"{connection.settings_dict['NAME']}_restored"
        admin = ["-h", url.hostname or "127.0.0.1", "-U", url.username or "postgres"]
        subprocess.run(["dropdb", *admin, "--if-exists", "--force", name], check=True)
        subprocess.run(["createdb", *admin, name], check=True)
        try:
            subprocess.run(["pg_restore", *admin, "--no-owner", "--dbname", name, str(target)], check=True)
            result = _verify_in({"DATABASE_URL": urlunparse(url._replace(path=f"/{name}"))})
        finally:
            subprocess.run(["dropdb", *admin, "--if-exists", "--force", name], check=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"OK: {rows} rows, chain intact")
    assert "1 signed checkpoint(s)" in result.stdout


def test_it_refuses_to_overwrite_a_file(db, tmp_path):
    existing = tmp_path / "old.backup"
    existing.write_text("x")
    with pytest.raises(Exception, match="exists already"):
        call_command("backup", str(existing))
