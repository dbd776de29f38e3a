"""In the browser: a fagperson searches the knowledge base and opens a provision; axe finds nothing."""

import pytest

from tryg.core.tests.browser import axe_check, shot


@pytest.fixture
def seeded(transactional_db, content):
    """The seed content (the `content` fixture keeps the session's seed instead of removing and reloading it)."""
    return content


@pytest.mark.browser
@pytest.mark.xdist_group("knowledge-browser")
def test_a_fagperson_finds_tvangsaegteskab_and_opens_the_provision(seeded, browser_login):
    page = browser_login("fagperson")
    page.goto("/app/knowledge/")
    axe_check(page)

    page.fill("#id_q", "tvangsægteskab")
    page.keyboard.press("Enter")
    page.wait_for_selector("mark")
    assert "tvangsægteskab" in page.inner_text("#knowledge-results").lower()
    axe_check(page)
    shot(page, "knowledge-search-tvangsaegteskab")

    page.click("#knowledge-results a:has-text('Tvangsægteskab')")
    page.wait_for_selector("h1:has-text('Tvangsægteskab')")
    assert "Straffeloven § 260, stk. 2" in page.inner_text("main")
    axe_check(page)
    shot(page, "knowledge-provision")


@pytest.mark.browser
@pytest.mark.xdist_group("knowledge-browser")
def test_a_superseded_provision_and_the_editing_pages_pass_axe(seeded, browser_login):
    page = browser_login("tovholder")
    page.goto("/app/knowledge/entry/serviceloven-50/")
    assert "Bestemmelsen er ophævet" in page.inner_text("main")
    axe_check(page)

    page.goto("/app/knowledge/manage/review/")
    assert "Tryg Aalborg" in page.inner_text("main")
    axe_check(page)

    page.goto("/app/knowledge/manage/new/")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#error-summary")
    axe_check(page)
    shot(page, "knowledge-new-entry-errors")


@pytest.mark.browser
@pytest.mark.xdist_group("knowledge-browser")
def test_the_tovholder_picks_an_owner_and_withdraws_an_entry_by_keyboard(seeded, browser_login):
    page = browser_login("tovholder")
    page.goto("/app/knowledge/entry/aalborg-beredskab/")
    page.click("main form button:has-text('Lav en ny version')")
    page.wait_for_selector("#id_owner")
    assert page.input_value("#id_owner") == str(seeded["tovholder"].pk)
    axe_check(page)
    page.click("main form button:has-text('Kassér kladden')")

    page.goto("/app/knowledge/entry/aalborg-beredskab/")
    page.focus("a:has-text('Træk opslaget tilbage')")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Træk opslaget tilbage')")
    axe_check(page)
    shot(page, "knowledge-withdraw-confirm")
    page.focus("main form button:has-text('Træk tilbage')")
    page.keyboard.press("Enter")
    page.wait_for_selector(".alert-success")
    assert "trukket tilbage" in page.inner_text("main")
    axe_check(page)
