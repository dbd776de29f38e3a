"""The access log's append-only triggers, for tests that must lift them briefly on SQLite.

Transactional tests empty every table afterwards with DELETE on SQLite, which the triggers refuse;
the root conftest lifts them for those tests only and puts them back after the flush.
"""

from importlib import import_module

_MIGRATIONS = [
    import_module(f"tryg.audit.migrations.{name}") for name in ("0002_append_only", "0004_chains_and_checkpoints")
]
SQLITE_DOWN = [sql for m in _MIGRATIONS for sql in m.SQLITE_DOWN]
SQLITE_UP = [sql for m in _MIGRATIONS for sql in m.SQLITE_UP]


def sqlite_triggers(connection, *, install: bool) -> None:
    """Lift (install=False) or put back the SQLite triggers of the access log and its checkpoints."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for sql in SQLITE_DOWN:
            cursor.execute(sql)
        if install:
            for sql in SQLITE_UP:
                cursor.execute(sql)
