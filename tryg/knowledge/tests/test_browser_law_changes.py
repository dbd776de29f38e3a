"""In the browser: the coordinator opens "Lovændringer", sees the cards citing a provision that is marked
repealed, opens a version diff; axe finds nothing, at desktop and phone widths."""

import datetime

import pytest

from tryg.core.tests.browser import axe_check, shot
from tryg.knowledge.models import Entry
from tryg.knowledge.services import entry_publish, entry_start_revision, entry_update_draft


@pytest.fixture
def seeded(transactional_db, content, cast):
    from tryg.actioncards.demo import demo_seed as cards_seed

    cards_seed(users={"tovholder": cast["tovholder"]})
    current = Entry.objects.current().national().get(slug="barnets-lov-133")
    draft = entry_start_revision(actor=cast["admin"], entry=current)
    entry_update_draft(
        actor=cast["admin"],
        entry=draft,
        repealed_on=datetime.date.today(),
        successors=["barnets-lov-135"],
        superseded_by_text="Barnets lov § 135 (test)",
        summary="En testændring af resuméet.",
    )
    entry_publish(actor=cast["admin"], entry=draft)
    return cast


@pytest.mark.browser
@pytest.mark.xdist_group("knowledge-browser_law_changes")
def test_the_coordinator_sees_the_cards_citing_a_repealed_provision_and_opens_a_diff(seeded, browser_login):
    page = browser_login("tovholder")
    page.goto("/app/")
    page.click("header a:has-text('Lovændringer'), nav a:has-text('Lovændringer')")
    page.wait_for_selector("h1:has-text('Lovændringer')")
    main = page.inner_text("main")
    assert "Barnets lov § 133 – Skærpet underretningspligt" in main
    assert 'Handlekort "Akut fare"' in main and 'Handlekort "Bekymring for et barn eller en ung under 18"' in main
    axe_check(page, name="law-changes")
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, "law-changes-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    axe_check(page, name="law-changes-390")
    shot(page, "law-changes-390")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("main a:has-text('Se Barnets lov § 133')")
    page.wait_for_selector("h1:has-text('Skærpet underretningspligt')")
    page.click("main a:has-text('Ændringer i version 2')")
    page.wait_for_selector("h1:has-text('Ændringer i version 2')")
    assert "testændring" in page.inner_text("main") and "Barnets lov § 135 (test)" in page.inner_text("main")
    assert page.locator("main del").count() and page.locator("main ins").count()
    axe_check(page, name="entry-diff")
    shot(page, "entry-diff-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    axe_check(page, name="entry-diff-390")
    shot(page, "entry-diff-390")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/app/cards/akut-fare/versions/1/diff/")
    page.wait_for_selector("h1:has-text('Ændringer i version 1')")
    axe_check(page, name="card-diff")
    shot(page, "card-diff-1280")
