"""Shared set-up for benchmark scripts: a throwaway database (SQLite file or fresh PostgreSQL database)."""

import os
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str | None, *, prefix: str = "tryg_bench") -> callable:
    """Point Django at a new, empty database (PostgreSQL: named `<prefix>_<pid>`) and migrate it. Returns a cleanup
    function."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tryg.settings")
    # Test-mode settings: plain static storage (no collectstatic needed) and fast hashing. Request
    # handling, queries and templates are the production ones.
    os.environ["TRYG_TESTING"] = "1"
    os.environ["TRYG_DEMO"] = "1"
    cleanup = lambda: None  # noqa: E731
    if database_url:
        parsed = urlparse(database_url)
        name = f"{prefix}_{os.getpid()}"
        admin_url = urlunparse(parsed._replace(path="/postgres"))
        import psycopg

        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = urlunparse(parsed._replace(path=f"/{name}"))

        def cleanup():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        folder = tempfile.mkdtemp(prefix="tryg-bench-")
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(Path(folder) / "bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return cleanup


def summarise(samples_ms: list[float]) -> str:
    samples = sorted(samples_ms)
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    return f"median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms   (n={len(samples)})"
