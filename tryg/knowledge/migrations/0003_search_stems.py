"""SQLite: the FTS5 table holds Snowball stems (as PostgreSQL's `danish` configuration), not the raw words.

The table is rebuilt without diacritic folding (the stems keep æ, ø and å, as PostgreSQL does) and filled
from the current published entries. PostgreSQL is untouched.
"""

from django.db import migrations

FTS_TABLE = "knowledge_entry_fts"


def _rows(apps):
    from tryg.knowledge.search import stemmed_text

    Entry = apps.get_model("knowledge", "Entry")
    current = Entry.objects.filter(status="published", valid_to__isnull=True)
    for e in current.only("pk", "title", "summary", "body", "law", "paragraph", "audience", "address"):
        parts = [e.summary, e.body, e.law, e.paragraph, e.audience, e.address]
        yield e.pk, stemmed_text(e.title), stemmed_text("\n".join(p for p in parts if p))


def _create_table(schema_editor, remove_diacritics: int) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        f"title, body, tokenize = 'unicode61 remove_diacritics {remove_diacritics}')"
    )


def rebuild(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    _create_table(schema_editor, 0)
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)", list(_rows(apps)))


def back(apps, schema_editor):
    # The table as migration 0002 made it; `manage.py` code of that time refills it on the next publish.
    if schema_editor.connection.vendor == "sqlite":
        _create_table(schema_editor, 2)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_search_index")]

    operations = [migrations.RunPython(rebuild, back, elidable=False)]
