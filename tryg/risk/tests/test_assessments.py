"""Assessments through pages, API and services: the checklist's threshold and meeting proposal, the floor a
professional judgement may not go below, signing (never edited), superseding, and the access log."""

import pytest
from django.urls import reverse

from tryg.audit.models import AuditEvent
from tryg.cases.tests.api_helpers import error, mark, put
from tryg.risk import services
from tryg.risk.models import Assessment

from .helpers import checklist_ratings, instrument, make_case, signed_checklist

pytestmark = pytest.mark.django_db


def _form(ratings: dict, **extra) -> dict:
    data = {f"r_{k}_{p}": v for k, r in ratings.items() for p, v in r.items()}
    data.update(extra)
    return data


def test_a_checklist_over_the_threshold_is_high_and_proposes_a_meeting(cast, clients):
    case = make_case(cast)
    page = clients["konsulent"]
    response = page.post(reverse("risk:assessment-start", args=[case.pk]), {"instrument": "tryg-screening"})
    assessment = Assessment.objects.get(case=case)
    assert response.url == reverse("risk:assessment", args=[assessment.pk])
    response = page.post(response.url, _form(checklist_ratings(8), action="save"))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.computed_level, assessment.level) == ("high", "high")
    html = page.get(reverse("risk:assessment", args=[assessment.pk])).content.decode()
    assert "tværfagligt møde" in html and 'id="meeting-proposal"' in html
    # The proposal links to coordination's meeting form with this case on the agenda.
    assert f'href="{reverse("coordination:meeting-create")}?case={case.pk}"' in html


def test_a_lower_professional_judgement_is_refused_and_a_higher_one_needs_its_reason(cast, clients):
    case = make_case(cast)
    a = services.assessment_start(actor=cast["konsulent"], case=case, instrument=instrument("tryg-screening"))
    url = reverse("risk:assessment", args=[a.pk])
    response = clients["konsulent"].post(url, _form(checklist_ratings(9), level="medium", action="save"))
    assert response.status_code == 400
    assert "kan ikke sænke niveauet" in response.content.decode()
    a.refresh_from_db()
    assert a.ratings == {} and a.level == ""  # nothing changed
    response = clients["konsulent"].post(url, _form(checklist_ratings(4), level="high", action="save"))
    assert response.status_code == 400 and "Begrund" in response.content.decode()
    response = clients["konsulent"].post(
        url, _form(checklist_ratings(4), level="high", level_reason="Konkret trussel i går.", action="sign")
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.status, a.computed_level, a.level, a.level_reason) == (
        "signed",
        "medium",
        "high",
        "Konkret trussel i går.",
    )


def test_the_api_refuses_a_lower_level_with_its_code_and_a_signed_assessment_is_never_edited(cast, clients):
    case = make_case(cast)
    a = services.assessment_start(actor=cast["konsulent"], case=case, instrument=instrument("tryg-screening"))
    url = reverse("risk-api:assessment-detail", args=[a.pk])
    body = error(
        put(clients["konsulent"], url, {"ratings": checklist_ratings(10), "level": "low"}), code="level_below_checklist"
    )
    assert "level" in body["fields"]
    response = put(clients["konsulent"], url, {"ratings": checklist_ratings(10), "sign": True})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "signed" and response.json()["level"] == "high"
    assert response.json()["meeting_url"].endswith(f"?case={case.pk}")
    error(put(clients["konsulent"], url, {"ratings": checklist_ratings(0)}), code="assessment_signed")
    response = clients["konsulent"].post(
        reverse("risk:assessment", args=[a.pk]), _form(checklist_ratings(0), action="save")
    )
    assert response.status_code == 400
    a.refresh_from_db()
    assert a.level == "high"


def test_an_incomplete_assessment_is_not_signed(cast, clients):
    case = make_case(cast)
    a = services.assessment_start(actor=cast["konsulent"], case=case, instrument=instrument("tryg-screening"))
    url = reverse("risk-api:assessment-detail", args=[a.pk])
    error(
        put(clients["konsulent"], url, {"ratings": {"s01": {"present": "ja"}}, "sign": True}),
        code="assessment_incomplete",
    )
    error(put(clients["konsulent"], url, {"ratings": {"nope": {"present": "ja"}}}))
    error(put(clients["konsulent"], url, {"ratings": {"s01": {"present": "kanske"}}}))
    assert Assessment.objects.get(pk=a.pk).status == "draft"


def test_the_structured_judgement_has_no_score_and_may_not_go_below_the_latest_screening(cast, clients):
    case = make_case(cast)
    first = signed_checklist(cast, case, yes=9)
    judgement = services.assessment_start(actor=cast["konsulent"], case=case, instrument=instrument("tryg-vurdering"))
    version = judgement.version
    assert "threshold" not in version.definition and len(version.items()) == 15
    assert len(version.definition["domains"]) == 3 and version.definition["periods"] == ["present", "past"]
    ratings = {item["id"]: {"present": "ja", "past": "nej"} for item in version.items()}
    judgements = {"alvorlig-vold": "high", "akut": "medium", "ofre": "Pigen og hendes søster."}
    scenarios = [{"title": "Bortførelse på sommerferien", "level": "high", "measures": "Pasforanstaltning, politi."}]
    url = reverse("risk-api:assessment-detail", args=[judgement.pk])
    data = {"ratings": ratings, "judgements": judgements, "scenarios": scenarios, "level": "medium", "sign": True}
    error(put(clients["konsulent"], url, data), code="level_below_checklist")
    response = put(clients["konsulent"], url, {**data, "level": "high"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["computed_level"] == "" and body["floor_level"] == "high" and body["supersedes"] == str(first.pk)
    assert body["scenarios"] == scenarios and body["judgements"]["ofre"] == "Pigen og hendes søster."
    # Free text is encrypted at rest.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT judgements FROM risk_assessment WHERE id = %s", [judgement.pk.hex])
        assert "søster" not in (cursor.fetchone() or [""])[0]
    html = clients["sagsbehandler"].get(reverse("risk:assessment", args=[judgement.pk])).content.decode()
    assert "Bortførelse på sommerferien" in html and "Pasforanstaltning" in html


def test_the_case_page_shows_the_level_date_signer_and_the_trend(cast, clients):
    case = make_case(cast)
    signed_checklist(cast, case, yes=4)
    signed_checklist(cast, case, yes=9)
    html = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert 'id="risk-level"' in html and "Høj risiko" in html and cast["konsulent"].display_name in html
    assert "<svg" in html and '<title id="case-trend-title">' in html and "<desc" in html and "Vis som tabel" in html
    assert html.count("<circle") == 2


def test_reads_and_refusals_are_in_the_access_log(cast, clients):
    case = make_case(cast)
    a = signed_checklist(cast, case)
    since = mark()
    assert clients["sagsbehandler"].get(reverse("risk:assessment", args=[a.pk])).status_code == 200
    assert clients["konsulent"].get(reverse("risk-api:assessment-detail", args=[a.pk])).status_code == 200
    rows = AuditEvent.objects.filter(id__gt=since, action="view", object_type="risk.assessment")
    assert {r.actor_id for r in rows} == {cast["sagsbehandler"].pk, cast["konsulent"].pk}
    assert all(r.subject_id == str(case.person_id) and r.municipality_id == case.municipality_id for r in rows)
    assert clients["outsider"].get(reverse("risk:assessment", args=[a.pk])).status_code == 404
    refused = AuditEvent.objects.filter(id__gt=since, action="refused", actor=cast["outsider"]).first()
    assert refused is not None and refused.municipality_id == case.municipality_id
