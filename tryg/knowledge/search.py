"""Full-text search of the knowledge base on PostgreSQL and SQLite, with the same Danish stemming on both.

PostgreSQL: a stored `tsvector` column (`Entry.search_vector`, weighted: title A, summary B, the rest C)
built with the `danish` text-search configuration, a GIN index (migration 0002, PostgreSQL only),
`websearch_to_tsquery('danish', ...)`, `ts_rank` and `ts_headline`.

SQLite: an FTS5 table `knowledge_entry_fts` (rowid = Entry.id) holding the current published versions as
*stems*: every word of the title and of the text is reduced with Snowball's Danish stemmer (the
`snowballstemmer` package), the algorithm behind PostgreSQL's `danish` configuration, after dropping the
same Danish stop words. A query is stemmed the same way and every stem must match exactly, as in
PostgreSQL: "tvangsægteskaber", "tvangsægteskabet" and "tvangsægteskab" all become "tvangsægteskab".
Ranking uses `bm25()` with the title weighted above the text; snippets are cut from the original text
around the words whose stems match.

Both keep the index in step through `index_entries()`, which services call on every publish.
Snippets come back as safe HTML: the text is escaped first, then the match markers become <mark>.
"""

import re

import snowballstemmer
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Entry

FTS_TABLE = "knowledge_entry_fts"
START, STOP = "\x02", "\x03"
WORD_RE = re.compile(r"[^\W_]+")

# Danish stop words (the common function words; the same idea as the snowball list PostgreSQL uses).
STOPWORDS = frozenset(
    """
    ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du efter
    eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind
    jeg jer jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over
    på selv sig sin sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været
    """.split()
)

_STEMMER = snowballstemmer.stemmer("danish")
SNIPPET_WORDS = 24


def danish_stem(word: str) -> str:
    """Snowball's Danish stem of one word, lower-cased ("skolerne" -> "skol")."""
    return _STEMMER.stemWord(word.lower())


def stems(text: str) -> list[str]:
    """The stems of the words of `text` that are not stop words, in order."""
    return [danish_stem(w) for w in WORD_RE.findall((text or "").lower()) if w not in STOPWORDS]


def stemmed_text(text: str) -> str:
    return " ".join(stems(text))


def has_terms(q: str) -> bool:
    return bool(WORD_RE.search(q or ""))


def fts5_query(q: str) -> str:
    """An FTS5 MATCH expression: every non-stop word's stem, quoted, all required."""
    return " AND ".join(f'"{stem}"' for stem in dict.fromkeys(stems(q)))


def snippet_for(text: str, q: str) -> str:
    """A short excerpt of `text` around the first word whose stem matches the query, matches marked."""
    wanted = set(stems(q))
    words = list(WORD_RE.finditer(text or ""))
    if not words:
        return ""
    hits = [i for i, m in enumerate(words) if m.group().lower() not in STOPWORDS and danish_stem(m.group()) in wanted]
    first = max(0, (hits[0] if hits else 0) - 4)
    last = min(len(words), first + SNIPPET_WORDS)
    out = []
    cursor = words[first].start()
    for i in range(first, last):
        m = words[i]
        out.append(text[cursor : m.start()])
        out.append(f"{START}{m.group()}{STOP}" if i in hits else m.group())
        cursor = m.end()
    body = "".join(out).strip()
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(words) else ""
    return prefix + body + suffix


def marked_html(text: str) -> SafeString:
    """Escape `text`, then turn the match markers into <mark> elements."""
    escaped = escape(text or "")
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped above)


def _index_title(entry: Entry) -> str:
    # The same fields PostgreSQL weights A (title) ...
    return stemmed_text(entry.title)


def _index_body(entry: Entry) -> str:
    # ... and B and C (summary; body, law, paragraph, audience, address).
    parts = [entry.summary, entry.body, entry.law, entry.paragraph, entry.audience, entry.address]
    return stemmed_text("\n".join(part for part in parts if part))


def _snippet_source(entry: Entry) -> str:
    return "\n".join(part for part in [entry.summary, entry.body] if part)


def pg_vector():
    return (
        SearchVector("title", weight="A", config="danish")
        + SearchVector("summary", weight="B", config="danish")
        + SearchVector("body", "law", "paragraph", "audience", "address", weight="C", config="danish")
    )


def index_entries(entry_ids, *, using: str = "default") -> None:
    """Bring the search index in step with these entries (current published ones in, the rest out)."""
    entry_ids = list(entry_ids)
    if not entry_ids:
        return
    connection = connections[using]
    if connection.vendor == "postgresql":
        current = Entry.objects.using(using).current().filter(pk__in=entry_ids)
        current.update(search_vector=pg_vector())
        Entry.objects.using(using).filter(pk__in=entry_ids).exclude(pk__in=current.values("pk")).update(
            search_vector=None
        )
        return
    if connection.vendor != "sqlite":
        return
    rows = [
        (e.pk, _index_title(e), _index_body(e))
        for e in Entry.objects.using(using)
        .current()
        .filter(pk__in=entry_ids)
        .only("pk", "title", "summary", "body", "law", "paragraph", "audience", "address")
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(entry_ids), 500):
            chunk = entry_ids[start : start + 500]
            marks = ",".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)  # noqa: S608
        if rows:
            cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows)  # noqa: S608


def reindex_all(*, using: str = "default") -> None:
    """Rebuild the whole index (after a bulk load, or to repair it)."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
    ids = list(Entry.objects.using(using).values_list("pk", flat=True))
    for start in range(0, len(ids), 2000):
        index_entries(ids[start : start + 2000], using=using)


def run(base, q: str, *, offset: int, limit: int) -> tuple[int, list[Entry]]:
    """Search within the queryset `base`; returns (total, hits) with `rank` and `snippet` on each hit."""
    vendor = connections[base.db].vendor
    if vendor == "postgresql":
        return _run_postgresql(base, q, offset=offset, limit=limit)
    return _run_sqlite(base, q, offset=offset, limit=limit)


def _run_postgresql(base, q: str, *, offset: int, limit: int) -> tuple[int, list[Entry]]:
    query = SearchQuery(q, search_type="websearch", config="danish")
    matches = base.filter(search_vector=query)
    total = matches.count()
    if total == 0 or offset >= total:
        return total, []
    headline = SearchHeadline(
        Concat("summary", Value("\n"), "body", output_field=TextField()),
        query,
        config="danish",
        start_sel=START,
        stop_sel=STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    hits = list(
        matches.annotate(rank=SearchRank(F("search_vector"), query), headline=headline).order_by(
            "-rank", "title", "pk"
        )[offset : offset + limit]
    )
    for hit in hits:
        hit.snippet = marked_html(hit.headline)
    return total, hits


def _run_sqlite(base, q: str, *, offset: int, limit: int) -> tuple[int, list[Entry]]:
    match = fts5_query(q)
    if not match:
        return 0, []
    inner_sql, inner_params = base.order_by().values("pk").query.sql_with_params()
    # "+rowid" keeps the visibility filter out of FTS5's own plan: otherwise SQLite hands every visible id
    # to the virtual table and the full-text query runs once per id. This way it runs once, and each
    # match is checked against the (materialised) set of visible ids.
    where = f"{FTS_TABLE} MATCH %s AND +rowid IN ({inner_sql})"
    connection = connections[base.db]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {where}", [match, *inner_params])  # noqa: S608
        total = cursor.fetchone()[0]
        if total == 0 or offset >= total:
            return total, []
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, 6.0, 1.0) AS score "  # noqa: S608
            f"FROM {FTS_TABLE} WHERE {where} ORDER BY score, rowid LIMIT %s OFFSET %s",
            [match, *inner_params, limit, offset],
        )
        ranked = cursor.fetchall()
    ids = [row[0] for row in ranked]
    by_id = Entry.objects.using(base.db).in_bulk(ids)
    hits = []
    for pk, score in ranked:
        entry = by_id.get(pk)
        if entry is None:
            continue
        entry.rank = -score  # bm25 is lower-is-better; expose higher-is-better like PostgreSQL
        entry.snippet = marked_html(snippet_for(_snippet_source(entry), q))
        hits.append(entry)
    return total, hits
