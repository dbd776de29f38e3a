"""Small helpers for the accounts tests: the cast's password and TOTP codes."""

import re
import time

from tryg.demo_otp import DEMO_TOTP_SECRET, code_for

PASSWORD = "Et-langt-test-kodeord-42"  # the cast's password (see conftest.py)


def code(steps_ahead: int = 0) -> str:
    """The demo device's code for now (or for the next 30-second step, which the device also accepts)."""
    return code_for(DEMO_TOTP_SECRET, at=time.time() + 30 * steps_ahead)


def wrong_code() -> str:
    valid = {code(-1), code(0), code(1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


def password_login(client, username: str, password: str = PASSWORD):
    return client.post("/app/login/", {"username": username, "password": password})


def full_login(client, username: str, password: str = PASSWORD, steps_ahead: int = 0):
    response = password_login(client, username, password)
    assert response.status_code == 302, response.status_code
    return client.post("/app/2fa/verify/", {"otp": code(steps_ahead)})


def visible_text(response) -> str:
    """The page's text without per-request noise (the CSRF token and CSP nonces)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'nonce="[^"]*"', "", html)


def confirm_password(client):
    """As if the user had just typed the password again on the re-authentication page (exports ask for it)."""
    from tryg.accounts.views import REAUTH_AT

    session = client.session
    session[REAUTH_AT] = time.time()
    session.save()
    return client
