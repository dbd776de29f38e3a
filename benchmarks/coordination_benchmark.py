"""Server time of the consultants' queue (and its filtered and API forms, the counts page and a consultation's
page), at two data sizes.

    .venv/bin/python benchmarks/coordination_benchmark.py --small 1000 --large 100000 \
        [--database-url postgres://postgres@127.0.0.1:5432/coordq_bench] [--requests 100] [--no-explain]

Creates a throwaway database (PostgreSQL: named after the one given, `<name>_<pid>`), loads --small consultations
with `seed_load_consultations`, measures each page (median, p95 of --requests requests through Django's full request
handling, in-process, no network) and its query count, then loads up to --large and measures again. At each size it
prints the plan (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite) of the queries the queue's forms run
against the consultations table. The summary line says FAIL (and the exit status is 1) when a page's query count
differs between the sizes or its median grows by more than --max-growth (default 50 %; --clock cpu
compares this process's CPU time instead of wall time, for a loaded machine); the counts page's time is shown but
not checked (it aggregates a year of consultations).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import setup_django, summarise  # noqa: E402

TABLE = '"coordination_consultation"'


def measure(label, client, urls, requests) -> dict:
    """Median (ms) and the set of query counts of `requests` GETs cycling through `urls`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in urls[:3]:
        client.get(url)  # warm up (templates, caches): the first requests are not measured
    samples, cpu, queries = [], [], set()
    for i in range(requests):
        url = urls[i % len(urls)]
        connection.queries_log.clear()  # the log is a bounded deque; keep counts exact
        with CaptureQueriesContext(connection) as ctx:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} answered {response.status_code}")
        queries.add(len(ctx.captured_queries))
    median_cpu = statistics.median(cpu)
    print(f"  {label:<12} {summarise(samples)}   cpu {median_cpu:7.2f} ms   queries {sorted(queries)}", flush=True)
    return {"wall": statistics.median(samples), "cpu": median_cpu, "queries": sorted(queries)}


def explain(label, client, url, tables=(TABLE,)) -> None:
    """The plan of each query one request of `url` runs against `tables` (by default the consultations table)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    statements = [q["sql"] for q in ctx.captured_queries if any(f"FROM {t}" in q["sql"] for t in tables)]
    print(f"  -- {label}: {url}")
    postgres = connection.vendor == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " if postgres else "EXPLAIN QUERY PLAN "
    for sql in statements:
        print(f"     {sql[:120]}{'…' if len(sql) > 120 else ''}")
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            lines = [" | ".join(str(v) for v in row if v is not None) for row in cursor.fetchall()]
        for line in _plan_lines(lines) if postgres else lines:
            print("       " + line)


def _plan_lines(lines: list[str]) -> list[str]:
    """The part of a PostgreSQL plan about the consultations table: its scan (index, conditions, rows removed, buffers),
    sorts, limits and aggregates, and the execution time; the joins to the small lookup tables are left out."""
    keep, under_scan = [], False
    for line in lines:
        text = line.strip().removeprefix("->  ")
        if "coordination_" in text and ("Scan" in text or "Sort Key" in text):
            keep.append(line)
            under_scan = "Scan" in text
        elif text.startswith(("Limit", "Aggregate", "Sort ", "Sort Method", "Incremental Sort", "Execution Time")):
            keep.append(line)
            under_scan = False
        elif under_scan and text.startswith(("Index Cond", "Recheck Cond", "Filter", "Rows Removed", "Buffers")):
            keep.append(line)
        elif "->" in line:
            under_scan = False
    return keep


def queue_urls() -> dict:
    from django.urls import reverse

    from tryg.accounts.models import Municipality

    hjorring = Municipality.objects.get(code="860").pk
    queue = reverse("coordination:queue")
    return {
        "queue": queue,
        "queue p.5": queue + "?page=5",
        "filtered": queue + f"?status=new&municipality={hjorring}",
        "municipality": queue + f"?municipality={hjorring}",
        "all": queue + "?status=all",
        "api queue": reverse("coordination-api:consultation-list") + "?scope=queue",
    }


def run_size(n, client, requests, *, show_plans: bool) -> dict:
    from django.urls import reverse

    from tryg.coordination.models import Consultation

    ids = list(Consultation.objects.values_list("pk", flat=True).order_by("?")[:25])
    urls = queue_urls()
    print(f"N = {n:,} consultations", flush=True)
    out = {label: measure(label, client, [url], requests) for label, url in urls.items()}
    out["detail"] = measure(
        "detail", client, [reverse("coordination:consultation-detail", args=[pk]) for pk in ids], requests
    )
    out["counts"] = measure("counts", client, [reverse("coordination:stats")], max(10, requests // 5))
    if show_plans:
        print(f"Plans at N = {n:,}:")
        for label in ("queue", "queue p.5", "filtered", "municipality", "all"):
            explain(label, client, urls[label])
        detail = reverse("coordination:consultation-detail", args=[ids[0]])
        explain("detail", client, detail, tables=(TABLE, '"coordination_message"'))
    return out


# The counts page aggregates a year of the region's consultations: its time grows with them by design (no rollup
# table), so its median is shown but not checked; its query count is.
UNTIMED = {"counts"}


def summary(small: dict, large: dict, max_growth: float, clock: str) -> list[str]:
    """The pages whose query counts differ between the sizes or whose `clock` median grew by more than
    `max_growth`."""
    problems = []
    for label, a in small.items():
        b = large[label]
        growth = {k: (b[k] - a[k]) / a[k] if a[k] else 0.0 for k in ("wall", "cpu")}
        note = "   (time not checked: aggregates a year)" if label in UNTIMED else ""
        print(
            f"  {label:<12} median {a['wall']:7.2f} -> {b['wall']:7.2f} ms ({growth['wall']:+5.0%})   "
            f"cpu {a['cpu']:6.2f} -> {b['cpu']:6.2f} ms ({growth['cpu']:+5.0%})   "
            f"queries {a['queries']} -> {b['queries']}{note}"
        )
        if a["queries"] != b["queries"]:
            problems.append(f"{label}: queries {a['queries']} vs {b['queries']}")
        if growth[clock] > max_growth and label not in UNTIMED:
            problems.append(f"{label}: {clock} median {growth[clock]:+.0%}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--max-growth", type=float, default=0.5, help="allowed growth of a median (0.5 = 50 %%)")
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="the median the growth check compares: wall time (default), or this process's CPU time, which other "
        "load on a shared machine inflates far less (PostgreSQL's own time is in the EXPLAIN ANALYZE figures)",
    )
    parser.add_argument("--no-explain", action="store_true", help="do not print the queue's query plans")
    args = parser.parse_args()
    prefix = urlparse(args.database_url).path.strip("/") or "tryg_bench"
    cleanup = setup_django(args.database_url or None, prefix=prefix)
    try:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from tryg.accounts.models import User
        from tryg.core.testing import login_verified

        print(f"Database: {connection.vendor}")
        started = time.monotonic()
        call_command("seed_load_consultations", consultations=args.small, quiet=True)
        print(f"Seeded {args.small:,} in {time.monotonic() - started:.0f} s")
        client = login_verified(Client(), User.objects.get(username="konsulent"))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        small = run_size(args.small, client, args.requests, show_plans=not args.no_explain)
        started = time.monotonic()
        call_command("seed_load_consultations", consultations=args.large - args.small, quiet=True)
        print(f"Seeded up to {args.large:,} in {time.monotonic() - started:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        large = run_size(args.large, client, args.requests, show_plans=not args.no_explain)
        print(f"Summary ({args.small:,} -> {args.large:,} consultations, {connection.vendor}):")
        problems = summary(small, large, args.max_growth, args.clock)
        if problems:
            print(f"FAIL: {'; '.join(problems)}")
        else:
            print(
                f"OK: query counts equal at both sizes, no {args.clock} median grew by more than {args.max_growth:.0%}"
            )
    finally:
        cleanup()
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
