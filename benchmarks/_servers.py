"""Real processes for the fault scripts (fuzz, crash, two instances, restore): a throwaway database, migrated and
seeded with the demo, gunicorn app servers and db_workers on loopback ports, and API tokens for the demo cast.

Everything listens on 127.0.0.1 only. The processes run the ordinary settings (not the test block): Argon2,
the database task backend, `synchronous=FULL` on SQLite; demo mode, so the demo accounts exist.
"""

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DEMO_PASSWORD = "Tryg-demo-adgang-2026"
# Fixed keys for these throwaway databases only (never used anywhere else).
ENCRYPTION_KEY = "c2NyaXB0cy1vbmx5LWZlcm5ldC1rZXktMzJieXRlcyE="
AUDIT_KEY = "c2NyaXB0cy1vbmx5LWF1ZGl0LXNpZ25pbmcta2V5ISE="


_STARTED: list[subprocess.Popen] = []


@atexit.register
def _kill_leftovers() -> None:
    """A script that stops on an exception leaves no server or worker behind (each runs in its own group)."""
    for proc in _STARTED:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH", "TRYG_TESTING"}}
    env.update(
        DJANGO_SETTINGS_MODULE="tryg.settings",
        TRYG_DEMO="1",
        TRYG_ENCRYPTION_KEYS=ENCRYPTION_KEY,
        TRYG_AUDIT_SIGNING_KEY=AUDIT_KEY,
        PYTHONUNBUFFERED="1",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


@contextmanager
def database(kind: str, database_url: str | None = None, *, label: str = "faults"):
    """A fresh, migrated database: yields the environment that points at it. `kind` is "sqlite" or "postgresql"
    (then `database_url` names the server; a new database is created beside it and dropped afterwards)."""
    folder = Path(tempfile.mkdtemp(prefix=f"tryg-{label}-"))
    if kind == "sqlite":
        env = base_env(SQLITE_PATH=str(folder / "tryg.sqlite3"))
        cleanup = lambda: None  # noqa: E731
    else:
        import psycopg

        parsed = urlparse(database_url or "postgres://postgres@127.0.0.1:5432/postgres")
        name = f"tryg_{label}_{os.getpid()}_{int(time.time())}"
        admin = urlunparse(parsed._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        env = base_env(DATABASE_URL=urlunparse(parsed._replace(path=f"/{name}")), DB_CONN_MAX_AGE="0")

        def cleanup():
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    env["TRYG_SCRIPT_FOLDER"] = str(folder)
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        yield env
    finally:
        cleanup()
        if not os.environ.get("TRYG_KEEP_SCRIPT_FOLDER"):  # logs and reports; keep them with =1
            shutil.rmtree(folder, ignore_errors=True)


def manage(env: dict, *args: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=check, timeout=timeout
    )


def seed_demo(env: dict) -> None:
    manage(env, "seed_demo")


class Server:
    """gunicorn on 127.0.0.1:<port>, its log in a file; `kill()` is kill -9 of the master and its workers."""

    def __init__(self, env: dict, *, workers: int = 2, threads: int = 4, name: str = "app"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(env["TRYG_SCRIPT_FOLDER"]) / f"{name}-{self.port}.log"
        self.env, self.workers, self.threads = env, workers, threads
        self.proc = None

    def start(self, timeout: float = 60) -> "Server":
        log = open(self.log_path, "a")  # noqa: SIM115 - kept open for the process
        self.proc = subprocess.Popen(
            [GUNICORN, "tryg.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)]
            + ["--threads", str(self.threads), "--graceful-timeout", "5", "--timeout", "60"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _STARTED.append(self.proc)
        wait_ready(self.url + "/healthz", timeout)
        return self

    def kill(self) -> None:
        """kill -9 the whole process group (master and workers): no chance to finish anything."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class Worker:
    """`manage.py db_worker` (the django-tasks database backend), in its own process group."""

    def __init__(self, env: dict, *, name: str = "worker"):
        self.env = env
        self.log_path = Path(env["TRYG_SCRIPT_FOLDER"]) / f"{name}-{time.time_ns()}.log"
        self.proc = None

    def start(self) -> "Worker":
        log = open(self.log_path, "a")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--interval", "0.2"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _STARTED.append(self.proc)
        return self

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    stop = kill


def wait_ready(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout:.0f} s")


def request(method: str, url: str, body=None, *, token: str | None = None, timeout: float = 30, headers=None):
    """(status, parsed JSON or None) for one request; network errors raise."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - loopback only
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, None


def demo_token(base_url: str, username: str) -> str:
    """A bearer token for a demo user (password + the demo TOTP code; a code works once, so wait for a fresh one
    when the same user asks twice within 30 s)."""
    sys.path.insert(0, str(ROOT))
    from tryg.demo_otp import DEMO_TOTP_SECRET, code_for

    for attempt in range(3):
        otp = code_for(DEMO_TOTP_SECRET, at=time.time() + 30 * attempt)
        status, body = request(
            "POST", base_url + "/api/v1/auth/token/", {"username": username, "password": DEMO_PASSWORD, "otp": otp}
        )
        if status == 201:
            return body["token"]
    raise SystemExit(f"no token for {username}: {status} {body}")
