"""The "Done when" of risk work in a real browser, with axe-core on every page: the konsulent (on the case
team) screens the risk (crossing the threshold proposes a meeting; a lower professional judgement is refused),
then makes the structured judgement and signs it; the case header shows the level and the trend chart; a letter
to the parents is blocked before the signed assessment and allowed after; a safety plan is made and printed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.core.tests.browser import axe_check, check_at_widths, shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("risk-browser"), pytest.mark.django_db(transaction=True)]


def _answer(page, field: str, index: int) -> None:
    page.click(f"label[for=id_{field}_{index}]")


def test_the_done_when_path(browser_login, cast, live_server):
    from tryg.audit.models import AuditEvent
    from tryg.cases.models import TimelineEntry
    from tryg.knowledge.models import Entry
    from tryg.risk.models import Assessment, SafetyPlan

    from .helpers import instrument, make_case

    instrument("tryg-screening")
    case = make_case(cast, name="Browser Amina")
    sign = Entry.objects.current().filter(slug="tegn-lang-rejse").first()
    if sign is not None:
        case.concerns.first().warning_signs.add(sign)

    # 1. Before any signed assessment, the case worker cannot write to the parents, and sees why first.
    worker = browser_login("sagsbehandler")
    worker.goto(reverse("cases:contact", args=[case.pk]) + "?party=parents")
    assert "barnets lov § 18, stk. 3" in worker.locator("#family-blocked").inner_text()
    axe_check(worker, name="risk-contact-blocked")
    worker.click("label[for=id_party_1]")
    worker.select_option("#id_channel", "letter_home")
    worker.fill("#id_text", "Indkaldelse til samtale.")
    worker.get_by_role("button", name="Registrér kontakt", exact=True).click()
    worker.wait_for_selector("#error-summary")
    assert "underskrevet risikovurdering" in worker.locator("#error-summary").inner_text()
    assert not TimelineEntry.objects.filter(case=case, party="parents").exists()

    # 2. The konsulent screens: 9 of 24 "ja" crosses the threshold.
    consultant = browser_login("konsulent")
    consultant.goto(reverse("cases:case-detail", args=[case.pk]))
    consultant.get_by_role("link", name="Risiko og sikkerhed", exact=True).first.click()
    consultant.wait_for_url("**/app/risk/cases/**")
    check_at_widths(consultant, "risk-case")
    consultant.get_by_role("button", name="Start: Screening for æresrelateret risiko", exact=True).click()
    consultant.wait_for_url("**/app/risk/assessments/**")
    for n in range(1, 25):
        _answer(consultant, f"r_s{n:02d}_present", 0 if n <= 9 else 1)
    consultant.select_option("#id_level", "medium")
    consultant.fill("#id_level_reason", "Jeg vurderer det lavere.")
    consultant.get_by_role("button", name="Gem kladde", exact=True).click()
    consultant.wait_for_selector("#error-summary")
    assert "kan ikke sænke niveauet" in consultant.locator("#error-summary").inner_text()
    axe_check(consultant, name="risk-checklist-refused")
    consultant.select_option("#id_level", "")
    consultant.fill("#id_level_reason", "")
    consultant.get_by_role("button", name="Gem og underskriv", exact=True).click()
    consultant.wait_for_selector("text=Vurderingen er underskrevet")
    assert "tværfagligt møde" in consultant.locator("#meeting-proposal").inner_text()
    link = consultant.get_by_role("link", name="Opret et tværfagligt møde med sagen på dagsordenen", exact=True)
    assert link.get_attribute("href").endswith(f"?case={case.pk}")
    check_at_widths(consultant, "risk-checklist-signed")
    screening = Assessment.objects.get(case=case)
    assert (screening.status, screening.level, screening.computed_level) == ("signed", "high", "high")

    # 3. The structured judgement: every item now and before, the summary judgements, a scenario; signed.
    consultant.goto(reverse("risk:case", args=[case.pk]))
    consultant.get_by_role("button", name="Start: Struktureret vurdering af æresrelateret risiko", exact=True).click()
    consultant.wait_for_url("**/app/risk/assessments/**")
    judgement = Assessment.objects.filter(case=case, status="draft").get()
    for item in judgement.version.items():
        _answer(consultant, f"r_{item['id']}_present", 2)
        _answer(consultant, f"r_{item['id']}_past", 1)
    consultant.select_option("#id_j_alvorlig-vold", "high")
    consultant.select_option("#id_j_akut", "medium")
    consultant.fill("#id_j_ofre", "Amina og hendes søster.")
    consultant.fill("#id_s0_title", "Hun sendes ud af landet i sommerferien")
    consultant.select_option("#id_s0_level", "high")
    consultant.fill("#id_s0_measures", "Pasforanstaltning; politiet orienteres.")
    consultant.select_option("#id_level", "high")
    check_at_widths(consultant, "risk-judgement-form")
    consultant.get_by_role("button", name="Gem og underskriv", exact=True).click()
    consultant.wait_for_selector("text=Vurderingen er underskrevet")
    judgement.refresh_from_db()
    assert judgement.is_signed and judgement.supersedes_id == screening.pk
    axe_check(consultant, name="risk-judgement-signed")

    # 4. The case header: level, date, signer; the trend chart with its table.
    consultant.goto(reverse("cases:case-detail", args=[case.pk]))
    header = consultant.locator("#risk-level").inner_text()
    assert "Høj risiko" in header and cast["konsulent"].display_name in header
    assert consultant.locator("svg[role=img] title").first.text_content() == "Risikoniveau over tid"
    assert consultant.locator("svg[role=img] circle").count() == 2
    check_at_widths(consultant, "risk-case-header")

    # 5. Now the letter to the parents is allowed.
    worker.goto(reverse("cases:contact", args=[case.pk]) + "?party=parents")
    assert worker.locator("#family-blocked").count() == 0
    worker.click("label[for=id_party_1]")
    worker.select_option("#id_channel", "letter_home")
    worker.fill("#id_text", "Indkaldelse til samtale.")
    worker.get_by_role("button", name="Registrér kontakt", exact=True).click()
    worker.wait_for_selector("text=Kontakten er registreret")
    assert TimelineEntry.objects.filter(case=case, party="parents", channel="letter_home").exists()

    # 6. The safety plan, with an action that becomes a task; the printed card.
    worker.goto(reverse("risk:safety-plan", args=[case.pk]))
    worker.fill("#id_escalation", "Gå til skolens kontor, eller ring 112.")
    worker.fill("#id_contacts", "Klasselærer (skoletid). Døgn: politiet 114, akut 112.")
    worker.fill("#id_code_words", "«Har du set min blå taske?»")
    worker.fill("#id_safe_places", "Skolens kontor. Biblioteket.")
    worker.fill("#id_no_return", "Klasselæreren ringer til sagsbehandleren før kl. 9.")
    worker.fill("#id_review_date", (timezone.localdate() + timedelta(days=30)).isoformat())
    worker.fill("#id_a0_text", "Aftal kodeord med klasselæreren")
    worker.select_option("#id_a0_owner", str(cast["sagsbehandler"].pk))
    worker.fill("#id_a0_due", (timezone.localdate() + timedelta(days=3)).isoformat())
    worker.get_by_role("button", name="Gem sikkerhedsplanen", exact=True).click()
    worker.wait_for_selector("text=Sikkerhedsplanen er gemt som version 1")
    check_at_widths(worker, "risk-safety-plan")
    plan = SafetyPlan.objects.get(case=case)
    worker.get_by_role("link", name="Kort til personen (udskriv)", exact=True).click()
    worker.wait_for_url("**/print/")
    check_at_widths(worker, "risk-card")
    worker.emulate_media(media="print")
    worker.set_viewport_size({"width": 397, "height": 559})  # A6 at 96 dpi
    shot(worker, "risk-card-print")
    printed = worker.locator("main").inner_text()
    assert "Mine aftaler" in printed and "blå taske" in printed
    assert not worker.locator("header.header").is_visible() and not worker.locator(".tryg-no-print").first.is_visible()
    worker.emulate_media(media="screen")

    # 7. The travel checklist and its countdown.
    worker.goto(reverse("risk:travel", args=[case.pk]))
    worker.fill("#id_departure_date", (timezone.localdate() + timedelta(days=9)).isoformat())
    worker.click("label[for=id_steps_done_2]")
    worker.get_by_role("button", name="Gem tjeklisten", exact=True).click()
    worker.wait_for_selector("text=Afrejse om 9 dage")
    check_at_widths(worker, "risk-travel")

    # Every read of the person's data is in the access log.
    reads = AuditEvent.objects.filter(action="view", subject_id=str(case.person_id))
    types = set(reads.values_list("object_type", flat=True))
    assert {"cases.case", "risk.assessment", "risk.safetyplan"} <= types
    assert reads.filter(actor=cast["konsulent"], object_type="risk.assessment").exists()
    shot(worker, "risk-done")
    assert plan.actions.get().task is not None
