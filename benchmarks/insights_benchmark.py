"""Query counts and server time of the statistics at two data sizes.

    .venv/bin/python benchmarks/insights_benchmark.py --small 1000 --large 100000 \
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--requests 15] [--prefix insights_bench]

Creates a throwaway database (PostgreSQL: `<prefix>_<pid>`), loads the demo and --small cases with
insights' `seed_insights_load` (bulk inserts of what the statistics read: concerns over three years, cases, referrals,
risk assessments, safety plans, and in proportion consultations, citizen threads, dialogue sessions, course dates and
partnership activities), then measures through Django's full request handling, in-process: the coordinator's
indicators page (year, quarter, month; each shows two periods side by side), the CSV and XLSX exports, the annual
report page and its XLSX, the API, and the consultant's region page (year, quarter, month) and region API, as median
and p95 of --requests requests with their query counts. Then it loads up to --large (ANALYZE on PostgreSQL) and
measures again. The summary line fails (exit 1) when a query count differs or a median grows by more than 50 %.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import setup_django, summarise  # noqa: E402

GROWTH_LIMIT = 1.5


def measure(label, client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tryg.accounts.views import REAUTH_AT

    session = client.session
    session[REAUTH_AT] = time.time()  # the exports ask for the password again (as if typed just now)
    session.save()
    client.get(url)  # warm-up (template and translation caches)
    samples, queries = [], set()
    for _ in range(requests):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} answered {response.status_code}")
        queries.add(len(ctx.captured_queries))
    print(f"  {label:<22} {summarise(samples)}   queries {sorted(queries)}", flush=True)
    return statistics.median(samples), sorted(queries)


def urls(year: int) -> list[tuple[str, str, str]]:
    from django.urls import reverse

    overview, region = reverse("insights:overview"), reverse("insights:region")
    month = f"{year}-{max(1, time.localtime().tm_mon - 1):02d}"
    return [
        ("tovholder", "year", overview),
        ("tovholder", "quarter", overview + f"?kind=quarter&period={year}-1"),
        ("tovholder", "month", overview + f"?kind=month&period={month}"),
        ("tovholder", "csv export", reverse("insights:export-csv")),
        ("tovholder", "xlsx export", reverse("insights:export-xlsx")),
        ("tovholder", "annual report", reverse("insights:annual-report", args=[year])),
        ("tovholder", "annual report xlsx", reverse("insights:annual-report-xlsx", args=[year])),
        ("tovholder", "api", reverse("insights-api:indicators")),
        ("konsulent", "region year", region),
        ("konsulent", "region quarter", region + f"?kind=quarter&period={year}-1"),
        ("konsulent", "region month", region + f"?kind=month&period={month}"),
        ("konsulent", "region api", reverse("insights-api:region-indicators")),
    ]


def rows_now() -> dict:
    from tryg.cases.models import Case, Concern, Referral
    from tryg.coordination.models import Consultation
    from tryg.partnerships.models import Activity
    from tryg.prevention.models import DialogueSession
    from tryg.public.models import Thread
    from tryg.risk.models import Assessment, SafetyPlan
    from tryg.training.models import Enrolment

    return {
        "cases": Case.objects.count(),
        "concerns": Concern.objects.count(),
        "referrals": Referral.objects.count(),
        "assessments": Assessment.objects.count(),
        "safety plans": SafetyPlan.objects.count(),
        "consultations": Consultation.objects.count(),
        "citizen threads": Thread.objects.count(),
        "dialogue sessions": DialogueSession.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "activities": Activity.objects.count(),
    }


def run_size(clients, requests) -> dict:
    from django.utils import timezone

    rows = rows_now()
    print(f"N = {rows['cases']:,} cases: " + ", ".join(f"{k} {v:,}" for k, v in rows.items() if k != "cases"))
    year = timezone.localdate().year
    return {label: measure(label, clients[role], url, requests) for role, label, url in urls(year)}


def explain_slowest(client, n: int) -> None:
    """The plans of the year page's n slowest queries (EXPLAIN ANALYZE on PostgreSQL, QUERY PLAN on SQLite)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("insights:overview"))
    slowest = sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))[:n]
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    for query in slowest:
        print(f"\n-- {float(query['time']) * 1000:.1f} ms: {query['sql'][:160]}…")
        with connection.cursor() as cursor:
            cursor.execute(prefix + query["sql"])
            for row in cursor.fetchall():
                print("   ", " ".join(str(c) for c in row))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--prefix", default="insights_bench", help="PostgreSQL: the throwaway database's prefix")
    parser.add_argument("--explain", type=int, default=0, help="at the large size, the plans of the N slowest queries")
    args = parser.parse_args()
    cleanup = setup_django(args.database_url or None, prefix=args.prefix)
    failed = True
    try:
        import logging

        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from tryg.accounts.demo import ensure_demo_org
        from tryg.accounts.models import User
        from tryg.core.testing import login_verified
        from tryg.insights.management.commands.seed_insights_load import add_cases

        logging.getLogger("django_tasks").setLevel(logging.WARNING)
        print(f"Database: {connection.vendor}", flush=True)
        call_command("seed_demo", verbosity=0)
        users = ensure_demo_org(hash_password=False)
        started = time.monotonic()
        add_cases(args.small, users)
        print(f"seeded {args.small:,} cases in {time.monotonic() - started:.0f} s", flush=True)
        clients = {
            role: login_verified(Client(), User.objects.get(username=role)) for role in ("tovholder", "konsulent")
        }
        small = run_size(clients, args.requests)
        started = time.monotonic()
        add_cases(args.large - args.small, users)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"seeded {args.large - args.small:,} more cases in {time.monotonic() - started:.0f} s", flush=True)
        large = run_size(clients, args.requests)
        if args.explain:
            explain_slowest(clients["tovholder"], args.explain)
        problems = []
        for label, (median, queries) in small.items():
            big_median, big_queries = large[label]
            if queries != big_queries:
                problems.append(f"{label}: queries {queries} -> {big_queries}")
            if big_median > GROWTH_LIMIT * median:
                problems.append(f"{label}: median {median:.1f} -> {big_median:.1f} ms (+{big_median / median - 1:.0%})")
        print(
            f"Growth {args.small:,} -> {args.large:,}: "
            + ", ".join(f"{label} {large[label][0] / small[label][0] - 1:+.0%}" for label in small)
        )
        failed = bool(problems)
        print(
            "SUMMARY: "
            + ("FAIL " + "; ".join(problems) if failed else "OK: query counts equal, no median grew by more than 50 %")
        )
    finally:
        cleanup()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
