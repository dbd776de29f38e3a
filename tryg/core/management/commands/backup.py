"""`manage.py backup PATH`: a consistent copy of the whole database, taken while the service runs.

- PostgreSQL: `pg_dump --format=custom` (one transaction snapshot) to PATH; restore with `pg_restore` into a new,
  empty database (README, "Backup and restore").
- SQLite: the online backup API (`sqlite3.Connection.backup`, page by page, consistent) to PATH; restore by
  putting the file in place while the service is stopped.

Beside PATH it writes PATH.txt: what the copy needs to be readable, without any secret in it. Encrypted columns
need the Fernet keys of TRYG_ENCRYPTION_KEYS (their fingerprints are listed, so the right keys can be found); the
search tokens need the same SECRET_KEY (or `manage.py refresh_search_tokens` after a restore); the access log's
checkpoints verify with the public keys listed. Keep the keys apart from the backups: a copy without its keys
is unreadable, which is the point.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


def _fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:16]


class Command(BaseCommand):
    help = "Write a consistent backup of the database to PATH (pg_dump custom format, or SQLite's backup API)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the backup (a new file).")

    def handle(self, *args, path, **options):
        target = Path(path)
        if target.exists():
            raise CommandError(f"{target} exists already; choose a new file name")
        target.parent.mkdir(parents=True, exist_ok=True)
        if connection.vendor == "postgresql":
            self._pg_dump(target)
        elif connection.vendor == "sqlite":
            self._sqlite_backup(target)
        else:  # pragma: no cover
            raise CommandError(f"no backup for the {connection.vendor} backend")
        note = self._note(target)
        target.with_name(target.name + ".txt").write_text(note, encoding="utf-8")
        self.stdout.write(f"OK: {connection.vendor} backup written to {target} ({target.stat().st_size} bytes)")
        self.stdout.write(note)

    def _pg_dump(self, target: Path) -> None:
        db = connection.settings_dict
        if shutil.which("pg_dump") is None:
            raise CommandError("pg_dump is not installed (apt-get install postgresql-client)")
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), "--dbname", db["NAME"]]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if db.get(key):
                command += [flag, str(db[key])]
        env = {"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {}
        result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            target.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")

    def _sqlite_backup(self, target: Path) -> None:
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            with destination:
                connection.connection.backup(destination)
        finally:
            destination.close()

    def _note(self, target: Path) -> str:
        keys = ", ".join(_fingerprint(k) for k in settings.TRYG_ENCRYPTION_KEYS) or "(derived from SECRET_KEY)"
        public = ", ".join(_fingerprint(k) for k in settings.TRYG_AUDIT_VERIFY_KEYS) or "(the signing key's own)"
        return (
            f"Tryg backup {target.name}, {timezone.now():%Y-%m-%d %H:%M:%S %Z}, {connection.vendor}\n"
            f"Encryption keys needed (TRYG_ENCRYPTION_KEYS, SHA-256 fingerprints): {keys}\n"
            f"SECRET_KEY needed for search tokens: fingerprint {_fingerprint(settings.SECRET_KEY)}"
            " (or run manage.py refresh_search_tokens)\n"
            f"Access-log checkpoints verify with TRYG_AUDIT_VERIFY_KEYS (fingerprints): {public}\n"
            "Restore: see README, 'Backup and restore'; then run manage.py audit_verify.\n"
        )
