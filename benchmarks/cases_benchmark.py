"""Server time of the unit queue, the case page and case search, at two data sizes.

    .venv/bin/python benchmarks/cases_benchmark.py --small 1000 --large 100000 \
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--requests 200]

Creates a throwaway database, loads --small cases with `seed_load`, measures each page (median, p95 of
--requests requests through Django's full request handling, in-process, no network) and its query count,
then loads up to --large and measures again. Target (issue 4): p95 under 100 ms at 100,000 cases on
PostgreSQL, with the same number of queries at both sizes.
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import setup_django, summarise  # noqa: E402


def measure(label, client, urls, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples, queries = [], set()
    for i in range(requests):
        url = urls[i % len(urls)]
        connection.queries_log.clear()  # the log is a bounded deque; keep counts exact
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} answered {response.status_code}")
        queries.add(len(ctx.captured_queries))
    print(f"  {label:<12} {summarise(samples)}   queries {sorted(queries)}")
    return sorted(queries)


def run_size(n, client, requests, rng):
    from django.urls import reverse

    from tryg.cases.models import Case

    ids = list(Case.objects.values_list("pk", flat=True).order_by("?")[:50])
    numbers = list(Case.objects.values_list("number", flat=True).order_by("?")[:25])
    names = ["Hansen", "Yasmin Ahmadi", "Omar", "Khan", "Sara Nielsen"]
    print(f"N = {n:,} cases")
    out = {}
    out["queue"] = measure("queue", client, [reverse("cases:queue")], requests)
    out["case page"] = measure("case page", client, [reverse("cases:case-detail", args=[pk]) for pk in ids], requests)
    # A search is posted (no name or CPR number in a URL); the page is then read by the key it redirects to.
    searches = [client.post(reverse("cases:case-list"), {"q": q})["Location"] for q in numbers + names]
    rng.shuffle(searches)
    out["search"] = measure("search", client, searches, requests)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    cleanup = setup_django(args.database_url or None)
    try:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from tryg.core.testing import login_verified

        print(f"Database: {connection.vendor}")
        call_command("seed_load", cases=args.small, quiet=True)
        from tryg.accounts.models import User

        client = login_verified(Client(), User.objects.get(username="sagsbehandler"))
        rng = random.Random(1)
        small = run_size(args.small, client, args.requests, rng)
        call_command("seed_load", cases=args.large - args.small, quiet=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        large = run_size(args.large, client, args.requests, rng)
        same = all(small[k] == large[k] for k in small)
        print("Query counts equal at both sizes:", "yes" if same else f"NO {small} vs {large}")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
