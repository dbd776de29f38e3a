"""Two app instances on one PostgreSQL, each on its own loopback port: what one starts, the other continues.

    .venv/bin/python benchmarks/two_instances.py [--database-url postgres://postgres@127.0.0.1:5432/postgres]

Checks, each printed with its time: a session logged in (password and TOTP) on A serves pages on B, and a logout
on B ends it on A; a bearer token issued by A works on B; five wrong passwords on A lock the pair on B as well;
acute concerns created through A queue their notification e-mails, which a db_worker started beside B runs;
`audit_verify` at the end. Bounded: a handful of requests each. Exits 1 on any failed check.
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import DEMO_PASSWORD, ROOT, Server, Worker, database, demo_token, manage, seed_demo  # noqa: E402

sys.path.insert(0, str(ROOT))
from tryg.demo_otp import DEMO_TOTP_SECRET, code_for  # noqa: E402

TASKS = """
import json
from collections import Counter
from django_tasks_db.models import DBTaskResult
print(json.dumps(Counter(DBTaskResult.objects.values_list("status", flat=True))))
"""
RESULTS: list[tuple[str, bool, float]] = []


def check(label: str, ok: bool, started: float) -> None:
    RESULTS.append((label, ok, time.monotonic() - started))
    print(f"  {'OK  ' if ok else 'FAIL'} {label} ({(time.monotonic() - started) * 1000:.0f} ms)")


def csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def page_login(session: requests.Session, base: str, username: str) -> None:
    form = session.get(base + "/app/login/").text
    response = session.post(
        base + "/app/login/",
        {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": csrf(form)},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.status_code
    form = session.get(base + "/app/2fa/verify/").text
    response = session.post(
        base + "/app/2fa/verify/",
        {"otp": code_for(DEMO_TOTP_SECRET), "csrfmiddlewaretoken": csrf(form)},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.status_code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with database("postgresql", args.database_url, label="two") as env:
        seed_demo(env)
        manage(env, "collectstatic", "--noinput", "-v", "0")
        a, b = Server(env, name="instance-a").start(), Server(env, name="instance-b").start()
        worker = None
        try:
            print(f"A = {a.url}   B = {b.url}   (one PostgreSQL database)")
            started = time.monotonic()
            browser = requests.Session()
            page_login(browser, a.url, "sagsbehandler")
            on_b = browser.get(b.url + "/app/cases/queue/", allow_redirects=False)
            check("a session logged in on A opens the queue on B", on_b.status_code == 200, started)

            started = time.monotonic()
            logout = browser.post(
                b.url + "/app/logout/", {"csrfmiddlewaretoken": csrf(on_b.text)}, allow_redirects=False
            )
            after = browser.get(a.url + "/app/cases/queue/", allow_redirects=False)
            check(
                "a logout on B ends the session on A", logout.status_code == 302 and after.status_code == 302, started
            )

            started = time.monotonic()
            token = demo_token(a.url, "fagperson")
            me = requests.get(b.url + "/api/v1/me/", headers={"Authorization": f"Bearer {token}"}, timeout=20)
            check(
                "a token issued by A works on B",
                me.status_code == 200 and me.json()["username"] == "fagperson",
                started,
            )

            started = time.monotonic()
            for _ in range(5):
                requests.post(
                    a.url + "/api/v1/auth/token/",
                    json={"username": "partner", "password": "forkert-1234567", "otp": "000000"},
                    timeout=20,
                )
            locked = requests.post(
                b.url + "/api/v1/auth/token/",
                json={"username": "partner", "password": DEMO_PASSWORD, "otp": code_for(DEMO_TOTP_SECRET)},
                timeout=20,
            )
            check("five failures on A lock the pair on B", locked.status_code == 429, started)

            started = time.monotonic()
            concern = {
                "person": {"name": "To Instanser", "age_group": "13-17"},
                "target_group": "child",
                "description": "Akut bekymring oprettet på instans A.",
                "urgency": "acute",
            }
            created = [
                requests.post(
                    a.url + "/api/v1/concerns/", json=concern, headers={"Authorization": f"Bearer {token}"}, timeout=20
                ).status_code
                for _ in range(3)
            ]
            queued = json.loads(manage(env, "shell", "-c", TASKS).stdout.strip().splitlines()[-1])
            worker = Worker(env, name="worker-beside-b").start()
            deadline = time.monotonic() + 60
            done = {}
            while time.monotonic() < deadline:
                done = json.loads(manage(env, "shell", "-c", TASKS).stdout.strip().splitlines()[-1])
                if done.get("SUCCESSFUL", 0) >= 3 and not done.get("READY"):
                    break
                time.sleep(1)
            check(
                f"tasks queued through A ({queued}) run on the worker beside B ({done})",
                created == [201] * 3 and queued.get("READY", 0) >= 3 and done.get("SUCCESSFUL", 0) >= 3,
                started,
            )
        finally:
            for process in (a, b, worker):
                if process:
                    process.stop()
        started = time.monotonic()
        verify = manage(env, "audit_verify", check=False)
        check(
            f"audit_verify: {(verify.stdout + verify.stderr).strip().splitlines()[-1]}", verify.returncode == 0, started
        )
    ok = all(ok for _, ok, _ in RESULTS)
    print(f"two instances: {'OK' if ok else 'FAILED'} ({sum(1 for r in RESULTS if r[1])}/{len(RESULTS)} checks)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
