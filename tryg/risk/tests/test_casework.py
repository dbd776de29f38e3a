"""The honour-related flag and its guard on contacts with the family, needs-reassessment, siblings, travel,
safety plans and their printed card, the instruments' YAML."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tryg.cases import services as case_services
from tryg.cases.models import Task, TimelineEntry
from tryg.cases.tests.api_helpers import error, post
from tryg.core.errors import DomainError
from tryg.risk import definitions, selectors, services
from tryg.risk.models import Assessment, InstrumentVersion, SafetyPlan, SiblingConsideration

from .helpers import instrument, make_case, signed_checklist

pytestmark = pytest.mark.django_db


def test_a_letter_to_the_parents_is_blocked_until_a_signed_assessment_exists(cast, clients):
    case = make_case(cast)
    worker = clients["sagsbehandler"]
    page = worker.get(reverse("cases:contact", args=[case.pk]) + "?party=parents&channel=letter_home")
    html = page.content.decode()
    assert 'id="family-blocked"' in html and "barnets lov § 18, stk. 3" in html
    data = {"party": "parents", "channel": "letter_home", "text": "Indkaldelse til møde."}
    response = worker.post(reverse("cases:contact", args=[case.pk]), data)
    assert response.status_code == 400 and "underskrevet risikovurdering" in response.content.decode()
    api = reverse("cases-api:case-contacts", args=[case.pk])
    error(post(worker, api, data), code="family_action_blocked")
    # A contact with the person herself is not blocked.
    assert post(worker, api, {**data, "party": "person"}).status_code == 201
    signed_checklist(cast, case)
    assert post(worker, api, data).status_code == 201
    assert TimelineEntry.objects.filter(case=case, kind="contact", party="parents", channel="letter_home").exists()
    response = worker.get(reverse("cases:contact", args=[case.pk]))
    assert 'id="family-blocked"' not in response.content.decode()


def test_a_case_not_flagged_is_not_blocked_and_a_draft_does_not_lift_the_block(cast):
    plain = make_case(cast, name="Ikke Markeret", flag=False)
    case_services.contact_record(
        actor=cast["sagsbehandler"], case=plain, channel="phone", text="Opkald.", party="network"
    )
    case = make_case(cast)
    services.assessment_start(actor=cast["konsulent"], case=case, instrument=instrument("tryg-vurdering"))
    with pytest.raises(DomainError):
        case_services.contact_record(
            actor=cast["sagsbehandler"], case=case, channel="phone", text="Opkald.", party="network"
        )


def test_the_flag_records_who_when_why_and_only_a_case_worker_sets_it(cast, clients):
    case = make_case(cast, flag=False)
    url = reverse("risk-api:case-flag", args=[case.pk])
    body = {"honour_related": True, "reason": "Trusler om bortførelse."}
    assert clients["konsulent"].put(url, body, content_type="application/json").status_code == 404
    response = clients["sagsbehandler"].put(url, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["blocked_reason"]
    profile = selectors.profile(case)
    assert profile.set_by == cast["sagsbehandler"] and profile.reason == "Trusler om bortførelse."
    html = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Æresrelateret sag" in html


def test_a_case_never_flagged_answers_with_null_times_that_the_schema_allows(cast, clients):
    """Found by the API fuzzing (ST108): before anyone sets the flag there is no time, and the schema said there
    always was one."""
    case = make_case(cast, flag=False)
    body = clients["sagsbehandler"].get(reverse("risk-api:case-flag", args=[case.pk])).json()
    assert body["honour_related"] is False and body["set_at"] is None and body["set_by"] == ""
    schema = clients["sagsbehandler"].get(reverse("api-schema"), HTTP_ACCEPT="application/json").json()
    fields = schema["components"]["schemas"]["FlagOut"]["properties"]
    assert fields["set_at"].get("nullable") is True and fields["blocked_reason"].get("nullable") is True


def test_an_incident_or_an_old_assessment_marks_the_case_for_reassessment(cast, clients, settings):
    case = make_case(cast)
    current = signed_checklist(cast, case)
    assert selectors.reassessment_reason(case, current) is None
    case_services.entry_add(actor=cast["sagsbehandler"], case=case, kind="incident", text="Slået af broren i går.")
    assert "ny episode" in selectors.reassessment_reason(case, current)
    assert case in selectors.reassessment_cases(cast["konsulent"])
    html = clients["konsulent"].get(reverse("core:start")).content.decode()
    assert f"Sag {case.number}: risikovurderingen skal gentages" in html
    html = clients["konsulent"].get(reverse("risk:reassessment")).content.decode()
    assert case.number in html and "Risiko Barn" in html
    html = clients["konsulent"].get(reverse("coordination:queue")).content.decode()
    assert 'id="risk-reassessment"' in html and f"Sag {case.number}" in html
    assert (
        "Skal vurderes igen"
        in clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    )
    fresh = signed_checklist(cast, case)
    assert selectors.reassessment_reason(case, fresh) is None
    Assessment.objects.filter(pk=fresh.pk).update(signed_at=timezone.now() - timedelta(days=91))
    TimelineEntry.objects.filter(case=case, kind="incident").update(created_at=timezone.now() - timedelta(days=95))
    fresh.refresh_from_db()
    assert "90 dage" in selectors.reassessment_reason(case, fresh)
    settings.TRYG_RISK_REASSESS_DAYS = 120
    assert selectors.reassessment_reason(case, fresh) is None
    assert selectors.reassessment_cases(cast["outsider"]) == []


def test_each_sibling_is_considered_once(cast, clients):
    case = make_case(cast)
    sister = selectors.siblings(case)[0]
    url = reverse("risk:sibling", args=[case.pk])
    prefix = f"sib{sister.pk}"
    response = clients["sagsbehandler"].post(url, {"person": sister.pk, f"{prefix}-decision": "no_action"})
    assert response.status_code == 400 and "begrundelse" in response.content.decode().lower()
    response = clients["sagsbehandler"].post(url, {"person": sister.pk, f"{prefix}-decision": "task"})
    assert response.status_code == 302
    record = SiblingConsideration.objects.get(case=case)
    assert record.task is not None and "Søster Barn" in record.task.title
    response = clients["sagsbehandler"].post(url, {"person": sister.pk, f"{prefix}-decision": "task"})
    assert response.status_code == 400
    other = make_case(cast, name="Anden Sag")
    assert (
        clients["sagsbehandler"].post(reverse("risk:sibling", args=[other.pk]), {"person": sister.pk}).status_code
        == 400
    )


def test_a_sibling_can_become_a_linked_concern(cast):
    case = make_case(cast)
    sister = selectors.siblings(case)[0]
    record = services.sibling_consider(
        actor=cast["sagsbehandler"], case=case, related_person=sister, decision="concern", reason="Samme trusler."
    )
    assert record.concern.person.name == "Søster Barn" and case.number in record.concern.description


def test_a_planned_travel_sign_opens_the_checklist_with_a_countdown(cast, clients):
    from tryg.knowledge.models import Entry

    case = make_case(cast)
    sign = Entry.objects.current().filter(slug="tegn-lang-rejse").first()
    assert sign is not None
    case.concerns.first().warning_signs.add(sign)
    html = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "tjeklisten er ikke udfyldt" in html
    day = timezone.localdate() + timedelta(days=12)
    response = clients["sagsbehandler"].post(
        reverse("risk:travel", args=[case.pk]),
        {"departure_date": day.isoformat(), "steps_done": ["passport", "police"]},
    )
    assert response.status_code == 302
    html = clients["sagsbehandler"].get(reverse("risk:travel", args=[case.pk])).content.decode()
    assert "Afrejse om 12 dage" in html and "straffeloven § 215 a" in html
    assert 'href="/app/knowledge/entry/straffeloven-215-a/"' in html
    assert (
        "Afrejse om 12 dage"
        in clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    )
    bad = clients["sagsbehandler"].post(reverse("risk:travel", args=[case.pk]), {"steps_done": ["nope"]})
    assert bad.status_code == 400


def test_a_safety_plan_is_versioned_its_actions_become_tasks_and_the_card_is_neutral(cast, clients):
    case = make_case(cast)
    worker = cast["sagsbehandler"]
    url = reverse("risk:safety-plan", args=[case.pk])
    review = (timezone.localdate() + timedelta(days=30)).isoformat()
    due = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = {
        "escalation": "Gå til skolens kontor.",
        "contacts": "Politiet 114",
        "code_words": "Blå taske",
        "review_date": review,
        "a0_text": "Aftal kodeord med læreren",
        "a0_owner": str(worker.pk),
        "a0_due": due,
    }
    assert clients["sagsbehandler"].post(url, {**data, "a0_owner": ""}).status_code == 400
    assert clients["sagsbehandler"].post(url, data).status_code == 302
    assert clients["sagsbehandler"].post(url, {**data, "a0_text": ""}).status_code == 302
    plans = list(SafetyPlan.objects.filter(case=case).order_by("number"))
    assert [p.number for p in plans] == [1, 2]
    assert [t.title for t in Task.objects.filter(case=case, owner=worker)].count("Aftal kodeord med læreren") == 1
    card = clients["sagsbehandler"].get(reverse("risk:safety-plan-print", args=[plans[1].pk])).content.decode()
    article = card[card.index('<article class="risk-card"') : card.index("</article>")]
    assert "Blå taske" in article
    for word in ("Sikkerhedsplan", "æres", "vold", "Aalborg"):
        assert word not in article
    SafetyPlan.objects.filter(pk=plans[1].pk).update(show_logo=True)
    card = clients["sagsbehandler"].get(reverse("risk:safety-plan-print", args=[plans[1].pk])).content.decode()
    assert "Aalborg" in card[card.index('<article class="risk-card"') : card.index("</article>")]
    response = post(
        clients["konsulent"],
        reverse("risk-api:case-safety-plans", args=[case.pk]),
        {
            "escalation": "x",
            "contacts": "y",
            "review_date": review,
            "actions": [{"text": "z", "owner": 999999, "due_date": due}],
        },
    )
    assert error(response)["fields"] == {"actions.0.owner": ["Vælg en i sagens team."]}
    assert SafetyPlan.objects.filter(case=case).count() == 2


def test_the_instruments_are_data_validated_importable_and_exportable(tmp_path):
    services.ensure_seed_instruments()
    with pytest.raises(definitions.InstrumentError) as exc:
        definitions.load("slug: Bad Slug\nkind: judgement\nscale: []\ndomains: []\nthreshold: {high: 2}\n")
    assert len(exc.value.messages) >= 4
    with pytest.raises(definitions.InstrumentError):
        definitions.load("a: &x [1]\nb: *x\n")
    out = StringIO()
    call_command("risk_export", "tryg-screening", stdout=out)
    text = out.getvalue()
    assert definitions.load(text)["threshold"] == {"high": 8, "medium": 4}
    changed = tmp_path / "s.yaml"
    changed.write_text(text.replace("high: 8", "high: 9"), encoding="utf-8")
    call_command("risk_import", str(changed), stdout=StringIO())
    numbers = InstrumentVersion.objects.filter(instrument__slug="tryg-screening").values_list("number", flat=True)
    assert sorted(numbers) == [1, 2]
    call_command("risk_import", str(changed), stdout=StringIO())  # unchanged: no new version
    assert InstrumentVersion.objects.filter(instrument__slug="tryg-screening").count() == 2
