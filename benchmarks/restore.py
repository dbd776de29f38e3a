"""Backup and restore drill: `.venv/bin/python benchmarks/restore.py [--databases sqlite,postgresql] [--rows 5000]`.

For each database: a fresh database with the demo and --rows extra access-log rows, a signed checkpoint, then
`manage.py backup` while an app instance keeps writing; the copy is restored into a fresh database (pg_restore
into a new database; the SQLite file put in place) and `audit_verify` runs there. Prints the backup's size and
times and the row counts, which must match the rows present when the backup was taken (at least the rows before
it). Exits 1 on a mismatch or a failed verification.
"""

import argparse
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import Server, database, demo_token, manage, request, seed_demo  # noqa: E402

ADD_ROWS = """
from tryg.audit.models import AuditEvent, Action
from tryg.audit.services import audit_bulk_append
from tryg.accounts.models import Municipality
munis = list(Municipality.objects.values_list("pk", flat=True))
audit_bulk_append(AuditEvent(action=Action.VIEW, object_type="cases.case", object_id=str(i),
                  municipality_id=munis[i % len(munis)], purpose="Drill") for i in range({n}))
"""
COUNT = "from tryg.audit.models import AuditEvent; print(AuditEvent.objects.count())"


def count(env) -> int:
    return int(manage(env, "shell", "-c", COUNT).stdout.strip().splitlines()[-1])


def drill(kind: str, database_url: str, rows: int) -> bool:
    print(f"== {kind}")
    with database(kind, database_url, label="drill") as env:
        seed_demo(env)
        manage(env, "shell", "-c", ADD_ROWS.format(n=rows))
        manage(env, "audit_checkpoint")
        before = count(env)
        server = Server(env, name="drill").start()
        token = demo_token(server.url, "sagsbehandler")
        stop = threading.Event()

        def keep_reading():  # audited reads while the backup runs
            while not stop.is_set():
                request("POST", server.url + "/api/v1/cases/search/", {"q": "Hansen"}, token=token)

        reader = threading.Thread(target=keep_reading, daemon=True)
        reader.start()
        folder = Path(env["TRYG_SCRIPT_FOLDER"])
        target = folder / "tryg.backup"
        started = time.monotonic()
        manage(env, "backup", str(target))
        backup_seconds = time.monotonic() - started
        stop.set()
        reader.join(timeout=30)
        server.stop()
        after = count(env)
        started = time.monotonic()
        if kind == "sqlite":
            restored_path = folder / "restored.sqlite3"
            shutil.copy(target, restored_path)
            restored_env = {**env, "SQLITE_PATH": str(restored_path)}
            cleanup = lambda: None  # noqa: E731
        else:
            url = urlparse(env["DATABASE_URL"])
            name = url.path.lstrip("/") + "_restored"
            admin = ["-h", url.hostname, "-U", url.username or "postgres"]
            subprocess.run(["createdb", *admin, name], check=True)
            subprocess.run(["pg_restore", *admin, "--no-owner", "--dbname", name, str(target)], check=True)
            restored_env = {**env, "DATABASE_URL": urlunparse(url._replace(path=f"/{name}"))}

            def cleanup():
                subprocess.run(["dropdb", *admin, "--if-exists", "--force", name], check=True)

        try:
            restore_seconds = time.monotonic() - started
            verify = manage(restored_env, "audit_verify", check=False)
            restored = count(restored_env)
        finally:
            cleanup()
        line = (verify.stdout + verify.stderr).strip().splitlines()[-1]
        print(
            f"  backup {target.stat().st_size / 1e6:.1f} MB in {backup_seconds:.1f} s   restore {restore_seconds:.1f} s"
        )
        print(f"  rows: before the backup {before}, at its end {after}, restored {restored}")
        print(f"  audit_verify on the restored database: {line}")
        return verify.returncode == 0 and before <= restored <= after and f"OK: {restored} rows" in line


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    results = [drill(kind, args.database_url, args.rows) for kind in args.databases.split(",")]
    print("restore:", "OK" if all(results) else "FAILED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
