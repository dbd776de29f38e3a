"""Server time of the consultants' queue (and its filtered and API forms, the counts page and a consultation's
page), at two data sizes.

    .venv/bin/python benchmarks/coordination_benchmark.py --small 1000 --large 100000 \
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--requests 100]

Creates a throwaway database, loads --small consultations with `seed_load_consultations`, measures each page
(median, p95 of --requests requests through Django's full request handling, in-process, no network) and its query
count, then loads up to --large and measures again. The query counts must be the same at both sizes.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import setup_django  # noqa: E402
from cases_benchmark import measure  # noqa: E402


def run_size(n, client, requests):
    from django.urls import reverse

    from tryg.accounts.models import Municipality
    from tryg.coordination.models import Consultation

    ids = list(Consultation.objects.values_list("pk", flat=True).order_by("?")[:25])
    hjorring = Municipality.objects.get(code="860").pk
    queue = reverse("coordination:queue")
    print(f"N = {n:,} consultations")
    out = {}
    out["queue"] = measure("queue", client, [queue], requests)
    out["queue p.5"] = measure("queue p.5", client, [queue + "?page=5"], requests)
    out["filtered"] = measure("filtered", client, [queue + f"?status=new&municipality={hjorring}"], requests)
    out["api queue"] = measure(
        "api queue", client, [reverse("coordination-api:consultation-list") + "?scope=queue"], requests
    )
    out["detail"] = measure(
        "detail", client, [reverse("coordination:consultation-detail", args=[pk]) for pk in ids], requests
    )
    out["counts"] = measure("counts", client, [reverse("coordination:stats")], max(10, requests // 5))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    cleanup = setup_django(args.database_url or None)
    try:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from tryg.accounts.models import User
        from tryg.core.testing import login_verified

        print(f"Database: {connection.vendor}")
        call_command("seed_load_consultations", consultations=args.small, quiet=True)
        client = login_verified(Client(), User.objects.get(username="konsulent"))
        small = run_size(args.small, client, args.requests)
        call_command("seed_load_consultations", consultations=args.large - args.small, quiet=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        large = run_size(args.large, client, args.requests)
        same = all(small[k] == large[k] for k in small)
        print("Query counts equal at both sizes:", "yes" if same else f"NO {small} vs {large}")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
