"""Crash test: kill -9 the app and the worker mid-write, restart, and count what survived.

    .venv/bin/python benchmarks/crash.py [--databases sqlite,postgresql]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--seconds 6] [--threads 8]

For each database: a fresh database with the demo, gunicorn (2 workers) and a db_worker on loopback ports;
8 threads create concerns through the API (every fourth acute, which queues a notification e-mail for the
worker). Mid-run the app's process group and the worker are killed with SIGKILL; both restart and the writes go
on; then everything stops. A concern whose 201 came back is "acknowledged". Prints acknowledged, present,
missing (must be 0), duplicated (must be 0; one marker per request), the requests cut off by the kill (in
doubt: present or not, both are allowed), the task states, and `audit_verify`. Exits 1 if anything is lost.
"""

import argparse
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import Server, Worker, database, demo_token, manage, request, seed_demo  # noqa: E402

INSPECT = """
import json
from collections import Counter
from django_tasks_db.models import DBTaskResult
from tryg.cases.models import Concern
markers = Counter()
ids = []
for c in Concern.objects.filter(source="professional").only("id", "description"):
    ids.append(str(c.id))
    if c.description.startswith("crash:"):
        markers[c.description.split()[0]] += 1
print(json.dumps({"ids": ids, "markers": markers,
                  "tasks": Counter(DBTaskResult.objects.values_list("status", flat=True))}))
"""


class Load:
    """Threads posting concerns until stopped; each request has its own marker."""

    def __init__(self, threads: int, token: str):
        self.threads, self.token = threads, token
        self.url = None
        self.acknowledged: dict[str, str] = {}  # marker -> concern id
        self.in_doubt: set[str] = set()
        self.refused = 0
        self.down = 0
        self.lock = threading.Lock()
        self.running = threading.Event()
        self.counter = 0

    def _marker(self) -> str:
        with self.lock:
            self.counter += 1
            return f"crash:{self.counter:06d}"

    def _loop(self) -> None:
        while self.running.is_set():
            marker = self._marker()
            body = {
                "person": {"name": f"Crash Person {marker[-4:]}", "age_group": "13-17"},
                "target_group": "child",
                "description": f"{marker} bekymring skrevet under nedbrudstesten",
                "urgency": "acute" if self.counter % 4 == 0 else "normal",
            }
            try:
                status, data = request("POST", self.url + "/api/v1/concerns/", body, token=self.token, timeout=20)
            except OSError as exc:
                reason = getattr(exc, "reason", exc)
                with self.lock:
                    if isinstance(reason, ConnectionRefusedError):  # the app is down: nothing was sent
                        self.down += 1
                    else:  # reset by the kill mid-request: it may or may not have landed
                        self.in_doubt.add(marker)
                time.sleep(0.2)
                continue
            with self.lock:
                if status == 201:
                    self.acknowledged[marker] = data["id"]
                else:
                    self.refused += 1

    def run_for(self, url: str, seconds: float, kill=None) -> None:
        self.url = url
        self.running.set()
        workers = [threading.Thread(target=self._loop, daemon=True) for _ in range(self.threads)]
        for worker in workers:
            worker.start()
        time.sleep(seconds / 2)
        if kill:
            kill()
        time.sleep(seconds / 2)
        self.running.clear()
        for worker in workers:
            worker.join(timeout=30)


def crash_run(kind: str, database_url: str | None, seconds: float, threads: int) -> bool:
    print(f"== {kind}")
    with database(kind, database_url, label="crash") as env:
        seed_demo(env)
        manage(env, "audit_checkpoint")  # a signed head before the crash, checked by audit_verify after it
        server, worker = Server(env, name="crash").start(), Worker(env).start()
        token = demo_token(server.url, "fagperson")
        load = Load(threads, token)
        started = time.monotonic()

        def kill():
            server.kill()
            worker.kill()
            print(f"  killed -9 app and worker after {time.monotonic() - started:.1f} s")

        load.run_for(server.url, seconds, kill=kill)  # writes, kill mid-run, writes that fail
        restarted = Server(env, name="crash-restarted").start()
        worker = Worker(env, name="worker-restarted").start()
        load.run_for(restarted.url, seconds)  # writes after the restart
        time.sleep(2)  # let the worker take the queued e-mails
        restarted.stop()
        worker.stop()
        state = json.loads(manage(env, "shell", "-c", INSPECT).stdout.strip().splitlines()[-1])
        present_ids = set(state["ids"])
        acknowledged = load.acknowledged
        missing = [m for m, cid in acknowledged.items() if cid not in present_ids]
        duplicated = {m: n for m, n in state["markers"].items() if n > 1}
        landed_in_doubt = sum(1 for m in load.in_doubt if m in state["markers"])
        verify = manage(env, "audit_verify", check=False)
        print(
            f"  acknowledged {len(acknowledged)}   present {len(acknowledged) - len(missing)}   "
            f"missing {len(missing)}   duplicated {len(duplicated)}"
        )
        print(
            f"  cut off by the kill {len(load.in_doubt)} (of which landed {landed_in_doubt})   "
            f"sent while down {load.down}   refused {load.refused}   tasks {dict(state['tasks'])}"
        )
        print(f"  audit_verify: {(verify.stdout + verify.stderr).strip().splitlines()[-1]}")
        return not missing and not duplicated and verify.returncode == 0 and len(acknowledged) > 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--seconds", type=float, default=6, help="length of each write phase (bounded)")
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    results = [crash_run(kind, args.database_url, args.seconds, args.threads) for kind in args.databases.split(",")]
    print("crash:", "OK" if all(results) else "FAILED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
