"""Lockout without denial of service: the pair (username, address) locks after 5 failures, the username alone
only after many more with a growing delay; answers never reveal whether a username exists; the coordinator is
told (accounts/lockout.py, README design notes)."""

import pytest
from django.test import Client

from tryg.accounts import lockout
from tryg.audit.models import Action, AuditEvent

from .helpers import PASSWORD, code, visible_text

pytestmark = pytest.mark.django_db


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def fail(client, username, n):
    for _ in range(n):
        response = client.post("/app/login/", {"username": username, "password": "forkert-kodeord-123"})
        assert response.status_code in (400, 429)


@pytest.fixture
def heard(monkeypatch):
    """What the lockout listeners (cases: the coordinators' notification) are told."""
    calls = []
    monkeypatch.setattr(lockout, "_LISTENERS", [lambda *, user, scope: calls.append((user.username, scope))])
    return calls


@pytest.fixture
def delays(monkeypatch):
    waited = []
    monkeypatch.setattr(lockout, "sleep", waited.append)
    return waited


def test_five_failures_from_one_address_lock_that_address_only(cast, delays, heard, django_capture_on_commit_callbacks):
    attacker = client_at("203.0.113.9")
    with django_capture_on_commit_callbacks(execute=True):
        fail(attacker, "fagperson", 5)
    locked = attacker.post("/app/login/", {"username": "fagperson", "password": PASSWORD})
    assert locked.status_code == 429
    # The staff member at their own desk logs in as usual.
    desk = client_at("198.51.100.20")
    assert desk.post("/app/login/", {"username": "fagperson", "password": PASSWORD}).status_code == 302
    assert desk.post("/app/2fa/verify/", {"otp": code()}).status_code == 302
    # The lock is in the access log under the account's municipality, and the coordinator is told, once.
    row = AuditEvent.objects.get(action=Action.LOCKOUT)
    assert (row.actor_username, row.detail, row.municipality_id) == (
        "fagperson",
        "address",
        cast["fagperson"].municipality_id,
    )
    assert heard == [("fagperson", "address")]


def test_the_api_token_endpoint_locks_the_same_pair(cast, delays):
    attacker = client_at("203.0.113.9")
    body = {"username": "fagperson", "password": "forkert-kodeord-123", "otp": "000000"}
    for _ in range(5):
        assert attacker.post("/api/v1/auth/token/", body, content_type="application/json").status_code in (401, 429)
    body = {"username": "fagperson", "password": PASSWORD, "otp": code()}
    assert attacker.post("/api/v1/auth/token/", body, content_type="application/json").status_code == 429
    assert (
        client_at("198.51.100.20").post("/api/v1/auth/token/", body, content_type="application/json").status_code == 201
    )


def test_the_username_alone_is_slowed_then_locked_after_many_failures_from_many_addresses(
    cast, delays, heard, settings, django_capture_on_commit_callbacks
):
    settings.TRYG_LOCKOUT_DELAY_AFTER = 4
    settings.TRYG_LOCKOUT_USERNAME_FAILURES = 12
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):  # three addresses, four failures each: no pair is locked
            fail(client_at(f"203.0.113.{i + 1}"), "fagperson", 4)
    assert delays == pytest.approx([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])  # from the 5th failure on, growing
    # Now locked from everywhere, also with the right password, until the window passes.
    response = client_at("198.51.100.20").post("/app/login/", {"username": "fagperson", "password": PASSWORD})
    assert response.status_code == 429
    row = AuditEvent.objects.get(action=Action.LOCKOUT, detail="username")
    assert row.municipality_id == cast["fagperson"].municipality_id
    assert heard == [("fagperson", "username")]


def test_the_delay_has_a_ceiling(settings):
    settings.TRYG_LOCKOUT_DELAY_AFTER = 10
    settings.TRYG_LOCKOUT_MAX_DELAY = 2.0
    assert lockout.progressive_delay(9) == 0
    assert lockout.progressive_delay(10) == pytest.approx(0.1)
    assert lockout.progressive_delay(99) == 2.0


def test_existing_and_unknown_usernames_wait_lock_and_read_alike(cast, delays, heard, settings):
    settings.TRYG_LOCKOUT_DELAY_AFTER = 2
    settings.TRYG_LOCKOUT_USERNAME_FAILURES = 8
    answers, waited = {}, {}
    for username in ("tovholder", "ingen-saadan-bruger"):
        delays.clear()
        for i in range(2):
            fail(client_at(f"203.0.113.{i + 1}"), username, 4)
        waited[username] = list(delays)
        response = client_at("198.51.100.20").post("/app/login/", {"username": username, "password": PASSWORD})
        answers[username] = (response.status_code, visible_text(response).replace(username, "USERNAME"))
    assert answers["tovholder"] == answers["ingen-saadan-bruger"] and answers["tovholder"][0] == 429
    assert waited["tovholder"] == waited["ingen-saadan-bruger"]
