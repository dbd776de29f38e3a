"""The "Done when" of youth-to-youth dialogue in a real browser, with axe-core on every page: the coordinator
registers a facilitator and plans a session; a participant evaluates it on a phone-sized page without login;
the reach statistics include it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tryg.core.tests.browser import DESKTOP, PHONE, axe_check, check_at_widths, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("prevention-browser"),
    pytest.mark.django_db(transaction=True),
]


def test_the_done_when_path(browser, browser_login, cast, live_server):
    from tryg.prevention import ratelimit
    from tryg.prevention.models import DialogueSession, Evaluation, Facilitator

    ratelimit.reset_all()
    held_on = timezone.localdate() - timedelta(days=1)
    coordinator = browser_login("tovholder")
    coordinator.set_viewport_size(DESKTOP)

    # 1. A topic for the managed list, then a facilitator under 18 with the guardian's consent.
    coordinator.goto("/app/prevention/topics/")
    coordinator.fill("#id_name", "Digital kontrol")
    coordinator.get_by_role("button", name="Tilføj emne", exact=True).click()
    coordinator.wait_for_selector("text=Emnet er tilføjet")
    coordinator.goto("/app/prevention/facilitators/new/")
    coordinator.fill("#id_name", "Browser Dialogskaber")
    coordinator.fill("#id_birth_date", f"{timezone.localdate().year - 17}-02-01")
    coordinator.fill("#id_consent_on", (held_on - timedelta(days=30)).isoformat())
    coordinator.get_by_role("button", name="Registrér dialogskaberen", exact=True).click()
    coordinator.wait_for_selector("#error-summary")
    assert "forælderens eller værgens samtykke" in coordinator.locator("#error-summary").inner_text()
    axe_check(coordinator, name="prevention-facilitator-error")
    coordinator.fill("#id_guardian_name", "Forælder Browser")
    coordinator.fill("#id_guardian_consent_on", (held_on - timedelta(days=30)).isoformat())
    coordinator.get_by_role("button", name="Registrér dialogskaberen", exact=True).click()
    coordinator.wait_for_selector("text=Dialogskaberen er registreret")
    facilitator = Facilitator.objects.get()
    check_at_widths(coordinator, "prevention-facilitator")

    # 2. The session: yesterday at the school, with the topic and the facilitator.
    coordinator.goto("/app/prevention/sessions/new/")
    coordinator.fill("#id_day", held_on.isoformat())
    coordinator.fill("#id_start", "10:00")
    coordinator.fill("#id_end", "11:30")
    coordinator.select_option("#id_place_kind", "school")
    coordinator.select_option("#id_place_unit", label="Sønderbro Skole")
    coordinator.fill("#id_audience", "8.A")
    coordinator.select_option("#id_age_band", "13-15")
    coordinator.click("label[for=id_topics_0]")
    coordinator.click("label[for=id_facilitators_0]")
    axe_check(coordinator, name="prevention-session-form")
    coordinator.get_by_role("button", name="Planlæg mødet", exact=True).click()
    coordinator.wait_for_selector("text=Dialogmødet er planlagt")
    session = DialogueSession.objects.get()
    assert list(session.facilitators.all()) == [facilitator]

    # 3. After the session: the counts by age and gender, and three slips.
    coordinator.fill("#id_c_13_15_girls", "12")
    coordinator.fill("#id_c_13_15_boys", "10")
    coordinator.get_by_role("button", name="Gem deltagertal", exact=True).click()
    coordinator.wait_for_selector("text=Deltagerne er registreret")
    coordinator.fill("#id_count", "3")
    coordinator.get_by_role("button", name="Lav sedler", exact=True).click()
    coordinator.wait_for_selector("text=Sedlerne er klar til print")
    codes = coordinator.locator(".prv-code").all_inner_texts()
    assert len(codes) == 3
    check_at_widths(coordinator, "prevention-slips")
    coordinator.goto(f"/app/prevention/sessions/{session.pk}/")
    check_at_widths(coordinator, "prevention-session-detail")
    coordinator.goto(f"/app/prevention/calendar/?month={held_on:%Y-%m}")
    assert "Sønderbro Skole" in coordinator.locator(".prv-calendar").inner_text()
    check_at_widths(coordinator, "prevention-calendar")

    # 4. A participant on a phone, without login: the code from the slip.
    phone_context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True, locale="da-DK", bypass_csp=True
    )
    phone = phone_context.new_page()
    phone.goto("/evaluering/")
    axe_check(phone, name="prevention-public-start")
    shot(phone, "prevention-public-start-390")
    phone.fill("#id_code", codes[0].lower())
    phone.get_by_role("button", name="Fortsæt", exact=True).click()
    phone.wait_for_selector("text=Hvad syntes du om dialogmødet?")
    axe_check(phone, name="prevention-public-form")
    shot(phone, "prevention-public-form-390")
    phone.check("#id_score_voice_4")  # 5
    phone.check("#id_score_learned_3")  # 4
    phone.check("#id_score_relevant_4")  # 5
    phone.fill("#id_reflection", "At man selv må vælge.")
    phone.get_by_role("button", name="Send mit svar", exact=True).click()
    phone.wait_for_selector("text=Tak for dit svar")
    axe_check(phone, name="prevention-public-done")
    shot(phone, "prevention-public-done-390")
    assert phone_context.cookies() == [], "the public evaluation set a cookie"
    assert Evaluation.objects.filter(session=session, score_voice=5, score_learned=4).count() == 1
    phone.goto(f"/evaluering/{codes[0].replace('-', '')}/")
    assert "allerede brugt" in phone.content()
    phone_context.close()

    # 5. The reach statistics include it.
    coordinator.goto(f"/app/prevention/statistics/?year={held_on.year}")
    total = coordinator.locator("tfoot tr").inner_text().split()
    assert total[2:5] == ["1", "22", "1"], total  # sessions, participants, schools
    assert "5.0" in total or "5,0" in total
    check_at_widths(coordinator, "prevention-statistics")
    coordinator.goto("/app/prevention/")
    check_at_widths(coordinator, "prevention-session-list")
