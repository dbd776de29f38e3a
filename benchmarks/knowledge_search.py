#!/usr/bin/env python
"""Benchmark of the knowledge-base search (hjælperedskab).

Creates a throwaway database (an SQLite file in a temporary directory, or with --database-url a fresh
PostgreSQL database tryg_bench_<pid> on that server, dropped at the end), migrates it, loads 10,000
generated entries written from the seed content's vocabulary, then runs 200 varied queries through
`tryg.knowledge.selectors.search_entries` – the selector the search page and the API use – and prints
the median and 95th percentile latency in milliseconds.

    .venv/bin/python benchmarks/knowledge_search.py
    .venv/bin/python benchmarks/knowledge_search.py --database-url postgres://postgres@127.0.0.1:5432/postgres
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="a postgres:// URL of a server to create the benchmark database on")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args()


def create_postgres_database(url: str) -> tuple[str, str]:
    import psycopg

    parsed = urlparse(url)
    name = f"tryg_bench_{os.getpid()}"
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin, urlunparse(parsed._replace(path=f"/{name}"))


def drop_postgres_database(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def vocabulary() -> tuple[list[str], list[str]]:
    """Sentences and content words of the seed content (our own Danish text)."""
    from tryg.knowledge.content import national_items

    sentences, words = [], set()
    for item in national_items():
        for field in ("title", "summary", "body"):
            text = item.get(field) or ""
            sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]
            words |= {w.lower() for w in re.findall(r"[^\W\d_]{5,}", text)}
    return sentences, sorted(words)


def load_entries(count: int, rng: random.Random) -> None:
    from django.db import transaction
    from django.utils import timezone

    from tryg.accounts.demo import ensure_demo_org
    from tryg.accounts.models import Municipality
    from tryg.knowledge import search
    from tryg.knowledge.models import Entry

    ensure_demo_org(hash_password=False)
    municipalities = [None] * 7 + list(Municipality.objects.all())
    sentences, words = vocabulary()
    kinds = list(Entry.Kind.values)
    groups = list(Entry.Group.values)
    now = timezone.now()
    rows = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        title_words = rng.sample(words, 3)
        entry = Entry(
            slug=f"bench-{i}",
            municipality=rng.choice(municipalities),
            kind=kind,
            version=1,
            status=Entry.Status.PUBLISHED,
            valid_from=now,
            title=" ".join(title_words).capitalize(),
            summary=rng.choice(sentences)[:500],
            body=" ".join(rng.sample(sentences, rng.randint(3, 8))),
            created_at=now,
            updated_at=now,
        )
        if kind == Entry.Kind.WARNING_SIGN:
            entry.group = rng.choice(groups)
            entry.for_child, entry.for_young, entry.for_adult = (rng.random() < 0.5 for _ in range(3))
        elif kind == Entry.Kind.LEGAL_PROVISION:
            entry.law = rng.choice(["Barnets lov", "Serviceloven", "Straffeloven", "Forvaltningsloven"])
            entry.paragraph = f"§ {rng.randint(1, 300)}"
        elif kind == Entry.Kind.TOOL:
            entry.tool_type = rng.choice(list(Entry.ToolType.values))
        else:
            entry.audience = "Fagpersoner"
        rows.append(entry)
    with transaction.atomic():
        Entry.objects.bulk_create(rows, batch_size=1000)
        search.reindex_all()


def make_queries(count: int, rng: random.Random) -> list[dict]:
    from tryg.accounts.models import Municipality
    from tryg.knowledge.models import Entry

    _, words = vocabulary()
    fixed = ["tvangsægteskab", "tvangsægteskaber", "underretning", "sikkerhedskonsulenterne", "trusler vold"]
    municipalities = list(Municipality.objects.all())
    queries = []
    for i in range(count):
        if i < len(fixed):
            q = fixed[i]
        else:
            q = " ".join(rng.sample(words, 1 if rng.random() < 0.6 else 2))
        queries.append(
            {
                "municipality": municipalities[i % len(municipalities)],
                "q": q,
                "kind": rng.choice([None, None, None, *Entry.Kind.values]),
            }
        )
    return queries


def main() -> int:
    args = parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="tryg-bench-")
    admin_url = bench_name = None
    if args.database_url:
        admin_url, bench_url = create_postgres_database(args.database_url)
        bench_name = urlparse(bench_url).path.lstrip("/")
        os.environ["DATABASE_URL"] = bench_url
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(Path(tmp.name) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tryg.settings")
    os.environ["TRYG_DEMO"] = "1"  # the benchmark creates the demo organisation

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    from tryg.knowledge.selectors import search_entries

    try:
        call_command("migrate", verbosity=0, skip_checks=True)
        rng = random.Random(args.seed)
        started = time.perf_counter()
        load_entries(args.entries, rng)
        load_seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE knowledge_entry")
        queries = make_queries(args.queries, rng)
        for query in queries[:10]:  # warm-up
            search_entries(query["municipality"], query["q"], kind=query["kind"])
        timings, totals = [], []
        for query in queries:
            t0 = time.perf_counter()
            page = search_entries(query["municipality"], query["q"], kind=query["kind"], limit=20)
            timings.append((time.perf_counter() - t0) * 1000)
            totals.append(page.total)
        timings.sort()
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        print(f"database:        {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"entries loaded:  {args.entries} in {load_seconds:.1f} s")
        print(f"queries:         {len(timings)} (mean hits {statistics.mean(totals):.0f}, zero-hit {totals.count(0)})")
        print(f"median:          {statistics.median(timings):.1f} ms")
        print(f"p95:             {p95:.1f} ms")
        print(f"max:             {timings[-1]:.1f} ms")
    finally:
        connections.close_all()
        if admin_url:
            drop_postgres_database(admin_url, bench_name)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
