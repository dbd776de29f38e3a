"""Load benchmark of the staff pages against the framework floor, on PostgreSQL, served as `make run` serves it.

    .venv/bin/python benchmarks/load.py [--database-url postgres://postgres@127.0.0.1:5432/postgres]
        [--small 1000] [--large 100000] [--round 8] [--rounds 3] [--concurrency 8] [--port 8140]
        [--samples 15] [--keep] [--reuse NAME]

One command, in order:
1. a fresh PostgreSQL database (`speed_load_<pid>`, dropped with its copy at the end unless --keep), migrated and
   seeded with the demo, `seed_load --cases SMALL` (with enough concerns left in the queue to fill its first page, as at
   LARGE) and `seed_load_consultations` (one consultation for every ten cases);
   collectstatic (as `make run`);
2. at SMALL cases a copy of the database (`<name>_small`, PostgreSQL's CREATE DATABASE ... TEMPLATE); then
   `seed_load` up to LARGE and ANALYZE; each list page timed in-process (Django's full request handling, median
   of --samples) with its query count at both sizes, the two databases asked in turn request by request, so a
   machine that slows down or speeds up during the run slows both sizes alike: a median that grows by more
   than 50 % or a query count that changes fails that page's line;
3. `EXPLAIN ANALYZE` of each list page's queries at LARGE: the slowest shown, each checked for an index scan or
   a sequential scan that stops within SEQ_SCAN_ROWS rows, and no scan of a large table that reads more;
4. gunicorn exactly as `make run` starts it (2 workers x 4 threads, access log), with the benchmark URLconf
   that adds the floor (a trivial view under /app/: same middleware, session and verified login) and the case
   floor (load_urls.case_floor: a case through the access rule, its read in the access log, the page shell);
5. interleaved rounds on loopback: every page and the floor for --round seconds at --concurrency, in turn,
   --rounds times, each page asked for by its user (benchmarks/load_cast.py: the case worker, the consultant,
   the coordinator, or an anonymous visitor for the public site). For each page: req/s, ratio to the floor's
   req/s of the same round (median over rounds), the same to the case floor's, p50/p95, and CPU per request of
   the gunicorn processes and of the database's backends (from /proc, over the round, divided by the requests).

Targets (issue 15): queue, case page, case search and "Mine opgaver" at >= 40 % of the floor and p95 < 100 ms.
Exit status 1 when a list page's time or query count is not flat or a list query has no index scan.
Default run time: about 6 min seeding + ~2 min timing + 17 pages x rounds x round s (~7 min).
"""

import argparse
import http.client
import itertools
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import _STARTED, GUNICORN, ROOT, base_env, manage, wait_ready  # noqa: E402
from load_cast import Cast  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")
TARGET_RATIO, TARGET_P95 = 0.40, 100.0
CONSULTATIONS_PER_CASE = 10  # the region's consultations: one for every ten cases, at each size
# A sequential scan that reads at most this many rows is bounded (a capped count that stops at 1,001 rows where
# most rows match, which PostgreSQL rightly reads without an index); one that reads more grows with the data.
SEQ_SCAN_ROWS = 10_000
# The queue's share of seed_load's concerns (its default). At the small size the queue gets enough to fill its
# first page (QUEUE_PAGE rows), as at the large size: otherwise the size check compares 20 rows with 50.
PENDING = 0.02
TARGET_PAGES = {"queue", "case page", "search Hansen", "search number", "Mine opgaver"}
LARGE_TABLES = (
    "cases_case",
    "cases_person",
    "cases_persontoken",
    "cases_concern",
    "cases_task",
    "cases_casemember",
    "cases_timelineentry",
    "audit_auditevent",
    "audit_accesslog",
    "coordination_consultation",
    "coordination_message",
)


# --- database ------------------------------------------------------------------------------------


def admin(url: str, sql: str, params: list | None = None):
    """Run `sql` on the server's `postgres` database (create, copy, drop, look up databases); its first row, if any."""
    import psycopg

    with psycopg.connect(urlunparse(urlparse(url)._replace(path="/postgres")), autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchone() if cursor.description else None


def database_exists(url: str, name: str) -> bool:
    return admin(url, "SELECT 1 FROM pg_database WHERE datname = %s", [name]) is not None


def make_database(url: str, name: str, reuse: bool) -> tuple[dict, callable, bool]:
    """(environment pointing at the database, drop function, whether it already existed)."""
    exists = database_exists(url, name)
    if exists and not reuse:
        raise SystemExit(f"database {name} exists (use --reuse {name}, or drop it)")
    if not exists:
        admin(url, f'CREATE DATABASE "{name}"')

    def drop():
        for db in (name, f"{name}_small"):
            admin(url, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')

    env = base_env(DATABASE_URL=urlunparse(urlparse(url)._replace(path=f"/{name}")))
    return env, drop, exists


def case_count() -> int:
    from tryg.cases.models import Case

    return Case.objects.count()


def seed_up_to(env: dict, n: int, pending: float = PENDING) -> None:
    """Cases up to `n`; `pending`: the share of the new concerns left in the queue without a case."""
    have = case_count()
    started = time.monotonic()
    while have < n:
        # seed_load --cases N files N concerns, of which the share `pending` stays in the queue without a case.
        print(f"seed_load: {have:,} -> {n:,} cases ...", flush=True)
        count = max(1, round((n - have) / (1 - pending)))
        manage(env, "seed_load", "--cases", str(count), "--pending", str(pending), "--quiet", timeout=7200)
        have = case_count()
        print(f"  {have:,} cases after {time.monotonic() - started:,.0f} s", flush=True)
    from tryg.coordination.models import Consultation

    want = n // CONSULTATIONS_PER_CASE
    if Consultation.objects.count() < want:
        print(f"seed_load_consultations: up to {want:,} ...", flush=True)
        manage(env, "seed_load_consultations", "--consultations", str(want - Consultation.objects.count()), "--quiet")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- what is measured ----------------------------------------------------------------------------


def use_database(name: str) -> None:
    """Point Django's connection at database `name` (connected, so the connection is not part of a timing)."""
    from django.db import connection

    if connection.settings_dict["NAME"] != name:
        connection.close()
        connection.settings_dict["NAME"] = name
    connection.ensure_connection()


def copy_database(env: dict, source: str, target: str) -> None:
    """`target` as a copy of `source` (no one may be connected to `source` meanwhile)."""
    from django.db import connection

    connection.close()
    admin(env["DATABASE_URL"], f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def time_sizes(cast: Cast, databases: dict[str, str], samples: int) -> dict[str, dict[str, tuple[float, int, list]]]:
    """{size: {page: (median ms, query count, captured queries of the last request)}} through the full request
    handling. `databases`: {size: database name}, the same cases at the smaller size. Each sample asks every
    size in turn (alternating which goes first), so noise on the machine falls on both sizes alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sizes = list(databases)
    clients = {}
    for size in sizes:
        use_database(databases[size])
        for who in {cast.who[page] for page in cast.lists}:
            clients[size, who] = cast.verified_client(who)
    out = {size: {} for size in sizes}
    for page in cast.lists:
        urls = cast.pages_inprocess[page]
        who = cast.who[page]
        times = {size: [] for size in sizes}
        counts = {size: set() for size in sizes}
        captured = {}
        for size in sizes:  # warm up
            use_database(databases[size])
            for url in urls[:2]:
                clients[size, who].get(url)
        for i in range(samples):
            url = urls[i % len(urls)]
            for size in sizes if i % 2 == 0 else sizes[::-1]:
                use_database(databases[size])
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as ctx:
                    started = time.perf_counter()
                    response = clients[size, who].get(url)
                    times[size].append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{page} ({size}): {url} answered {response.status_code}")
                counts[size].add(len(ctx.captured_queries))
                captured[size] = ctx.captured_queries
        for size in sizes:
            out[size][page] = (statistics.median(times[size]), max(counts[size]), captured[size])
    return out


def explain(page: str, captured: list) -> bool:
    """Print EXPLAIN ANALYZE of the page's slowest query on a large table; check the page's queries for index use."""
    from django.db import connection

    big = [q for q in captured if q["sql"].lstrip().upper().startswith("SELECT") and _tables(q["sql"])]
    if not big:
        print(f"\n{page}: no query on a large table")
        return True
    ok, offenders, slowest = True, [], None
    with connection.cursor() as cursor:
        for q in big:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + q["sql"])
            plan = "\n".join(row[0] for row in cursor.fetchall())
            took = float(re.search(r"Execution Time: ([\d.]+)", plan).group(1))
            seq = [(t, n) for t, n in _seq_scans(plan) if t in LARGE_TABLES and n > SEQ_SCAN_ROWS]
            if seq:
                offenders.append(([f"{t} ({n:,} rows read)" for t, n in seq], q["sql"][:160]))
            if slowest is None or took > slowest[0]:
                slowest = (took, q["sql"], plan)
    took, sql, plan = slowest
    indexed = bool(re.search(r"Index (Only )?Scan|Bitmap Index Scan", plan))
    bounded = sum(n for _, n in _seq_scans(plan)) <= SEQ_SCAN_ROWS  # e.g. a capped count that stops at 1,001
    ok = (indexed or bounded) and not offenders
    verdict = "index scan" if indexed else f"sequential, stops within {SEQ_SCAN_ROWS:,} rows" if bounded else "NO INDEX"
    print(f"\n{page}: slowest list query {took:.1f} ms — {verdict}")
    print("  " + _short(sql)[:300] + (" ..." if len(sql) > 300 else ""))
    print("\n".join("    " + _short(line)[:200] for line in plan.splitlines()))
    for seq, sql in offenders:
        print(f"  SEQUENTIAL SCAN of {', '.join(seq)} in: {sql} ...")
    return ok


def _seq_scans(plan: str) -> list[tuple[str, int]]:
    """(table, rows read) of each sequential scan that ran in an EXPLAIN ANALYZE plan: the rows it returned and
    those its filter removed, times its loops. A scan that never ran (an OR's untaken branch) reads nothing."""
    lines = plan.splitlines()
    out = []
    for i, line in enumerate(lines):
        found = re.search(r"Seq Scan on (\w+).*\(actual rows=(\d+) loops=(\d+)\)", line)
        if not found:
            continue
        removed = 0
        for follow in lines[i + 1 : i + 4]:
            if m := re.search(r"Rows Removed by Filter: (\d+)", follow):
                removed = int(m.group(1))
                break
        out.append((found.group(1), (int(found.group(2)) + removed) * int(found.group(3))))
    return out


def _short(text: str) -> str:
    """Long literal lists (ids) shortened to their length."""
    return re.sub(r"'\{[^}]{80,}\}'", lambda m: f"'{{{m.group(0).count(',') + 1} values}}'", text)


def _tables(sql: str) -> bool:
    return any(f'"{t}"' in sql for t in LARGE_TABLES)


# --- the server and its CPU ----------------------------------------------------------------------


def start_gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    """gunicorn as `make run` starts it (workers, threads, access log), with the benchmark URLconf."""
    handle = open(log, "a")  # noqa: SIM115 - kept open for the process
    proc = subprocess.Popen(
        [GUNICORN, "tryg.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"]
        + ["--access-logfile", "-"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "load_settings", "PYTHONPATH": str(ROOT / "benchmarks")},
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    _STARTED.append(proc)
    wait_ready(f"http://127.0.0.1:{port}/healthz", 60)
    return proc


def _cpu_of(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            pass
    return out


def server_cpu(master: int) -> float:
    return sum(_cpu_of(p) for p in [master, *_children(master)])


def db_cpu(database: str) -> dict[int, float]:
    """CPU of each PostgreSQL backend connected to the benchmark's database, by pid."""
    total = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if cmdline.startswith(b"postgres: ") and f" {database} ".encode() in cmdline:
                total[int(entry.name)] = _cpu_of(int(entry.name))
    return total


def db_cpu_since(database: str, before: dict[int, float]) -> float:
    """CPU the backends used since `before` (a backend that ended meanwhile is left out: its time is lost)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in db_cpu(database).items())


# --- the load ------------------------------------------------------------------------------------


# The citizens' site limits page views per client address (public.guard: 600 in 10 minutes). Anonymous clients
# therefore come from many loopback addresses (127.1.0.1 and on: Linux answers all of 127/8), a new one every
# VISITS_PER_ADDRESS requests, as many visitors would; signed-in clients keep 127.0.0.1.
VISITS_PER_ADDRESS = 200
_addresses = itertools.count()


def _visitor_address() -> str:
    n = next(_addresses)
    return f"127.{1 + (n // 62500) % 250}.{(n // 250) % 250}.{n % 250 + 1}"


def load_round(port: int, urls: list[str], cookies: list[str], seconds: float) -> tuple[list[float], int]:
    """len(cookies) clients, each on its own keep-alive connection, for `seconds`: (latencies ms, errors)."""
    stop = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in cookies]
    errors = [0] * len(cookies)

    def connect(anonymous: bool) -> http.client.HTTPConnection:
        source = (_visitor_address(), 0) if anonymous else None
        return http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=source)

    def client(i: int) -> None:
        anonymous = not cookies[i]  # no cookie: an anonymous visitor of the citizens' site
        conn = connect(anonymous)
        rng = random.Random(i)
        headers = {"Accept": "text/html,application/json"}
        if not anonymous:
            headers["Cookie"] = cookies[i]
        sent = 0
        while time.monotonic() < stop:
            url = rng.choice(urls)
            if anonymous and sent and sent % VISITS_PER_ADDRESS == 0:
                conn.close()
                conn = connect(anonymous)
            sent += 1
            started = time.perf_counter()
            try:
                conn.request("GET", url, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[i] += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = connect(anonymous)
            except (OSError, ValueError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = connect(anonymous)
                continue
            latencies[i].append((time.perf_counter() - started) * 1000)
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(cookies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [x for per in latencies for x in per], sum(errors)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(p * len(ordered))) - 1)] if ordered else float("nan")


def run_load(args, cast: Cast, port: int, master: int, database: str) -> dict:
    cookies = cast.sessions(args.concurrency)
    pages = {name: urls for name, urls in cast.pages.items() if urls}
    for name, urls in pages.items():  # warm up every worker: templates, caches, connections
        load_round(port, urls, cookies[cast.who[name]], 1.0)
        print(f"  warm: {name}", flush=True)
    stats = {
        name: {"lat": [], "rps": [], "ratio": [], "ratio_case": [], "cpu": [], "db": [], "errors": 0} for name in pages
    }
    order = list(pages)
    for r in range(args.rounds):
        floor_rps = None
        rotated = order[r % len(order) :] + order[: r % len(order)]
        floors = [name for name in ("floor", "case floor") if name in pages]
        for name in floors:
            rotated.remove(name)
        case_floor_rps = None
        for name in [*floors, *rotated]:
            cpu0, db0, t0 = server_cpu(master), db_cpu(database), time.monotonic()
            lat, errors = load_round(port, pages[name], cookies[cast.who[name]], args.round)
            elapsed = time.monotonic() - t0
            cpu, db = server_cpu(master) - cpu0, db_cpu_since(database, db0)
            n = max(len(lat), 1)
            s = stats[name]
            s["lat"] += lat
            s["rps"].append(len(lat) / elapsed)
            s["cpu"].append(cpu / n * 1000)
            s["db"].append(db / n * 1000)
            s["errors"] += errors
            if name == "floor":
                floor_rps = len(lat) / elapsed
            if name == "case floor":
                case_floor_rps = len(lat) / elapsed
            s["ratio"].append(len(lat) / elapsed / floor_rps)
            if case_floor_rps:
                s["ratio_case"].append(len(lat) / elapsed / case_floor_rps)
        print(f"  round {r + 1}/{args.rounds} done", flush=True)
    return stats


def print_table(stats: dict, args) -> bool:
    print(f"\nLoad: concurrency {args.concurrency}, {args.rounds} interleaved rounds of {args.round:g} s, loopback")
    print("(ratio = the page's req/s over the floor's in the same round, median of rounds; case floor = the same")
    print(" over the case floor's, the least a page showing a case does: access rule, access-log append, page shell;")
    print(" CPU per request from /proc: the gunicorn processes, and the PostgreSQL backends of the benchmark")
    print(" database)\n")
    print("| Page | req/s | ratio to floor | to case floor | p50 | p95 | server CPU/req | DB CPU/req | errors", end="")
    print(" | target |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    met = True
    for name, s in stats.items():
        ratio, p95 = statistics.median(s["ratio"]), percentile(s["lat"], 0.95)
        to_case = f"{statistics.median(s['ratio_case']):.2f}" if s["ratio_case"] else ""
        target = ""
        if name in TARGET_PAGES:
            ok = ratio >= TARGET_RATIO and p95 < TARGET_P95
            met &= ok
            target = "ok" if ok else "MISSED"
        print(
            f"| {name} | {statistics.median(s['rps']):.0f} | {ratio:.2f} | {to_case} "
            f"| {percentile(s['lat'], 0.5):.0f} ms "
            f"| {p95:.0f} ms | {statistics.median(s['cpu']):.1f} ms | {statistics.median(s['db']):.1f} ms "
            f"| {s['errors']} | {target} |"
        )
    print(f"\nTargets (ratio >= {TARGET_RATIO:.0%}, p95 < {TARGET_P95:.0f} ms):", "met" if met else "NOT met")
    return met


def print_sizes(small: dict, large: dict, n_small: int, n_large: int) -> bool:
    print(f"\nList pages in-process (median ms, queries) at {n_small:,} and {n_large:,} cases; a line fails when")
    print("the median grows by more than 50 % or the query count changes.\n")
    print(f"| Page | {n_small:,} | {n_large:,} | growth | queries | result |")
    print("|---|---|---|---|---|---|")
    flat = True
    for page in small:
        (ms_s, q_s, _), (ms_l, q_l, _) = small[page], large[page]
        growth = ms_l / ms_s - 1
        ok = growth <= 0.5 and q_s == q_l
        flat &= ok
        queries = f"{q_s}" if q_s == q_l else f"{q_s} -> {q_l}"
        result = "ok" if ok else "FAIL"
        print(f"| {page} | {ms_s:.1f} ms | {ms_l:.1f} ms | {growth:+.0%} | {queries} | {result} |")
    return flat


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--round", type=float, default=8.0, help="Seconds per page per round.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--port", type=int, default=8140)
    parser.add_argument("--samples", type=int, default=15, help="In-process requests per list page and size.")
    parser.add_argument("--keep", action="store_true", help="Keep the database (reuse it with --reuse NAME).")
    parser.add_argument("--reuse", default="", help="Reuse a kept database (skips seeding what is there).")
    parser.add_argument("--load-only", action="store_true", help="Skip the size comparison (needs --reuse).")
    args = parser.parse_args()

    name = args.reuse or f"speed_load_{os.getpid()}"
    small_name = f"{name}_small"
    env, drop, existed = make_database(args.database_url, name, bool(args.reuse))
    small_existed = database_exists(args.database_url, small_name)
    if small_existed and not args.reuse:
        raise SystemExit(f"database {small_name} exists (use --reuse {name}, or drop it)")
    folder = ROOT / "var" / "load"
    folder.mkdir(parents=True, exist_ok=True)
    ok = True
    try:
        started = time.monotonic()
        manage(env, "migrate", "--noinput", "-v", "0")
        if not existed:
            manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection

        print(f"Database {name} on {connection.vendor}; {case_count():,} cases before seeding", flush=True)
        if not args.load_only:
            from tryg.cases.selectors import QUEUE_PAGE

            if not small_existed:
                if case_count() > args.small:
                    raise SystemExit(
                        f"the database has more than {args.small:,} cases and no copy at that size ({small_name}): "
                        "nothing to compare with (use a new database, or --load-only)"
                    )
                seed_up_to(env, args.small, pending=max(PENDING, 1.2 * QUEUE_PAGE / args.small))
                copy_database(env, name, small_name)
            use_database(small_name)
            n_small, small_cast = case_count(), Cast()  # its pages exist at both sizes (the copy's cases)
            use_database(name)
        seed_up_to(env, args.large)
        cast = Cast()
        if not args.load_only:
            print(f"List pages in-process at {n_small:,} and {case_count():,} cases ...", flush=True)
            timed = time_sizes(small_cast, {"small": small_name, "large": name}, args.samples)
            use_database(name)
            ok &= print_sizes(timed["small"], timed["large"], n_small, case_count())
            print("\nEXPLAIN of each list page's slowest query at", f"{case_count():,} cases:")
            indexed = [explain(page, timed["large"][page][2]) for page in cast.lists]
            print("\nIndex scans:", "all list queries" if all(indexed) else "MISSING (see above)")
            ok &= all(indexed)
        connection.close()
        log = folder / f"gunicorn-{args.port}.log"
        server = start_gunicorn(env, args.port, log)
        try:
            print(f"\ngunicorn on 127.0.0.1:{args.port} (2 workers x 4 threads), log {log}", flush=True)
            stats = run_load(args, cast, args.port, server.pid, name)
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        connection.close()
        print_table(stats, args)
        if not args.load_only:
            print("\nSize check:", "flat" if ok else "FAILED (see the lines marked FAIL / MISSING)")
        print(f"Run time {time.monotonic() - started:,.0f} s")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop()
        else:
            print(f"Kept databases {name} and {small_name}: rerun with --reuse {name}")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
