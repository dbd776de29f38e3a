"""Query counts and server time of the statistics pages at two data sizes.

    .venv/bin/python benchmarks/insights_benchmark.py --small 1000 --large 100000 \
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--requests 20]

Creates a throwaway database (PostgreSQL: `insights_bench_<pid>`), loads --small cases with `seed_load` (concerns over
three years, a third of the cases closed), measures the coordinator's indicators page, its XLSX export, the annual
report and the consultant's region page (median, p95 of --requests requests through Django's full request handling,
in-process) with their query counts, then loads up to --large and measures again. The counts must be equal.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import setup_django, summarise  # noqa: E402


def measure(label, client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples, queries = [], set()
    for _ in range(requests):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} answered {response.status_code}")
        queries.add(len(ctx.captured_queries))
    print(f"  {label:<14} {summarise(samples)}   queries {sorted(queries)}")
    return sorted(queries)


def run_size(n, clients, requests):
    from django.urls import reverse
    from django.utils import timezone

    year = timezone.localdate().year
    print(f"N = {n:,} cases")
    coordinator, consultant = clients
    return {
        "indicators": measure("indicators", coordinator, reverse("insights:overview"), requests),
        "quarter": measure(
            "quarter", coordinator, reverse("insights:overview") + f"?kind=quarter&period={year}-1", requests
        ),
        "xlsx": measure("xlsx export", coordinator, reverse("insights:export-xlsx"), requests),
        "report": measure("annual report", coordinator, reverse("insights:annual-report", args=[year]), requests),
        "region": measure("region", consultant, reverse("insights:region"), requests),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    cleanup = setup_django(args.database_url or None, prefix="insights_bench")
    try:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from tryg.accounts.models import User
        from tryg.core.testing import login_verified
        from tryg.insights.demo import demo_seed

        print(f"Database: {connection.vendor}")
        call_command("seed_load", cases=args.small, quiet=True)
        demo_seed(users={"tovholder": User.objects.get(username="tovholder")})
        clients = (
            login_verified(Client(), User.objects.get(username="tovholder")),
            login_verified(Client(), User.objects.get(username="konsulent")),
        )
        small = run_size(args.small, clients, args.requests)
        call_command("seed_load", cases=args.large - args.small, quiet=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        large = run_size(args.large, clients, args.requests)
        same = all(small[k] == large[k] for k in small)
        print("Query counts equal at both sizes:", "yes" if same else f"NO {small} vs {large}")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
