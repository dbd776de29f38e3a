"""The app's own English catalogue is compiled and used for its UI strings and validation messages."""

from django.template.loader import render_to_string
from django.utils import translation

from tryg.actioncards.graph import CardError, load_card

from .helpers import SMALL_CARD


def test_it_translates_headings_buttons_and_validation_messages_to_english():
    with translation.override("en"):
        html = render_to_string("actioncards/includes/step_indicator.html", {"answers": [], "current_label": "?"})
        assert 'aria-label="Steps of the action card"' in html and "What to do" in html
        try:
            load_card(SMALL_CARD.replace("start: q1", "start: q9"))
        except CardError as exc:
            assert exc.messages == ['The start node "q9" does not exist.']
        else:
            raise AssertionError("the card should have been rejected")
    with translation.override("da"):
        html = render_to_string("actioncards/includes/step_indicator.html", {"answers": [], "current_label": "?"})
        assert 'aria-label="Trin i handlekortet"' in html
