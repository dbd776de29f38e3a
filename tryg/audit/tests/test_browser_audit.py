"""The access-log pages in a real browser: accessible at 1280 px and 390 px, a refused case read found by
"Afvist adgang", every read of a case found by its number, the export form."""

import pytest
from django.urls import reverse

from tryg.core.tests.browser import axe_check, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("audit-browser_audit"),
    pytest.mark.django_db(transaction=True),
]


def _fits(page) -> None:
    """No sideways scrolling of the page itself."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the window"


def test_the_coordinator_finds_a_refused_read_and_every_read_of_a_case(browser_login, cast):
    from tryg.cases.demo import ensure_routing
    from tryg.cases.tests.helpers import make_case

    ensure_routing()
    case = make_case(cast, name="Browser Bente")
    worker = browser_login("sagsbehandler")
    worker.goto(reverse("cases:case-detail", args=[case.pk]))
    outsider = browser_login("outsider")
    response = outsider.goto(reverse("cases:case-detail", args=[case.pk]))
    assert response.status == 404

    page = browser_login("tovholder")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Adgangslog").first.click()
    page.wait_for_url("**/app/audit/")
    assert page.locator("h1").inner_text() == "Adgangslog"
    page.select_option("#id_action", label="Afvist adgang")
    page.get_by_role("button", name="Søg i loggen").click()
    page.wait_for_url("**/app/audit/?*")
    body = page.locator("table.audit-table tbody").inner_text()
    assert "Afvist adgang" in body and case.number in body and "Browser Bente" in body
    assert cast["outsider"].username in body and "Hjørring Kommune" in body
    assert "cases.case" not in page.content()
    axe_check(page, name="audit-refused-1280")
    _fits(page)
    shot(page, "audit-refused-1280")

    page.goto("/app/audit/")
    page.fill("#id_case_number", case.number)
    page.get_by_role("button", name="Søg i loggen").click()
    page.wait_for_url("**/app/audit/?*")
    rows = page.locator("table.audit-table tbody tr")
    assert rows.count() >= 3  # the triage, the case worker's read, the refused read
    text = page.locator("table.audit-table tbody").inner_text()
    assert "Visning" in text and "Afvist adgang" in text and "Oprettelse" in text
    axe_check(page, name="audit-case-1280")
    _fits(page)
    shot(page, "audit-log-1280")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    axe_check(page, name="audit-case-390")
    _fits(page)
    shot(page, "audit-log-390")

    page.fill("#id_date_from", "2026-05-02")
    page.fill("#id_date_to", "2026-05-01")
    page.get_by_role("button", name="Søg i loggen").click()
    assert page.locator("#error-summary").is_visible()
    axe_check(page, name="audit-search-error")
    shot(page, "audit-search-error-390")


def test_it_shows_the_export_form_accessibly(browser_login):
    page = browser_login("tovholder")
    page.goto("/app/audit/subject-export/")
    axe_check(page, name="audit-subject-export")
    shot(page, "audit-subject-export")
