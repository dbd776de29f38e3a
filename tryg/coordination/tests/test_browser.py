"""The "Done when" of coordination in a real browser: axe-core on every page, screenshots at 1280 and 390 px
(test-artifacts/coordination-*.png)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.core.tests.browser import axe_check, check_at_widths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("coordination-browser"),
    pytest.mark.django_db(transaction=True),
]


def test_consultations_meetings_and_the_region_in_the_browser(browser_login, cast, live_server):
    from tryg.cases.demo import ensure_routing
    from tryg.coordination.models import AgendaItem, Consultation

    from .helpers import ask_anonymous, make_case

    ensure_routing()
    case = make_case(cast, name="Sara Browser")
    ask_anonymous(cast, role="outsider", topic="Ung i Hjørring frygter tvangsægteskab")

    # 1. The professional asks anonymously; a CPR number typed into the question is refused, saying why.
    fag = browser_login("fagperson")
    fag.goto(reverse("core:start"))
    fag.get_by_role("link", name="Spørg sikkerhedskonsulenterne").first.click()
    fag.wait_for_url("**/app/coordination/ask/")
    check_at_widths(fag, "coordination-ask")
    fag.check("#id_kind_0")
    fag.check("#id_target_group_0")
    fag.fill("#id_topic", "Elev på 14 må ikke tage med på lejrskole")
    fag.fill("#id_text", "Hun nævnte sit cpr 010203-1234 og er bange.")
    fag.get_by_role("button", name="Send forespørgslen").click()
    fag.wait_for_selector("#error-summary")
    assert "CPR-nummer" in fag.locator("#error-summary").inner_text()
    axe_check(fag, name="coordination-ask-error")
    fag.fill("#id_text", "Hun er bange for, hvad der sker, hvis familien hører om det. Hvordan taler jeg med hende?")
    fag.get_by_role("button", name="Send forespørgslen").click()
    fag.wait_for_selector("text=Din forespørgsel er sendt")
    anonymous = Consultation.objects.get(asker=cast["fagperson"])
    assert anonymous.is_anonymous

    # 2. The consultant's start page and menu put the queue first; both municipalities of the region are in it.
    konsulent = browser_login("konsulent")
    konsulent.goto(reverse("core:start"))
    assert konsulent.locator("main h2").first.inner_text().startswith("Forespørgsler til sikkerhedskonsulenterne")
    check_at_widths(konsulent, "coordination-start-konsulent")
    konsulent.goto(reverse("coordination:queue"))
    queue = konsulent.locator("main table").inner_text()
    assert "Aalborg Kommune" in queue and "Hjørring Kommune" in queue
    check_at_widths(konsulent, "coordination-queue")
    konsulent.get_by_role("link", name="Elev på 14 må ikke tage med på lejrskole").click()
    konsulent.fill("#id_text", "Tal med hende alene, et sted hun føler sig tryg. Gå ikke til familien.")
    konsulent.get_by_role("button", name="Send svar").click()
    konsulent.wait_for_selector("text=Beskeden er sendt")
    check_at_widths(konsulent, "coordination-consultation-konsulent")

    fag.goto(reverse("coordination:mine"))
    check_at_widths(fag, "coordination-mine")
    fag.get_by_role("link", name="Elev på 14 må ikke tage med på lejrskole").click()
    assert "Tal med hende alene" in fag.locator("#thread").inner_text()
    fag.fill("#id_text", "Tak. Hendes nummer er 0102031234.")
    fag.get_by_role("button", name="Send besked").click()
    fag.wait_for_selector("#error-summary")
    assert "CPR-nummer" in fag.locator("#error-summary").inner_text()
    check_at_widths(fag, "coordination-thread-error")

    # 3. The case worker asks about a named child from the case, with the legal basis recorded first.
    worker = browser_login("sagsbehandler")
    worker.goto(reverse("cases:case-detail", args=[case.pk]))
    worker.locator("header.tryg-case-header").get_by_role("link", name="Spørg sikkerhedskonsulenterne").click()
    worker.wait_for_url(lambda url: "/app/coordination/ask/?case=" in url)
    worker.check("#id_target_group_0")
    worker.fill("#id_topic", "Risiko for udrejse")
    worker.fill("#id_text", "Pigen frygter at blive sendt ud af landet. Hvad anbefaler I?")
    worker.get_by_role("button", name="Send forespørgslen").click()
    worker.wait_for_selector("#error-summary")
    assert "hjemlen" in worker.locator("#error-summary").inner_text()
    worker.select_option("#id_basis", "child_172c")
    worker.get_by_role("button", name="Send forespørgslen").click()
    worker.wait_for_selector("text=Din forespørgsel er sendt")
    named = Consultation.objects.get(case=case)
    assert named.basis == "child_172c" and named.basis_recorded_by == cast["sagsbehandler"]
    check_at_widths(worker, "coordination-consultation-named")

    # 4. The outsider (Hjørring) cannot see Aalborg's consultation: 404 and a refused row.
    outsider = browser_login("outsider")
    assert outsider.goto(reverse("coordination:consultation-detail", args=[anonymous.pk])).status == 404
    assert AuditEvent.objects.filter(action="refused", actor=cast["outsider"], object_id=str(anonymous.pk)).exists()

    # 5. A meeting from the case adds a task to the case; the case on a second agenda is a repeat.
    worker.goto(reverse("cases:case-detail", args=[case.pk]))
    worker.locator("header.tryg-case-header").get_by_role("link", name="Sæt på netværksmøde").click()
    worker.wait_for_url(lambda url: "/app/coordination/meetings/new/" in url)
    check_at_widths(worker, "coordination-meeting-form")
    worker.fill("#id_title", "Netværksmøde om udrejse")
    worker.get_by_role("button", name="Opret mødet").click()
    worker.wait_for_selector("text=Mødet er oprettet")
    item = AgendaItem.objects.get(case=case)
    worker.locator(f"#item-{item.public_id} summary", has_text="Tilføj handling").click()
    worker.fill(f"#item-{item.public_id} #id_title", "Orientér politiet om udrejserisikoen")
    worker.fill(f"#item-{item.public_id} #id_due_date", (timezone.localdate() + timedelta(days=3)).isoformat())
    worker.get_by_role("button", name="Opret handling").click()
    worker.wait_for_selector("text=Handlingen er oprettet som opgave i sagen")
    check_at_widths(worker, "coordination-meeting")
    assert item.actions.get().task.case == case

    worker.goto(reverse("coordination:meeting-create"))
    worker.fill("#id_title", "Opfølgende netværksmøde")
    worker.get_by_role("button", name="Opret mødet").click()
    worker.wait_for_selector("text=Mødet er oprettet")
    worker.fill("#id_number", case.number)
    worker.get_by_role("button", name="Sæt sagen på dagsordenen").click()
    worker.wait_for_selector("text=gentagelse")
    assert worker.locator("main .badge", has_text="Gentagelse").count() == 1
    worker.goto(reverse("cases:case-detail", args=[case.pk]))
    assert "Gentagelse" in worker.locator("header.tryg-case-header").inner_text()
    assert "Orientér politiet om udrejserisikoen" in worker.content()
    check_at_widths(worker, "coordination-case")

    # 6. Every read of a consultation is in the access log.
    for user in (cast["fagperson"], cast["konsulent"]):
        assert AuditEvent.objects.filter(action="view", actor=user, object_id=str(anonymous.pk)).exists()
    assert AuditEvent.objects.filter(action="view", actor=cast["sagsbehandler"], object_id=str(named.pk)).exists()
