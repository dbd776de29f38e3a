"""Server time and query count of one walk step on a small card and on a 201-node card.

    .venv/bin/python benchmarks/actioncards_walk.py [--database-url postgres://postgres@127.0.0.1:5432/postgres]
        [--steps 100]

Creates a throwaway database, imports two chain cards (3 and 100 questions), walks each with a logged-in
fagperson through Django's full request handling (in-process), and reports median/p95 of showing a step
(GET) and answering it (POST + redirect), with the set of query counts seen. The counts must be equal for
both cards: a step costs a fixed number of queries whatever the card's size.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import setup_django, summarise  # noqa: E402


def walk_card(client, slug: str, steps: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tryg.actioncards.models import Walk

    out = {"get": ([], set()), "post": ([], set())}
    client.post(reverse("actioncards:walk-start", args=[slug]), {"version": 1})
    walk = Walk.objects.filter(card_version__card__slug=slug).latest("started_at")
    url = reverse("actioncards:walk-step", args=[walk.pk])
    for i in range(steps):
        for kind, call in (
            ("get", lambda: client.get(url)),
            ("post", lambda i=i: client.post(url, {"option": "videre", "node": f"q{i}"})),
        ):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = call()
                out[kind][0].append((time.perf_counter() - started) * 1000)
            if response.status_code not in (200, 302):
                raise SystemExit(f"{slug} step {i}: {kind} answered {response.status_code}")
            out[kind][1].add(len(ctx.captured_queries))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--steps", type=int, default=100, help="Steps walked on the large card (max 99).")
    args = parser.parse_args()
    cleanup = setup_django(args.database_url or None)
    try:
        from django.db import connection
        from django.test import Client

        from tryg.accounts.demo import ensure_demo_org
        from tryg.actioncards.tests.helpers import chain_card, make_card
        from tryg.core.testing import login_verified

        users = ensure_demo_org(hash_password=False)
        make_card(chain_card(3, slug="lille"))
        make_card(chain_card(100, slug="stor"))
        client = login_verified(Client(), users["fagperson"])
        print(f"Database: {connection.vendor}")
        results = {}
        for slug, steps in (("lille", 2), ("stor", min(args.steps, 99))):
            walk_card(client, slug, 1)  # warm up sessions and caches
            results[slug] = walk_card(client, slug, steps)
            for kind in ("get", "post"):
                samples, counts = results[slug][kind]
                print(f"  {slug:<6} {kind:<5} {summarise(samples)}   queries {sorted(counts)}")
        same = all(results["lille"][k][1] == results["stor"][k][1] for k in ("get", "post"))
        print("Queries per step independent of card size:", "yes" if same else "NO")
        if not same:
            raise SystemExit(1)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
