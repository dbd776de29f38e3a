"""The access log's append-only triggers, for tests that must lift them briefly on SQLite.

Transactional tests empty every table afterwards with DELETE on SQLite, which the triggers refuse;
the root conftest lifts them for those tests only and puts them back after the flush.
"""

from importlib import import_module

_migration = import_module("tryg.audit.migrations.0002_append_only")


def sqlite_triggers(connection, *, install: bool) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for sql in _migration.SQLITE_DOWN:
            cursor.execute(sql)
        if install:
            for sql in _migration.SQLITE_UP:
                cursor.execute(sql)
