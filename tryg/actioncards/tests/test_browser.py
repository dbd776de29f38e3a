"""In a real browser: a fagperson walks card (1) by keyboard to the § 133 outcome, every page passes axe,
and the card prints as an outline."""

import pytest

from tryg.core.tests.browser import axe_check, shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("actioncards-browser")]


@pytest.fixture
def seeded_cards(cast, transactional_db):
    from tryg.accounts.models import Municipality
    from tryg.actioncards.demo import demo_seed
    from tryg.knowledge.content import load_municipal_content, load_national_content

    load_national_content()
    load_municipal_content(Municipality.objects.get(code="851"))
    demo_seed(users={"tovholder": cast["tovholder"]})


def _choose_by_keyboard(page, index: int):
    """Focus the radio group, move to option `index` with the arrow keys, Tab to the button, press Enter."""
    page.focus("#id_option_0")
    page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert page.locator(f"#id_option_{index}").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Næste"
    page.keyboard.press("Enter")


def _continue_by_keyboard(page):
    page.get_by_role("button", name="Videre").focus()
    page.keyboard.press("Enter")


def test_it_walks_card_one_by_keyboard_to_the_notification_outcome(browser_login, cast, seeded_cards):
    from tryg.actioncards.models import Walk

    page = browser_login("fagperson")
    page.goto("/app/cards/")
    axe_check(page, name="cards-list")
    page.get_by_role("link", name="Bekymring for et barn eller en ung under 18").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/app/cards/bekymring-barn/")
    axe_check(page, name="card-detail")
    page.get_by_role("button", name="Start handlekortet").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/app/cards/walks/*/")

    steps = [("question", 1), ("instruction", None), ("question", 0), ("instruction", None), ("question", 0)]
    steps += [("question", 1)]
    for number, (kind, option) in enumerate(steps, start=1):
        assert page.locator("ol.step-indicator li[aria-current=step]").count() == 1
        axe_check(page, name=f"walk-step-{number}")
        shot(page, f"actioncards-walk-step-{number}")
        current = "document.querySelector('li[aria-current=step] .step-number').textContent.trim()"
        assert page.evaluate(current) == str(number)
        if kind == "question":
            _choose_by_keyboard(page, option)
        else:
            _continue_by_keyboard(page)
        page.wait_for_function(f"{current} === '{number + 1}'")

    assert page.locator("h1").inner_text() == "Underret kommunen efter barnets lov § 133"
    body = page.locator("main").inner_text()
    assert "Gennemgå ikke underretningen med forældrene" in body and "søskende" in body
    assert "Børne- og Familieafdelingen" in body and "99 82 34 20" in body
    axe_check(page, name="walk-outcome")
    shot(page, "actioncards-walk-outcome")

    walk = Walk.objects.get(user=cast["fagperson"])
    assert walk.is_finished and walk.outcome_node == "underret" and walk.answers.count() == 6

    # Back drops the last answer and shows the previous question again.
    page.get_by_role("button", name="Tilbage til forrige trin").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("fieldset legend")
    assert "rejse" in page.locator("legend").inner_text()
    axe_check(page, name="walk-back")
    _choose_by_keyboard(page, 1)
    page.wait_for_selector("h1:has-text('Underret kommunen')")

    page.get_by_role("link", name="Se hele kortet").click()
    page.wait_for_url("**/versions/1/")
    assert page.locator("[data-print]").count() == 1
    axe_check(page, name="card-print-view")
    page.emulate_media(media="print")
    assert not page.locator("header.header").is_visible()
    shot(page, "actioncards-print")
