"""The access-log pages in a real browser: accessible, usable with the keyboard-friendly form, exported CSV."""

import pytest

from tryg.core.tests.browser import axe_check, shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_it_searches_the_log_accessibly_in_a_browser(browser_login):
    page = browser_login("tovholder")
    page.get_by_role("link", name="Adgangslog").first.click()
    page.wait_for_url("**/app/audit/")
    assert page.locator("h1").inner_text() == "Adgangslog"
    axe_check(page, name="audit-search")
    shot(page, "audit-search")

    page.fill("#id_actor", "tovholder")
    page.select_option("#id_action", "login")
    page.get_by_role("button", name="Søg i loggen").click()
    page.wait_for_url("**/app/audit/?*")
    assert page.locator("table.audit-table tbody tr").count() >= 1
    assert "Login" in page.locator("table.audit-table tbody").inner_text()

    page.fill("#id_date_from", "2026-05-02")
    page.fill("#id_date_to", "2026-05-01")
    page.get_by_role("button", name="Søg i loggen").click()
    assert page.locator("#error-summary").is_visible()
    axe_check(page, name="audit-search-error")
    shot(page, "audit-search-error")


def test_it_shows_the_export_form_accessibly(browser_login):
    page = browser_login("tovholder")
    page.goto("/app/audit/subject-export/")
    axe_check(page, name="audit-subject-export")
    shot(page, "audit-subject-export")
