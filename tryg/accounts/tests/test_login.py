"""Login with password and TOTP, lockout, sessions, password rules (SECURITY.md, authentication)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import password_validation
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.audit.models import Action, AuditEvent
from tryg.core.middleware import LAST_SEEN, LOGIN_AT

from .helpers import PASSWORD, code, full_login, password_login, visible_text, wrong_code

BASE_DIR = Path(__file__).resolve().parents[3]


def test_it_uses_argon2_outside_the_test_settings():
    env = {k: v for k, v in os.environ.items() if k not in {"TRYG_TESTING", "DATABASE_URL"}}
    out = subprocess.run(
        [sys.executable, "-c", "import tryg.settings as s; print(s.TESTING, s.PASSWORD_HASHERS)"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("False ")
    assert "django.contrib.auth.hashers.Argon2PasswordHasher" in out
    assert "MD5" not in out


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("kort-kode-1", False),  # 11 characters
        ("a" * 4 + "-lang-nok-1", True),  # 15 characters
        ("Hestehave-Bredgade-Tusindfryd-Kaffekop-Ravnkilde-Sommerregn-1234", True),  # 64 characters
        ("x" * 128, True),
        ("x" * 129, False),
        ("password1234", False),  # common
    ],
)
def test_it_applies_the_password_rules(password, ok):
    try:
        password_validation.validate_password(password)
    except ValidationError:
        assert not ok
    else:
        assert ok
    if ok is False and password == "kort-kode-1":
        assert len(password) == 11


def test_it_allows_no_page_with_a_password_alone(cast):
    client = Client()
    response = password_login(client, "fagperson")
    assert response.status_code == 302
    assert response["Location"] == "/app/2fa/verify/"
    response = client.get("/app/")
    assert response.status_code == 302
    assert response["Location"] == "/app/2fa/verify/"
    assert client.get("/app/account/").status_code == 302


def test_it_logs_in_with_password_and_code_and_gives_a_new_session_id(cast):
    client = Client()
    client.get("/app/login/?next=/app/account/")
    before = client.cookies["sessionid"].value
    password_login(client, "fagperson")
    after_password = client.cookies["sessionid"].value
    assert after_password != before
    response = client.post("/app/2fa/verify/", {"otp": code()})
    assert response.status_code == 302
    assert response["Location"] == "/app/account/"
    assert client.get("/app/").status_code == 200


def test_it_accepts_a_one_time_code_only_once(cast):
    first = Client()
    assert full_login(first, "fagperson").status_code == 302
    second = Client()
    password_login(second, "fagperson")
    response = second.post("/app/2fa/verify/", {"otp": code()})
    assert response.status_code == 400
    assert "allerede brugt" in response.content.decode()
    assert second.get("/app/").status_code == 302


def test_it_rejects_a_wrong_code_and_logs_it(cast):
    client = Client()
    password_login(client, "fagperson")
    response = client.post("/app/2fa/verify/", {"otp": wrong_code()})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED, detail="otp", actor_username="fagperson").exists()


def test_it_answers_bad_input_on_the_login_form_with_an_error_summary(cast):
    response = Client().post("/app/login/", {"username": "", "password": ""})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()


def _fail(client, username, n):
    for _ in range(n):
        client.post("/app/login/", {"username": username, "password": "forkert-kodeord-123"})


def test_it_locks_a_username_after_five_failures_even_with_the_right_password(cast):
    client = Client()
    _fail(client, "fagperson", 5)
    response = password_login(client, "fagperson")
    assert response.status_code == 429
    assert "For mange mislykkede forsøg" in response.content.decode()
    assert client.get("/app/").status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=Action.LOCKOUT, actor_username="fagperson").exists()


def test_it_answers_the_same_for_a_locked_existing_and_unknown_username(cast):
    responses = {}
    for username in ("fagperson", "ingen-saadan-bruger"):
        client = Client()
        _fail(client, username, 5)
        response = client.post("/app/login/", {"username": username, "password": PASSWORD})
        responses[username] = (response.status_code, visible_text(response).replace(username, "USERNAME"))
    assert responses["fagperson"] == responses["ingen-saadan-bruger"]
    assert responses["fagperson"][0] == 429
    # A plain wrong password is also answered identically for both.
    wrong = {}
    for username in ("tovholder", "heller-ikke-en-bruger"):
        response = Client().post("/app/login/", {"username": username, "password": "forkert-kodeord-123"})
        wrong[username] = (response.status_code, visible_text(response).replace(username, "USERNAME"))
    assert wrong["tovholder"] == wrong["heller-ikke-en-bruger"]


def test_it_logs_the_user_out_and_ends_the_session(clients, cast):
    client = clients["fagperson"]
    key = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=key).exists()
    response = client.post("/app/logout/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/app/").status_code == 302


def test_it_ends_an_idle_session_after_30_minutes(clients):
    client = clients["fagperson"]
    session = client.session
    session[LAST_SEEN] = time.time() - 31 * 60
    session.save()
    response = client.get("/app/")
    assert response.status_code == 302
    assert response["Location"].startswith("/app/login/")
    assert client.get("/app/").status_code == 302


def test_it_keeps_an_active_session(clients):
    client = clients["fagperson"]
    session = client.session
    session[LAST_SEEN] = time.time() - 29 * 60
    session.save()
    assert client.get("/app/").status_code == 200


def test_it_ends_a_session_after_its_absolute_lifetime(clients):
    client = clients["fagperson"]
    session = client.session
    session[LOGIN_AT] = time.time() - 13 * 3600
    session.save()
    response = client.get("/app/")
    assert response.status_code == 302
    assert response["Location"].startswith("/app/login/")


def test_it_requires_reauthentication_before_changing_the_second_factor(clients, cast):
    client = clients["fagperson"]
    response = client.get("/app/2fa/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/app/account/confirm-password/")
    response = client.post(response["Location"], {"password": "forkert-kodeord-123"})
    assert response.status_code == 400
    response = client.post("/app/account/confirm-password/?next=/app/2fa/setup/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/app/2fa/setup/"
    response = client.get("/app/2fa/setup/")
    assert response.status_code == 200
    assert "<svg" in response.content.decode()


def test_it_enrols_a_new_user_with_an_inline_svg_qr_code_and_the_secret(cast):
    user = cast["fagperson"]
    TOTPDevice.objects.filter(user=user).delete()
    client = Client()
    response = password_login(client, "fagperson")
    assert response["Location"] == "/app/2fa/setup/"
    response = client.get("/app/2fa/setup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<path" in html
    assert "<img" not in html.split('class="tryg-qr"')[1].split("</figure>")[0]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    import base64

    secret = base64.b32encode(device.bin_key).decode()
    assert secret in html
    assert client.get("/app/").status_code == 302  # still not verified

    response = client.post("/app/2fa/setup/", {"otp": wrong_code()})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()

    from tryg.demo_otp import code_for

    response = client.post("/app/2fa/setup/", {"otp": code_for(secret)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/app/").status_code == 200
    assert AuditEvent.objects.filter(action=Action.OTP_CHANGE, object_id=str(user.pk)).exists()


def test_it_changes_the_password_and_ends_other_sessions(clients, cast):
    user = cast["fagperson"]
    other = Client()
    full_login(other, "fagperson")
    assert other.get("/app/").status_code == 200
    client = clients["fagperson"]
    new = "Et-helt-nyt-kodeord-til-tryg"
    response = client.post(
        "/app/account/password/",
        {"old_password": PASSWORD, "new_password": new, "new_password_confirm": new},
    )
    assert response.status_code == 302
    assert client.get("/app/").status_code == 200  # this session lives on
    assert other.get("/app/").status_code == 302  # the other one ended
    user.refresh_from_db()
    assert user.check_password(new)
    assert AuditEvent.objects.filter(action=Action.UPDATE, purpose="password changed").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (
            {
                "old_password": "forkert-kodeord-123",
                "new_password": "Nyt-langt-kodeord-1",
                "new_password_confirm": "Nyt-langt-kodeord-1",
            },
            "old_password",
        ),
        (
            {"old_password": PASSWORD, "new_password": "kort-kode-1", "new_password_confirm": "kort-kode-1"},
            "new_password",
        ),
        (
            {"old_password": PASSWORD, "new_password": "password1234", "new_password_confirm": "password1234"},
            "new_password",
        ),
        (
            {
                "old_password": PASSWORD,
                "new_password": "Nyt-langt-kodeord-1",
                "new_password_confirm": "Andet-langt-kodeord",
            },
            "new_password_confirm",
        ),
        ({}, "old_password"),
    ],
)
def test_it_refuses_a_bad_password_change_and_changes_nothing(clients, cast, data, field):
    response = clients["fagperson"].post("/app/account/password/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert f'href="#id_{field}"' in html
    cast["fagperson"].refresh_from_db()
    assert cast["fagperson"].check_password(PASSWORD)


def test_it_sends_a_user_with_a_one_time_password_to_change_it(cast):
    user = cast["fagperson"]
    user.must_change_password = True
    user.save(update_fields=["must_change_password"])
    client = Client()
    response = full_login(client, "fagperson")
    assert response["Location"] == "/app/account/password/"


def test_it_keeps_a_user_with_a_one_time_password_on_the_change_page(clients, cast, settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("tryg.core.middleware.StaffAreaMiddleware") + 1,
        "tryg.accounts.middleware.PasswordChangeRequiredMiddleware",
    )
    settings.MIDDLEWARE = middleware
    user = cast["fagperson"]
    user.must_change_password = True
    user.save(update_fields=["must_change_password"])
    client = clients["fagperson"]
    response = client.get("/app/")
    assert response.status_code == 302 and response["Location"] == "/app/account/password/"
    assert client.get("/app/account/password/").status_code == 200
    new = "Mit-eget-nye-kodeord-2026"
    response = client.post(
        "/app/account/password/", {"old_password": PASSWORD, "new_password": new, "new_password_confirm": new}
    )
    assert response.status_code == 302
    assert client.get("/app/").status_code == 200


def test_it_has_english_translations_for_the_account_pages():
    from django.utils import translation

    with translation.override("en"):
        assert translation.gettext("Log ind i Tryg") == "Log in to Tryg"
        assert translation.gettext("Opret bruger") == "Create user"
        assert translation.gettext("Skift adgangskode") == "Change password"


def test_it_gives_the_session_a_new_id_when_the_second_factor_completes(cast):
    client = Client()
    password_login(client, "fagperson")
    after_password = client.cookies["sessionid"].value
    response = client.post("/app/2fa/verify/", {"otp": code()})
    assert response.status_code == 302
    after_code = client.cookies["sessionid"].value
    assert after_code != after_password
    assert not Session.objects.filter(session_key=after_password).exists()
    assert client.get("/app/").status_code == 200
    # The old id is worth nothing, and the new one is tracked (so deactivating the user ends it).
    stale = Client()
    stale.cookies["sessionid"] = after_password
    assert stale.get("/app/").status_code == 302
    from tryg.accounts.models import UserSession

    assert list(UserSession.objects.filter(user=cast["fagperson"]).values_list("session_key", flat=True)) == [
        after_code
    ]


def test_the_last_seen_time_is_written_at_most_once_a_minute(clients):
    from django.contrib.sessions.models import Session

    from tryg.core.middleware import LAST_SEEN_STEP

    client = clients["fagperson"]
    session = client.session
    seen = time.time() - 10
    session[LAST_SEEN] = seen
    session.save()
    row = Session.objects.get(session_key=session.session_key)
    assert client.get("/app/").status_code == 200
    assert client.session[LAST_SEEN] == seen  # ten seconds ago: not written again
    assert Session.objects.get(session_key=session.session_key).session_data == row.session_data
    session = client.session
    session[LAST_SEEN] = time.time() - LAST_SEEN_STEP - 1
    session.save()
    before = time.time()
    assert client.get("/app/").status_code == 200
    assert client.session[LAST_SEEN] >= before  # a minute ago: written
