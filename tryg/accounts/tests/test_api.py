"""The API's bearer tokens: password + TOTP, lockout, expiry, revocation, and /me."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.accounts.models import ApiToken
from tryg.audit.models import Action, AuditEvent

from .helpers import PASSWORD, code, wrong_code

TOKEN_URL = "/api/v1/auth/token/"
ME_URL = "/api/v1/me/"


def _token_request(username, password=PASSWORD, otp=None, client=None):
    client = client or Client()
    body = {"username": username, "password": password, "otp": otp or code()}
    return client.post(TOKEN_URL, body, content_type="application/json")


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _error(response, code_, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code_
    return body["error"]


def test_it_issues_a_token_for_password_and_code_and_answers_me(cast):
    response = _token_request("sagsbehandler")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "expires_at"}
    token = ApiToken.objects.get(user=cast["sagsbehandler"])
    assert token.digest == ApiToken.digest_for(body["token"])
    assert body["token"] not in (token.digest, token.prefix)  # only a digest is stored
    hours = (token.expires_at - timezone.now()).total_seconds() / 3600
    assert 7.9 < hours <= 8

    me = Client().get(ME_URL, **_bearer(body["token"]))
    assert me.status_code == 200
    data = me.json()
    unit = cast["sagsbehandler"].memberships.get().unit
    assert data == {
        "username": "sagsbehandler",
        "name": "Sara Sagsbehandler",
        "municipality": {"id": unit.municipality_id, "name": "Aalborg Kommune", "code": "851"},
        "units": [{"id": unit.id, "name": "Børne- og Familieafdelingen", "kind": "children_authority"}],
        "roles": ["sagsbehandler"],
    }
    assert me["Cache-Control"] == "no-store"


def test_it_answers_me_for_a_verified_session(clients):
    response = clients["konsulent"].get(ME_URL)
    assert response.status_code == 200
    assert response.json()["roles"] == ["sikkerhedskonsulent"]


def test_it_refuses_me_without_credentials():
    _error(Client().get(ME_URL), "not_authenticated", 401)


@pytest.mark.parametrize(
    ("username", "password", "bad_otp"),
    [
        ("sagsbehandler", PASSWORD, True),  # wrong code
        ("sagsbehandler", "forkert-kodeord-123", False),  # wrong password
        ("ingen-saadan-bruger", PASSWORD, False),  # unknown user
    ],
)
def test_it_refuses_wrong_credentials_with_one_message(cast, username, password, bad_otp):
    response = _token_request(username, password, wrong_code() if bad_otp else None)
    error = _error(response, "invalid_credentials", 401)
    assert error["message"] == "Brugernavn, adgangskode eller engangskode er forkert."
    assert not ApiToken.objects.exists()
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED, actor_username=username).exists()


def test_it_accepts_a_code_only_once(cast):
    otp = code()
    assert _token_request("sagsbehandler", otp=otp).status_code == 201
    _error(_token_request("sagsbehandler", otp=otp), "invalid_credentials", 401)


def test_it_refuses_malformed_input_with_the_error_shape(cast):
    response = Client().post(TOKEN_URL, {"username": "sagsbehandler"}, content_type="application/json")
    error = _error(response, "invalid", 400)
    assert "password" in error["fields"] and "otp" in error["fields"]
    response = Client().post(TOKEN_URL, "ikke json", content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()


def test_it_locks_the_api_after_five_failures_like_the_login_page(cast):
    for _ in range(4):
        _error(_token_request("sagsbehandler", "forkert-kodeord-123"), "invalid_credentials", 401)
    _error(_token_request("sagsbehandler", "forkert-kodeord-123"), "locked", 429)
    _error(_token_request("sagsbehandler", otp=code()), "locked", 429)  # the right password: still refused
    assert not ApiToken.objects.exists()
    assert AuditEvent.objects.filter(action=Action.LOCKOUT, actor_username="sagsbehandler").exists()
    # The login page is locked for the same username too.
    page = Client().post("/app/login/", {"username": "sagsbehandler", "password": PASSWORD})
    assert page.status_code == 429


def test_it_counts_wrong_codes_towards_the_lockout(cast):
    for _ in range(4):
        _error(_token_request("sagsbehandler", otp=wrong_code()), "invalid_credentials", 401)
    _error(_token_request("sagsbehandler", otp=wrong_code()), "locked", 429)


def test_it_locks_an_unknown_username_the_same_way(cast):
    answers = []
    for username in ("sagsbehandler", "ingen-saadan-bruger"):
        for _ in range(5):
            _token_request(username, "forkert-kodeord-123")
        response = _token_request(username)
        answers.append((response.status_code, response.json()))
    assert answers[0] == answers[1]


def test_it_refuses_an_expired_token(cast):
    raw = _token_request("sagsbehandler").json()["token"]
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    _error(Client().get(ME_URL, **_bearer(raw)), "authentication_failed", 401)


def test_it_revokes_the_presented_token(cast):
    raw = _token_request("sagsbehandler").json()["token"]
    # A second login needs the next time step's code. If a 30-second boundary fell between computing and checking
    # the first code, django-otp recorded a clock drift that would shift the window; start the second login clean.
    TOTPDevice.objects.filter(user=cast["sagsbehandler"]).update(drift=0)
    other = _token_request("sagsbehandler", otp=code(1)).json()["token"]
    response = Client().delete(TOKEN_URL, **_bearer(raw))
    assert response.status_code == 204
    _error(Client().get(ME_URL, **_bearer(raw)), "authentication_failed", 401)
    assert Client().get(ME_URL, **_bearer(other)).status_code == 200  # only the presented one
    assert AuditEvent.objects.filter(action=Action.LOGOUT, purpose="api token revoked").count() == 1


def test_it_refuses_to_revoke_without_a_token(clients):
    _error(Client().delete(TOKEN_URL), "not_authenticated", 401)
    _error(Client().delete(TOKEN_URL, **_bearer("ikke-et-token")), "authentication_failed", 401)


def test_it_refuses_a_token_to_a_user_who_must_change_a_one_time_password(cast):
    user = cast["sagsbehandler"]
    user.must_change_password = True
    user.save(update_fields=["must_change_password"])
    _error(_token_request("sagsbehandler"), "password_change_required", 403)
    assert not ApiToken.objects.exists()


def test_it_lists_the_endpoints_in_the_schema():
    schema = Client().get("/api/schema/?format=json").json()
    assert "post" in schema["paths"]["/api/v1/auth/token/"]
    assert "delete" in schema["paths"]["/api/v1/auth/token/"]
    assert "get" in schema["paths"]["/api/v1/me/"]
