"""The API's case actions under bad input: garbage bodies and impossible ids, and the schema lists them.

Each action: its effect in the database, exactly one access-log row, bad input answered with the error shape
and nothing changed, and 404 for another municipality's case worker and for users outside the case team.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.cases import services
from tryg.cases.models import CaseLink, CaseMember, Referral, TimelineEntry

from .api_helpers import POLICE, mark, no_rows, post, url
from .helpers import make_case

pytestmark = pytest.mark.django_db


# --- no input yields a 500 -----------------------------------------------------------------------


GARBAGE = ["not json", "[1, 2]", "null", '{"status": {"a": 1}, "user": [], "channel": null, "approve": {}}', "{}"]


@pytest.mark.parametrize("body", GARBAGE)
def test_garbage_is_answered_with_the_error_shape_and_changes_nothing(clients, cast, routing, body):
    case = make_case(cast)
    worker = cast["sagsbehandler"]
    task = services.task_add(actor=worker, case=case, title="T", owner=worker, due_date=timezone.localdate())
    referral = services.referral_create(actor=worker, case=case, **dict(POLICE, consent_given=True))
    client = clients["sagsbehandler"]
    targets = [
        ("post", url("case-status", case.pk)),
        ("post", url("case-members", case.pk)),
        ("put", url("case-safe-contact", case.pk)),
        ("post", url("case-contacts", case.pk)),
        ("post", url("case-referrals", case.pk)),
        ("post", url("case-links", case.pk)),
        ("post", url("referral-decision", referral.public_id)),
        ("post", url("task-done", task.public_id)),
    ]
    before = mark()
    for method, target in targets:
        response = getattr(client, method)(target, data=body, content_type="application/json")
        assert response.status_code == 400, (target, response.content)
        assert set(response.json()["error"]) == {"code", "message", "fields"}
    no_rows(before)
    case.refresh_from_db()
    task.refresh_from_db()
    referral.refresh_from_db()
    assert case.status == "open" and task.done_at is None and referral.status == "pending_approval"
    assert CaseMember.objects.filter(case=case).count() == 1 and not CaseLink.objects.exists()
    assert Referral.objects.count() == 1 and not TimelineEntry.objects.filter(kind="contact").exists()


def test_an_id_that_is_no_public_id_is_404(clients, cast, routing):
    """Tasks and referrals are addressed by their random public ids; a row number or any other shape is 404."""
    client = clients["sagsbehandler"]
    case = make_case(cast)
    task = services.task_add(
        actor=cast["sagsbehandler"], case=case, title="T", owner=cast["sagsbehandler"], due_date=timezone.localdate()
    )
    for bad in (10**30, task.pk, "1' OR 1=1", "0" * 300):
        assert post(client, f"/api/v1/tasks/{bad}/done/", {"done": True}).status_code == 404, bad
        assert post(client, f"/api/v1/referrals/{bad}/decision/", {"approve": True}).status_code == 404, bad
    task.refresh_from_db()
    assert task.done_at is None


def test_the_schema_lists_the_actions(client):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/cases/{id}/status/", "post"),
        ("/api/v1/cases/{id}/members/", "post"),
        ("/api/v1/cases/{id}/safe-contact/", "get"),
        ("/api/v1/cases/{id}/safe-contact/", "put"),
        ("/api/v1/cases/{id}/contacts/", "post"),
        ("/api/v1/cases/{id}/referrals/", "post"),
        ("/api/v1/cases/{id}/links/", "post"),
        ("/api/v1/referrals/{id}/decision/", "post"),
        ("/api/v1/tasks/{id}/done/", "post"),
        ("/api/v1/cases/{id}/archive-hold/", "post"),
        ("/api/v1/cases/{id}/referrals/", "get"),
        ("/api/v1/referrals/pending/", "get"),
    ]:
        operation = paths[path][method]
        assert "404" in operation["responses"], path
        if method != "get":
            assert "400" in operation["responses"] and "requestBody" in operation, path
