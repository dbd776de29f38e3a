"""The partnerships API: the same access functions, the error shape, OpenAPI."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from .helpers import PDF


def test_the_partner_lists_only_its_own_grants_and_gets_404_for_another(clients, demo):
    rows = clients["partner"].get(reverse("partnerships-api:grant-list")).json()
    assert [r["partner_name"] for r in rows] == ["Sawa"]
    response = clients["partner"].get(reverse("partnerships-api:grant-detail", args=[demo["fkv_grant"].pk]))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_the_partner_reports_an_activity_and_attaches_a_file(clients, demo):
    grant = demo["sawa_grant"]
    line = grant.budget_lines.first()
    url = reverse("partnerships-api:grant-activities", args=[grant.pk])
    body = {"title": "Api-aktivitet", "held_on": timezone.localdate().isoformat(), "participants": 7}
    created = clients["partner"].post(
        url, {**body, "budget_line": line.pk, "cost": "300.00"}, content_type="application/json"
    )
    assert created.status_code == 201, created.content
    activity_id = created.json()["id"]
    upload = reverse("partnerships-api:activity-attachments", args=[activity_id])
    from django.core.files.uploadedfile import SimpleUploadedFile

    ok = clients["partner"].post(upload, {"attachment": SimpleUploadedFile("plan.pdf", PDF)})
    assert ok.status_code == 201 and ok.json()["content_type"] == "application/pdf"
    bad = clients["partner"].post(upload, {"attachment": SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf")})
    assert bad.status_code == 400 and "attachment" in bad.json()["error"]["fields"]
    detail = clients["tovholder"].get(reverse("partnerships-api:grant-detail", args=[grant.pk])).json()
    assert detail["activity_count"] == 4 and detail["spent"] == "20000.00"


def test_errors_have_the_shape_and_a_code(clients, demo):
    grant = demo["sawa_grant"]
    response = clients["tovholder"].post(
        reverse("partnerships-api:grant-budget-lines", args=[grant.pk]),
        {"label": "For meget", "amount": "1.00"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "over_grant"
    missing = clients["partner"].post(
        reverse("partnerships-api:grant-activities", args=[grant.pk]), {}, content_type="application/json"
    )
    assert missing.status_code == 400 and "participants" in missing.json()["error"]["fields"]


def test_the_coordinator_reads_pools_and_partners_and_the_read_of_contacts_is_logged(clients, demo):
    from tryg.audit.models import AuditEvent

    [pool] = clients["tovholder"].get(reverse("partnerships-api:pool-list")).json()
    assert pool["total"] == "8500000.00" and pool["applications_received"] == 5 and pool["eligible_municipalities"] == 5
    partner = clients["tovholder"].get(reverse("partnerships-api:partner-detail", args=[demo["sawa"].pk])).json()
    assert partner["contacts"][0]["name"].endswith("(demo)") and partner["users"][0]["name"] == "Pia Partner"
    assert AuditEvent.objects.filter(action="view", object_type="partnerships.partner").count() == 1
    assert clients["partner"].get(reverse("partnerships-api:pool-list")).status_code == 404


def test_the_schema_lists_the_endpoints(db):
    paths = Client().get("/api/schema/?format=json").json()["paths"]
    assert "post" in paths["/api/v1/partnerships/grants/{id}/activities/"]
    assert "get" in paths["/api/v1/partnerships/grants/{id}/"]
    assert "post" in paths["/api/v1/partnerships/activities/{id}/attachments/"]
