"""Where a page of the load benchmark spends its time, in-process, on a database kept by benchmarks/load.py.

    .venv/bin/python benchmarks/profile_page.py --reuse speed_load_NNN "case page" [--requests 50] [--top 40]
        [--sort cumulative|tottime] [--sql]

The page is asked for as in the load benchmark (benchmarks/load_cast.py: same URLs, same user), through Django's
whole request handling (middleware, session, login, template rendering). Prints the median time per request, the
Python CPU time of the request (the rest is waiting on the database), the query count and a cProfile listing. `--sql`
lists the page's queries with their times. Page names: those of load_cast.Cast.pages (quote names with spaces).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import base_env  # noqa: E402


def _group(filename: str) -> str:
    """A profiled function's package, two levels deep (django/db, django/template, tryg/cases, psycopg, ...)."""
    parts = Path(filename).parts
    for anchor in ("site-packages", "tryg"):
        if anchor in parts:
            i = parts.index(anchor)
            rest = parts[i + 1 :] if anchor == "site-packages" else parts[i:]
            return "/".join(rest[:2]) if len(rest) > 2 else rest[0]
    return "python" if filename.startswith(("/usr", "/root")) else filename


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page")
    parser.add_argument("--reuse", required=True, help="The database kept by load.py --keep.")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=40, help="0: no profile")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--sql", action="store_true")
    parser.add_argument("--filter", default="", help="Only functions whose file matches (a regular expression).")
    args = parser.parse_args()

    parsed = urlparse(args.database_url)
    os.environ.update(base_env(DATABASE_URL=urlunparse(parsed._replace(path=f"/{args.reuse}"))))
    os.environ["DJANGO_SETTINGS_MODULE"] = "load_settings"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from load_cast import Cast

    cast = Cast()
    if args.page not in cast.pages_inprocess:
        raise SystemExit(f"unknown page {args.page!r}; one of: {', '.join(cast.pages_inprocess)}")
    urls = cast.pages_inprocess[args.page]
    client = cast.verified_client(cast.who[args.page])
    for url in urls[:3]:
        client.get(url)
    times, cpus, counts = [], [], []
    profile = cProfile.Profile()
    captured = []
    for i in range(args.requests):  # timed without the profiler, which slows Python code several times over
        url = urls[i % len(urls)]
        started, cpu = time.perf_counter(), time.thread_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    for i in range(args.requests if args.top else 0):
        url = urls[i % len(urls)]
        with CaptureQueriesContext(connection) as ctx:
            profile.enable()
            client.get(url)
            profile.disable()
        counts.append(len(ctx.captured_queries))
        captured = ctx.captured_queries
    print(
        f"{args.page}: {len(times)} requests, median {statistics.median(times):.1f} ms, "
        f"CPU of this process {statistics.median(cpus):.1f} ms; {max(counts, default=0)} queries\n"
    )
    if args.sql:
        for q in captured:
            print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][:220]}")
        print()
    if not args.top:
        return
    stats = pstats.Stats(profile)
    groups: dict[str, float] = {}
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        groups[_group(filename)] = groups.get(_group(filename), 0.0) + tottime
    total = sum(groups.values()) or 1.0
    print("Own time by package (profiled):")
    for name, seconds in sorted(groups.items(), key=lambda kv: -kv[1])[:14]:
        print(f"  {seconds / total:6.1%}  {name}")
    print()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.filter or "", args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
