"""On PostgreSQL, a trigram GIN index lets the blind-token search (`search_tokens LIKE '% token %'`) use an
index instead of scanning every person. SQLite has no such index type and keeps the scan."""

from django.db import migrations

UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS cases_person_search_tokens_trgm ON cases_person USING gin (search_tokens gin_trgm_ops)",
]
DOWN = ["DROP INDEX IF EXISTS cases_person_search_tokens_trgm"]


def up(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in UP:
            schema_editor.execute(sql)


def down(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in DOWN:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(up, down)]
