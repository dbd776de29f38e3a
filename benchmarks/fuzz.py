"""Bounded API fuzzing (schemathesis) against a live server: `.venv/bin/python benchmarks/fuzz.py`.

Starts gunicorn on a loopback port over a fresh SQLite database seeded with the demo, then runs schemathesis
against the live OpenAPI schema (/api/schema/) twice: anonymously, and with a case worker's bearer token
(sagsbehandler). The token endpoint is never fuzzed with a real username: the anonymous run sends it generated
usernames only, and the authenticated run leaves it out (its DELETE would revoke the run's own token). Checks: no
5xx, status codes, content types and response bodies as the schema documents them. Bounded by
--max-examples per operation and a time budget per run. Prints the figures; exits 1 on any failure or any
server error in the server's log.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import ROOT, Server, database, demo_token, manage, seed_demo  # noqa: E402

SCHEMATHESIS = str(ROOT / ".venv" / "bin" / "schemathesis")
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def run(label: str, server: Server, args: list[str], *, max_examples: int, budget: int, seed: int, report: Path):
    command = [
        SCHEMATHESIS,
        "run",
        server.url + "/api/schema/?format=json",
        "--checks",
        CHECKS,
        "--max-examples",
        str(max_examples),
        "--max-time",
        str(budget),
        "--seed",
        str(seed),
        "--workers",
        "1",  # one worker: two raced in hypothesis' internal caches now and then (a KeyError inside the tool)
        "--phases",
        "examples,coverage,fuzzing",
        "--suppress-health-check",
        "all",
        "--request-timeout",
        "20",
        "--max-redirects",
        "0",
        "--no-shrink",
        "--report",
        "junit",
        "--report-junit-path",
        str(report),
        *args,
    ]
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    seconds = time.monotonic() - started
    summary = [line for line in result.stdout.splitlines() if "generated" in line or "❌" in line or "Selected" in line]
    print(f"--- {label}: exit {result.returncode} in {seconds:.0f} s")
    print("\n".join(summary))
    if result.returncode != 0:
        print(failures(report))
    if result.returncode not in (0, 1):
        print(result.stderr[-3000:])
    return result.returncode == 0, seconds


def failures(report: Path) -> str:
    """The failing cases of a JUnit report: check failures (the API's) with the curl line to reproduce them,
    and errors (the tool could not test an operation)."""
    if not report.exists():
        return "(no report)"
    out = []
    for case in ElementTree.parse(report).iter("testcase"):
        for failure in case:
            if failure.tag in ("failure", "error"):
                kind = "API check failed" if failure.tag == "failure" else "tool error"
                out.append(f"{kind}: {case.get('name')}: {(failure.get('message') or failure.text or '')[:1500]}")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-examples", type=int, default=8, help="test cases per operation and phase")
    parser.add_argument("--budget", type=int, default=120, help="seconds per run")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    with database("sqlite", label="fuzz") as env:
        seed_demo(env)
        manage(env, "collectstatic", "--noinput", "-v", "0")  # the pages (a 404 off the API) need the manifest
        server = Server(env, workers=2, threads=2, name="fuzz").start()
        folder = Path(env["TRYG_SCRIPT_FOLDER"])
        try:
            token = demo_token(server.url, "sagsbehandler")
            runs = [
                ("anonymous", []),
                (
                    "case worker (sagsbehandler)",
                    ["--header", f"Authorization: Bearer {token}", "--exclude-path", "/api/v1/auth/token/"],
                ),
            ]
            results = []
            for i, (label, extra) in enumerate(runs):
                results.append(
                    run(
                        label,
                        server,
                        extra,
                        max_examples=args.max_examples,
                        budget=args.budget,
                        seed=args.seed,
                        report=folder / f"junit-{i}.xml",
                    )
                )
        finally:
            server.stop()
        log = server.log()
        server_errors = log.count("Internal Server Error") + log.count("Traceback (most recent call last)")
        print(f"server errors in the log: {server_errors}")
        if server_errors:
            print(log[-4000:])
        ok = all(ok for ok, _ in results) and server_errors == 0
        print(f"fuzz: {'OK' if ok else 'FAILED'} ({sum(s for _, s in results):.0f} s)")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
