"""Helpers for the tests of the API's case actions (test_api_*.py): requests, the error shape, the access log."""

from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.accounts.models import Membership, Role, Unit, User
from tryg.accounts.services import api_token_issue
from tryg.audit.models import AuditEvent
from tryg.core.testing import login_verified


def post(client, url, data):
    return client.post(url, data=data, content_type="application/json")


def put(client, url, data):
    return client.put(url, data=data, content_type="application/json")


def url(name, *args):
    return reverse(f"cases-api:{name}", args=args)


def error(response, code="invalid", status=400) -> dict:
    """Assert the API's error shape and return its body."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    return body["error"]


def mark() -> int:
    """The id of the newest access-log row (rows after it are new)."""
    return AuditEvent.objects.aggregate(last=Max("id"))["last"] or 0


def _rows_since(since: int) -> list[AuditEvent]:
    """Rows after `since`, without the login rows the test's own clients write when they first log in, and
    without the "refused" rows every denied attempt writes (tests/test_refused.py covers those)."""
    return list(AuditEvent.objects.filter(id__gt=since).exclude(action__in=["login", "refused"]).order_by("id"))


def one_row(since: int, **expected) -> AuditEvent:
    rows = _rows_since(since)
    assert len(rows) == 1, [(r.action, r.object_type, r.purpose) for r in rows]
    row = rows[0]
    for field, value in expected.items():
        assert getattr(row, field) == value, (field, getattr(row, field), value)
    return row


def no_rows(since: int) -> None:
    rows = _rows_since(since)
    assert not rows, [(r.action, r.object_type, r.purpose) for r in rows]


def colleague(cast, username="kollega", unit_name="Børne- og Familieafdelingen") -> User:
    """Another Aalborg case worker (in the children's unit unless told otherwise)."""
    municipality = cast["sagsbehandler"].municipality
    user = User.objects.create(username=username, first_name="Kim", last_name="Kollega", municipality=municipality)
    unit = Unit.objects.get(municipality=municipality, name=unit_name)
    Membership.objects.create(user=user, unit=unit, role=Role.SAGSBEHANDLER)
    TOTPDevice.objects.create(user=user, name="t", confirmed=True)
    return user


def bearer_client(user) -> Client:
    raw, _token = api_token_issue(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def session_client(user) -> Client:
    return login_verified(Client(), user)


def audit_base(case, actor) -> dict:
    return {"actor_id": actor.pk, "subject_type": "cases.person", "subject_id": str(case.person_id)}


# Referrals: one to a shelter on a legal basis, one to the police with consent.
SHELTER = {
    "actor_type": "shelter",
    "recipient": "Krisecentret",
    "text": "Plads søges",
    "consent_given": False,
    "legal_basis": "Serviceloven § 12 a, akut fare",
}
POLICE = {
    "actor_type": "police",
    "recipient": "Nordjyllands Politi",
    "text": "Trusler mod pigen",
    "consent_given": True,
    "consent_by": "Pigen selv",
}
