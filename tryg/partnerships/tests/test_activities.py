"""The partner reports activities with attachments: size cap, type by content, generated names, served as
attachments only to those allowed."""

import os

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tryg.core.testing import assert_flat_queries
from tryg.partnerships.models import Activity, Attachment

from .helpers import PDF, PNG


def _report(client, grant, **extra):
    data = {"title": "Netværkscafé", "held_on": timezone.localdate().isoformat(), "participants": "12"}
    data.update(extra)
    return client.post(reverse("partnerships:activity-create", args=[grant.pk]), data)


def test_it_reports_an_activity_with_an_attachment_stored_under_a_generated_name(clients, demo, settings):
    grant = demo["sawa_grant"]
    line = grant.budget_lines.first()
    upload = SimpleUploadedFile("../../program aften.pdf", PDF, content_type="text/html")
    response = _report(clients["partner"], grant, budget_line=str(line.pk), cost="1250.50", attachment=upload)
    assert response.status_code == 302
    activity = Activity.objects.get(title="Netværkscafé")
    assert activity.cost == 1250.50 and activity.budget_line == line
    attachment = activity.attachments.get()
    assert attachment.original_name == "program aften.pdf" and attachment.content_type == "application/pdf"
    assert "program" not in attachment.stored_name and attachment.stored_name.endswith(".pdf")
    assert os.listdir(settings.PARTNERSHIPS_UPLOAD_ROOT) == [attachment.stored_name]

    download = clients["tovholder"].get(reverse("partnerships:attachment-download", args=[attachment.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert (
        download["Content-Disposition"].startswith("attachment;")
        and "program aften.pdf" in download["Content-Disposition"]
    )
    assert b"".join(download.streaming_content) == PDF
    for role in ("fagperson", "sagsbehandler", "admin", "outsider"):
        url = reverse("partnerships:attachment-download", args=[attachment.pk])
        assert clients[role].get(url).status_code == 404


def test_a_file_whose_content_is_not_an_allowed_type_is_refused_whatever_its_name(clients, demo, settings):
    fake = SimpleUploadedFile("rapport.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = _report(clients["partner"], demo["sawa_grant"], attachment=fake)
    assert response.status_code == 400 and "Filtypen er ikke tilladt" in response.content.decode()
    assert not Activity.objects.filter(title="Netværkscafé").exists()
    assert not os.path.exists(settings.PARTNERSHIPS_UPLOAD_ROOT) or not os.listdir(settings.PARTNERSHIPS_UPLOAD_ROOT)


def test_a_file_over_the_cap_is_refused(clients, demo, settings):
    settings.PARTNERSHIPS_UPLOAD_MAX_BYTES = 40
    response = _report(clients["partner"], demo["sawa_grant"], attachment=SimpleUploadedFile("b.png", PNG + b"x" * 20))
    assert response.status_code == 400 and "for stor" in response.content.decode()
    assert not Attachment.objects.exists()


def test_rules_of_an_activity_are_on_the_form(clients, demo):
    grant = demo["sawa_grant"]
    future = (timezone.localdate() + timezone.timedelta(days=3)).isoformat()
    assert "fremtiden" in _report(clients["partner"], grant, held_on=future).content.decode()
    no_line = _report(clients["partner"], grant, cost="100")
    assert no_line.status_code == 400 and "budgetlinje" in no_line.content.decode()
    other_line = demo["fkv_grant"].budget_lines.first()
    assert _report(clients["partner"], grant, budget_line=str(other_line.pk), cost="1").status_code == 400
    assert not Activity.objects.filter(title="Netværkscafé").exists()


def test_the_grant_page_query_count_stays_flat_with_activities_and_attachments(clients, cast, demo):
    from tryg.partnerships import services
    from tryg.partnerships.uploads import as_file

    grant = demo["sawa_grant"]

    def more(n):
        for i in range(n):
            services.activity_report(
                actor=cast["partner"],
                grant=grant,
                title=f"Aktivitet {i}",
                held_on=grant.starts_on,
                participants=i,
                attachment=as_file(PDF, f"bilag-{i}.pdf"),
            )

    url = reverse("partnerships:grant-detail", args=[grant.pk])
    assert_flat_queries(more, lambda: clients["partner"].get(url))
