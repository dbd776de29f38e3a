"""The menus with coordination's items fit at 1280 px (no sideways scrolling), and the partner's referral inbox and
the directory pass axe at both widths."""

import pytest
from django.urls import reverse

from tryg.core.tests.browser import check_at_widths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("coordination-browser_nav"),
    pytest.mark.django_db(transaction=True),
]


def test_the_menus_fit_and_the_inbox_and_directory_are_accessible(browser_login, cast):
    from tryg.cases.demo import ensure_routing

    from .helpers import make_case, sawa_actor

    ensure_routing()
    from tryg.coordination import services

    services.actor_referral_create(
        actor=cast["sagsbehandler"],
        case=make_case(cast),
        recipient=sawa_actor(cast),
        text="Ønsker netværksgruppe.",
        consent_given=True,
        consent_by="Personen",
    )
    for role in ("fagperson", "partner", "sagsbehandler", "konsulent", "tovholder"):
        page = browser_login(role)
        page.goto(reverse("core:start"))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 1280, f"{role}: the page is {width} px wide at 1280"
    page.goto(reverse("coordination:actor-list"))
    check_at_widths(page, "coordination-actors")
    partner = browser_login("partner")
    partner.goto(reverse("coordination:inbox"))
    check_at_widths(partner, "coordination-inbox")
    partner.get_by_role("link", name="Aalborg Kommune").click()
    partner.check("#id_answer_0")
    partner.get_by_role("button", name="Send svaret").click()
    partner.wait_for_selector("text=Svaret er sendt til kommunen")
    check_at_widths(partner, "coordination-referral")
