"""Test helpers shared by every app: the cast, verified logins, the authorization matrix, query budgets."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.core.middleware import LAST_SEEN, LOGIN_AT

# The fixed cast: one user per role plus an outsider (a case worker in another municipality of
# the same region). Keys are the names used in authorization rules.
ROLES = ["anonymous", "fagperson", "sagsbehandler", "konsulent", "tovholder", "partner", "admin", "outsider"]
USERNAMES = {
    "fagperson": "fagperson",
    "sagsbehandler": "sagsbehandler",
    "konsulent": "konsulent",
    "tovholder": "tovholder",
    "partner": "partner",
    "admin": "admin",
    "outsider": "sagsbehandler2",
}


def login_verified(client: Client, user) -> Client:
    """Log `user` in with a verified second factor, as if they had typed password and code."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[LOGIN_AT] = time.time()
    session[LAST_SEEN] = time.time()
    session.save()
    return client


def client_for(cast: dict, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        login_verified(client, cast[role])
    return client


def expect(default: int, *, anonymous: int | None = None, **overrides: int) -> dict[str, int]:
    """Expected status per role: `default` for every staff role unless overridden.

    Anonymous defaults to 302 (redirect to login) for pages; API rules pass anonymous=401.
    """
    out = {role: default for role in ROLES}
    out["anonymous"] = 302 if anonymous is None else anonymous
    out.update(overrides)
    return out


@dataclass
class Rule:
    """One row of the authorization matrix: a URL name, how to fill its arguments, and per-role outcomes.

    `kwargs` receives the `world` dict built by the apps' `setup(cast)` functions. `data` is sent
    with POST/PATCH (as JSON when `json=True`). A POST rule normally sends invalid or empty data so
    that allowed roles answer 400 and forbidden ones 404, and nothing changes.
    """

    name: str
    expect: dict[str, int]
    kwargs: Callable[[dict], dict] | None = None
    method: str = "get"
    data: dict | None = None
    json: bool = False
    query: str = ""
    extra: dict = field(default_factory=dict)


class QueryBudget:
    """Count queries across a block: `with QueryBudget() as q: ...; q.count`."""

    def __init__(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self._ctx = CaptureQueriesContext(connection)

    def __enter__(self):
        self._ctx.__enter__()
        return self

    def __exit__(self, *exc):
        self._ctx.__exit__(*exc)

    @property
    def count(self) -> int:
        return len(self._ctx.captured_queries)

    @property
    def queries(self) -> list[str]:
        return [q["sql"] for q in self._ctx.captured_queries]


def assert_flat_queries(make_data: Callable[[int], None], request: Callable[[], object], *, small=2, large=12, slack=0):
    """Assert a page's query count does not grow with the data.

    Calls make_data(small), measures request(); then make_data(large - small) more, measures again.
    """
    make_data(small)
    request()  # warm caches (sessions, content types)
    with QueryBudget() as first:
        request()
    make_data(large - small)
    with QueryBudget() as second:
        request()
    assert second.count <= first.count + slack, (
        f"query count grew with the data: {first.count} -> {second.count}\n" + "\n".join(second.queries)
    )
    return first.count, second.count
