"""The authorization matrix (ASVS 8.2.1, 8.3.1): every URL of the project × every role has an expected
outcome in some app's tests/authz.py, and each one is checked with a real request."""

import importlib
import json
import traceback
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tryg.core.testing import ROLES, Rule, login_verified

APPS = [
    "core",
    "accounts",
    "audit",
    "knowledge",
    "actioncards",
    "cases",
    "prevention",
    "training",
    "partnerships",
    "coordination",
    "risk",
    "public",
    "insights",
]
SKIPPED_NAMESPACES = {"admin"}  # the Django admin: superusers only, behind the same login gate


def load_authz(app: str):
    """The app's tests/authz.py module, or None when the app has none yet."""
    name = f"tryg.{app}.tests.authz"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name in (name, f"tryg.{app}.tests"):
            return None
        raise


def all_rules() -> list[Rule]:
    rules = []
    for app in APPS:
        module = load_authz(app)
        if module is not None:
            rules.extend(module.RULES)
    return rules


def project_url_names(patterns=None, namespace: str = "") -> set[str]:
    """Every named URL pattern, with its namespace prefix, walking included URLconfs recursively."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    names = set()
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= project_url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_it_has_a_rule_for_every_url_name():
    covered = {rule.name for rule in all_rules()}
    missing = sorted(project_url_names() - covered)
    assert not missing, "URL names with no authorization Rule in any tests/authz.py:\n" + "\n".join(missing)


def test_it_has_no_rule_for_an_unknown_url_name():
    known = project_url_names()
    stale = sorted({rule.name for rule in all_rules()} - known)
    assert not stale, "Rules for URL names that do not exist:\n" + "\n".join(stale)


def test_it_lists_expectations_for_every_role():
    incomplete = [
        f"{r.name}: missing {sorted(set(ROLES) - set(r.expect))}" for r in all_rules() if set(ROLES) - set(r.expect)
    ]
    assert not incomplete, "\n".join(incomplete)


def _request(client: Client, rule: Rule, url: str):
    method = getattr(client, rule.method.lower())
    if rule.query:
        url = f"{url}?{rule.query}"
    if rule.json:
        return method(url, data=json.dumps(rule.data or {}), content_type="application/json", **rule.extra)
    if rule.method.lower() in ("get", "head", "delete", "options") and rule.data is None:
        return method(url, **rule.extra)
    return method(url, data=rule.data or {}, **rule.extra)


def _client(cast, role: str) -> Client:
    client = Client(raise_request_exception=True)
    if role != "anonymous":
        login_verified(client, cast[role])
    return client


def _relogin(client: Client, cast, role: str) -> None:
    client.cookies.clear()
    if role != "anonymous":
        login_verified(client, cast[role])


@pytest.mark.parametrize("app", APPS)
def test_it_answers_every_role_as_the_matrix_says(app, cast):
    module = load_authz(app)
    if module is None or not module.RULES:
        pytest.skip(f"tryg/{app}/tests/authz.py has no rules yet")
    world = module.setup(cast)
    # One client per role (building a client loads the middleware stack, which is slow). After anything
    # but a GET the client logs in afresh, so that a logout or a language change cannot leak onward.
    shared = {role: _client(cast, role) for role in ROLES}
    mismatches = []
    for rule in module.RULES:
        url = reverse(rule.name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        for role in ROLES:
            client = shared[role]
            label = f"{rule.method.upper()} {rule.name}{'?' + rule.query if rule.query else ''} as {role}"
            try:
                status = _request(client, rule, url).status_code
                if rule.method.lower() != "get":
                    _relogin(client, cast, role)
            except Exception as exc:  # noqa: BLE001 - report every failure together
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                where = f"{Path(frame.filename).name}:{frame.lineno}"
                mismatches.append(
                    f"{label}: expected {rule.expect[role]}, raised {type(exc).__name__}: {exc} ({where})"
                )
                _relogin(client, cast, role)
                continue
            if status != rule.expect[role]:
                mismatches.append(f"{label}: expected {rule.expect[role]}, got {status}")
    assert not mismatches, f"{len(mismatches)} authorization mismatch(es):\n" + "\n".join(mismatches)
