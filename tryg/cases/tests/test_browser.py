"""The "Done when" path in a real browser, with axe-core on every page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.core.tests.browser import axe_check, shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("cases-browser"), pytest.mark.django_db(transaction=True)]


def _walk_child_card(cast):
    """The fagperson's walk of Aalborg's child card up to the outcome "Underret kommunen"."""
    from tryg.actioncards import demo as card_demo
    from tryg.actioncards.models import ActionCard
    from tryg.actioncards.services import walk_answer, walk_start

    card_demo.demo_seed(users={"tovholder": cast["tovholder"]})
    card = ActionCard.objects.get(slug="bekymring-barn", municipality__code="851")
    walk = walk_start(user=cast["fagperson"], card=card)
    for option in ["nej", "next", "nej", "ja", "nej"]:
        walk = walk_answer(walk=walk, option_id=option)
    assert walk.is_finished and walk.outcome_node == "underret"
    return walk


def test_the_done_when_path(browser_login, cast, live_server):
    from tryg.audit.models import AuditEvent
    from tryg.cases.demo import ensure_routing
    from tryg.cases.models import Case

    ensure_routing()
    try:
        from tryg.knowledge.demo import demo_seed as knowledge_seed

        knowledge_seed(users=cast | {"admin": cast["admin"]})
    except ImportError:  # pragma: no cover
        pass
    walk = _walk_child_card(cast)

    # 1. The fagperson follows the outcome's link and files the concern.
    page = browser_login("fagperson")
    page.goto(reverse("actioncards:walk-step", args=[walk.pk]))
    page.get_by_role("link", name="Opret underretning", exact=True).first.click()
    page.wait_for_url(lambda url: "/app/cases/concerns/new/" in url and "walk=" in url)
    assert "bekymring-barn" in page.content() or "Bekymring for et barn" in page.content()
    assert page.is_checked("input[name=target_group][value=child]")
    axe_check(page, name="cases-concern-form")
    page.fill("#id_name", "Browser Bente")
    page.select_option("#id_age_group", "13-17")
    page.fill("#id_description", page.input_value("#id_description") + "Hun er bange for at blive sendt ud af landet.")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/app/cases/concerns/mine/")
    assert "Modtaget" in page.content() and "Browser Bente" not in page.content()
    axe_check(page, name="cases-my-concerns")

    # 2. The case worker sees it on top of the queue with both clocks running.
    worker = browser_login("sagsbehandler")
    worker.goto(reverse("cases:queue"))
    first_row = worker.locator("table.tryg-queue tbody tr").first
    assert "Browser Bente" in first_row.inner_text()
    assert (
        "Vurdering inden 24 timer" in first_row.inner_text() and "Kvittering inden 6 hverdage" in first_row.inner_text()
    )
    axe_check(worker, name="cases-queue")
    shot(worker, "cases-queue")
    worker.get_by_role("link", name="Browser Bente", exact=True).click()
    axe_check(worker, name="cases-concern-detail")
    worker.get_by_role("button", name="Kvittér for modtagelse", exact=True).click()
    worker.wait_for_selector("text=Modtagelsen er kvitteret")
    worker.click("label[for=id_decision_0]")  # "Opret en ny sag"; DKFDS styles the label
    worker.get_by_role("button", name="Gem beslutning", exact=True).click()
    worker.wait_for_url(lambda url: url.rstrip("/").count("-") >= 4 and "/concerns/" not in url)
    case = Case.objects.get()
    axe_check(worker, name="cases-case-detail")

    # 3. A note and a task, each added in place: no reload, the reader stays where they were.
    worker.evaluate("window.trygMarker = 'same page'")
    worker.locator("#timeline-section summary", has_text="Skriv et notat").click()
    worker.fill("#id_text", "Samtale med pigen alene på skolen.")
    before = worker.evaluate("window.scrollY")
    worker.get_by_role("button", name="Tilføj til tidslinjen", exact=True).click()
    worker.wait_for_selector("#timeline-section >> text=Indførslen er tilføjet tidslinjen")
    assert worker.evaluate("window.trygMarker") == "same page"
    assert abs(worker.evaluate("window.scrollY") - before) < 200
    assert "Samtale med pigen alene på skolen." in worker.locator("#timeline-section").inner_text()
    worker.locator("#tasks-section summary", has_text="Opret opgave").click()
    worker.fill("#id_title", "Kontakt sikkerhedskonsulenten")
    worker.fill("#id_due_date", (timezone.localdate() + timedelta(days=2)).isoformat())
    assert worker.input_value("#id_owner") == str(cast["sagsbehandler"].pk)  # tasks default to me
    worker.locator("#tasks-section form button[type=submit]", has_text="Opret opgave").click()
    worker.wait_for_selector("#tasks-section >> text=Opgaven er oprettet")
    assert worker.evaluate("window.trygMarker") == "same page"
    axe_check(worker, name="cases-case-detail-after-htmx")

    # 4. A safe-contact rule; the contact form then offers only the allowed channels and says why.
    worker.get_by_role("link", name="Redigér regler for sikker kontakt", exact=True).click()
    axe_check(worker, name="cases-safe-contact")
    worker.check("#forbidden-letter_home")
    worker.check("#forbidden-sms")
    worker.fill("#id_never_contact", "Faderen")
    worker.get_by_role("button", name="Gem regler", exact=True).click()
    worker.wait_for_selector("text=Reglerne for sikker kontakt er gemt")
    assert "Brev til hjemmeadressen" in worker.locator("#contact-rules-heading + dl").inner_text()
    worker.get_by_role("link", name="Kontakt personen eller familien", exact=True).click()
    options = worker.locator("#id_channel option").all_inner_texts()
    assert "Brev til hjemmeadressen" not in options and "SMS" not in options and "Via skolen" in options
    assert "forbyder kontakt via Brev til hjemmeadressen" in worker.locator("main").inner_text()
    axe_check(worker, name="cases-contact-blocked")
    shot(worker, "cases-contact-blocked")

    # 5. The outsider gets 404; the consultant only after being added to the team, with a confirmation.
    case_url = reverse("cases:case-detail", args=[case.pk])
    outsider = browser_login("outsider")
    assert outsider.goto(case_url).status == 404
    consultant = browser_login("konsulent")
    assert consultant.goto(case_url).status == 404
    worker.goto(case_url)
    worker.locator("#team-section summary").click()
    assert worker.input_value("#member_user") == ""  # no one preselected
    worker.select_option("#member_user", str(cast["konsulent"].pk))
    worker.select_option("#member_role", "security_consultant")
    worker.locator("#team-section form button[type=submit]").click()
    worker.wait_for_selector("#team-section >> text=vil kunne se hele sagen")
    assert consultant.goto(case_url).status == 404
    axe_check(worker, name="cases-team-confirmation")
    worker.get_by_role("button", name="Ja, tilføj til teamet", exact=True).click()
    worker.wait_for_selector("text=Personen er tilføjet sagens team")
    assert consultant.goto(case_url).status == 200
    axe_check(consultant, name="cases-case-detail-consultant")

    # 6. The access log holds each of these reads.
    readers = set(
        AuditEvent.objects.filter(action="view", object_type="cases.case", object_id=str(case.pk)).values_list(
            "actor_username", flat=True
        )
    )
    assert readers == {"sagsbehandler", "konsulent"}


def test_the_administrator_sets_the_intake_by_keyboard_with_an_accessible_error(browser_login, cast, live_server):
    from tryg.cases.demo import ensure_routing
    from tryg.cases.models import IntakeRouting

    ensure_routing()
    page = browser_login("admin")
    page.goto(reverse("cases:intake-settings"))
    axe_check(page)
    page.fill("#id_retention_years", "0")
    page.focus("main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    axe_check(page)
    shot(page, "cases-intake-settings-error")

    page.fill("#id_retention_years", "7")
    page.select_option("#id_adult_unit", label="SSP Aalborg")
    page.focus("main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".alert-success")
    routing = IntakeRouting.objects.get(municipality=cast["admin"].municipality)
    assert routing.retention_years == 7 and routing.adult_unit.name == "SSP Aalborg"
    axe_check(page)
