"""Security gates: no secrets in any log, security headers, the public page without cookies, health check,
error pages, the production deploy check and the base layout's landmarks."""

import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.audit.models import AuditEvent
from tryg.core.testing import ROLES, login_verified
from tryg.core.tests.test_authz_matrix import APPS, load_authz
from tryg.demo_otp import DEMO_TOTP_SECRET, code_for

BASE_DIR = Path(__file__).resolve().parents[3]

PLANTED_PASSWORD = "Plantet-Kodeord-Qx7-skal-aldrig-logges"
PLANTED_WRONG_PASSWORD = "Forkert-Plantet-Kodeord-Zv9-aldrig-logget"


def _text_values(model) -> list[str]:
    """Every text column of every row, skipping the chain's own hex digests."""
    names = [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and f.name not in {"hash", "prev_hash"}
    ]
    return [str(v) for row in model.objects.values_list(*names) for v in row if v]


def _contains_code(text: str, code: str) -> bool:
    return re.search(rf"(?<!\d){code}(?!\d)", text) is not None


def _login_through_pages(client: Client, username: str, password: str, code: str):
    response = client.post("/app/login/", {"username": username, "password": password})
    assert response.status_code == 302 and response["Location"] == "/app/2fa/verify/", response.status_code
    response = client.post("/app/2fa/verify/", {"otp": code})
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get("/app/").status_code == 200


def test_it_never_writes_passwords_codes_or_tokens_to_any_log(cast, caplog):
    caplog.set_level(logging.DEBUG)
    user = cast["fagperson"]
    user.set_password(PLANTED_PASSWORD)
    user.save()
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    now = time.time()
    good_code = code_for(DEMO_TOTP_SECRET, at=now)
    # A code from two hours ago: well formed, never valid now.
    wrong_code = code_for(DEMO_TOTP_SECRET, at=now - 7200)
    codes = [good_code, wrong_code]

    # 1. A failed login, a wrong code, then a real login with password and code through the pages.
    failed = Client()
    assert (
        failed.post("/app/login/", {"username": user.username, "password": PLANTED_WRONG_PASSWORD}).status_code == 400
    )
    client = Client()
    client.post("/app/login/", {"username": user.username, "password": PLANTED_PASSWORD})
    assert client.post("/app/2fa/verify/", {"otp": wrong_code}).status_code == 400
    # The wrong code started django-otp's back-off; reset it rather than sleep.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    _login_through_pages(Client(), user.username, PLANTED_PASSWORD, good_code)

    # 2. The API: a bearer token for password + code, used once, and a failed token request.
    secrets = [PLANTED_PASSWORD, PLANTED_WRONG_PASSWORD]
    try:
        token_url = reverse("accounts-api:token")
    except NoReverseMatch:
        token_url = None
    if token_url is None:
        pytest.skip("/api/v1/auth/token/ does not exist yet: the token part of this test cannot run")
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, drift=0, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    api = Client()
    bad = api.post(
        token_url,
        json.dumps({"username": user.username, "password": PLANTED_WRONG_PASSWORD, "otp": wrong_code}),
        content_type="application/json",
    )
    assert bad.status_code in (400, 401), bad.content
    response = api.post(
        token_url,
        json.dumps({"username": user.username, "password": PLANTED_PASSWORD, "otp": good_code}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    token = response.json()["token"]
    assert len(token) >= 20
    secrets.append(token)
    me = Client().get("/api/v1/me/", headers={"authorization": f"Bearer {token}"})
    assert me.status_code == 200, me.content

    # Something was logged, so the scan below is meaningful.
    assert AuditEvent.objects.filter(actor_username=user.username).exists()
    assert caplog.records

    places = {"access log": _text_values(AuditEvent)}
    for model in apps.get_app_config("axes").get_models():
        places[f"axes.{model.__name__}"] = _text_values(model)
    places["sessions (stored)"] = [s.session_data for s in Session.objects.all()]
    places["sessions (decoded)"] = [json.dumps(s.get_decoded(), default=str) for s in Session.objects.all()]
    places["python logging"] = [caplog.text] + [str(r.args) for r in caplog.records if r.args]
    leaks = []
    for place, values in places.items():
        for value in values:
            leaks += [f"{place}: a planted secret ({secret[:6]}…)" for secret in secrets if secret in value]
            leaks += [f"{place}: the one-time code {code}" for code in codes if _contains_code(value, code)]
    assert not leaks, "\n".join(sorted(set(leaks)))


def test_it_sends_the_security_headers_on_an_authenticated_page(clients):
    response = clients["sagsbehandler"].get("/app/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = {d.strip().split(" ")[0]: d.strip().split(" ")[1:] for d in csp.split(";") if d.strip()}
    nonce_sources = [s for s in directives["script-src"] if s.startswith("'nonce-")]
    assert len(nonce_sources) == 1
    nonce = nonce_sources[0][len("'nonce-") : -1]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    # A new nonce for every response.
    assert nonce not in clients["sagsbehandler"].get("/app/")["Content-Security-Policy"]


def test_it_marks_api_responses_no_store(clients):
    assert "no-store" in clients["anonymous"].get("/api/v1/me/")["Cache-Control"]
    response = clients["sagsbehandler"].get("/api/v1/me/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_it_sets_no_cookies_on_the_public_page(db, path):
    client = Client()
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies, f"cookies set: {list(response.cookies)}"
    assert "Set-Cookie" not in response
    assert not client.cookies


def test_it_answers_the_health_check_without_login(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert not response.cookies


def test_it_shows_a_404_page_for_unknown_staff_urls(clients):
    response = clients["sagsbehandler"].get("/app/findes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Siden findes ikke" in html and 'id="main-content"' in html
    assert clients["anonymous"].get("/app/findes-ikke/").status_code == 302


@pytest.mark.parametrize("role", ["anonymous", "sagsbehandler"])
def test_it_answers_unknown_api_urls_with_the_json_error_shape(clients, role):
    response = clients[role].get("/api/v1/findes-ikke/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == "not_found"
    assert body["error"]["message"]


def test_it_passes_the_deploy_check_with_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TRYG_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "tryg.settings",
        "TRYG_ENV": "production",
        "TRYG_DEMO": "0",
        "SECRET_KEY": Fernet.generate_key().decode() + Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "tryg.example.dk",
        "TRYG_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "SQLITE_PATH": str(tmp_path / "deploy-check.sqlite3"),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _base_layout_ok(html: str) -> list[str]:
    problems = []
    if not re.search(r'<a class="skipnav" href="#main-content">', html):
        problems.append("no skip link to #main-content")
    if not re.search(r'<main id="main-content"', html):
        problems.append('no <main id="main-content">')
    if not re.search(r'<html lang="(da|en)"', html):
        problems.append("no lang attribute on <html>")
    return problems


@pytest.mark.parametrize("app", APPS)
def test_it_renders_the_base_layout_landmarks_on_every_page(app, cast):
    """Every HTML page the matrix allows some role to GET has the skip link, the main landmark and lang."""
    module = load_authz(app)
    if module is None or not module.RULES:
        pytest.skip(f"tryg/{app}/tests/authz.py has no rules yet")
    world = module.setup(cast)
    clients = {}
    checked, problems = 0, []
    for rule in module.RULES:
        if rule.method.lower() != "get" or rule.name.startswith(tuple(f"{a}-api:" for a in APPS)):
            continue
        role = next((r for r in ROLES if rule.expect.get(r) == 200), None)
        if role is None:
            continue
        if role not in clients:
            clients[role] = Client()
            if role != "anonymous":
                login_verified(clients[role], cast[role])
        url = reverse(rule.name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        response = clients[role].get(f"{url}?{rule.query}" if rule.query else url)
        if "base.html" not in [t.name for t in response.templates]:
            continue
        checked += 1
        problems += [f"{rule.name} as {role}: {p}" for p in _base_layout_ok(response.content.decode())]
    assert not problems, "\n".join(problems)
    if app in ("core", "audit"):
        assert checked >= 2
