"""An assessment on a named consultation (coordination): only the region's consultants, never on an anonymous
one; signing supersedes within the consultation; reads logged."""

import pytest
from django.urls import reverse

from tryg.audit.models import AuditEvent
from tryg.cases.tests.api_helpers import error, mark, post, put

from .helpers import checklist_ratings, named_consultation

pytestmark = pytest.mark.django_db


def test_a_consultant_assesses_a_named_consultation(cast, clients):
    consultation = named_consultation(cast)
    url = reverse("risk-api:consultation-assessments", args=[consultation.pk])
    response = post(clients["konsulent"], url, {"instrument": "tryg-screening"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["consultation"] == str(consultation.pk) and body["case"] is None
    detail = reverse("risk-api:assessment-detail", args=[body["id"]])
    response = put(clients["konsulent"], detail, {"ratings": checklist_ratings(10), "sign": True})
    assert response.status_code == 200 and response.json()["level"] == "high"
    assert response.json()["meeting_url"] is None
    page = clients["konsulent"].get(reverse("risk:consultation", args=[consultation.pk]))
    assert page.status_code == 200 and "Høj risiko" in page.content.decode()
    since = mark()
    assert clients["konsulent"].get(reverse("risk:assessment", args=[body["id"]])).status_code == 200
    assert AuditEvent.objects.filter(id__gt=since, action="view", object_type="risk.assessment").exists()
    # Not the asker (a case worker without the consultant role), not another region's or municipality's staff.
    for role in ("sagsbehandler", "outsider", "fagperson"):
        assert clients[role].get(detail).status_code == 404
        assert clients[role].get(reverse("risk:consultation", args=[consultation.pk])).status_code == 404


def test_an_anonymous_consultation_is_not_assessed(cast, clients):
    consultation = named_consultation(cast, anonymous=True)
    url = reverse("risk-api:consultation-assessments", args=[consultation.pk])
    error(post(clients["konsulent"], url, {"instrument": "tryg-screening"}), code="consultation_anonymous")
    page = clients["konsulent"].post(
        reverse("risk:consultation", args=[consultation.pk]), {"instrument": "tryg-screening"}
    )
    assert page.status_code == 400
