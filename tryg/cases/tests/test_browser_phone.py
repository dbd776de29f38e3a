"""Every staff page on a phone (390 px): no sideways scrolling, the menu reachable through its button, axe
clean; screenshots of the case page and the queue at 390 and 1280 px."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.core.tests.browser import axe_check, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("cases-browser_phone"),
    pytest.mark.django_db(transaction=True),
]
PHONE = 390


def _world(cast):
    from tryg.cases import services
    from tryg.cases.demo import ensure_routing
    from tryg.knowledge.demo import demo_seed as knowledge_seed

    ensure_routing()
    knowledge_seed(users=cast | {"admin": cast["admin"]})
    worker = cast["sagsbehandler"]

    def concern(name, **kw):
        return services.concern_create(
            actor=cast["fagperson"],
            person=services.PersonData(name=name, cpr="150610-4001" if name.startswith("Telefon") else ""),
            target_group="child",
            description="En lang beskrivelse af bekymringen, som skal kunne læses på en telefon uden at siden "
            "bliver bredere end skærmen: Nødvendigvisoverordentliglangtordudenmellemrum.",
            **kw,
        )

    case = services.concern_triage(actor=worker, concern=concern("Telefon Tina"))
    concern("Akut Anna", urgency="acute")
    services.entry_add(actor=worker, case=case, kind="note", text="Samtale med Tina på skolen.")
    services.task_add(
        actor=worker,
        case=case,
        title="Ring til sikkerhedskonsulenten om en risikovurdering",
        owner=worker,
        due_date=timezone.localdate() + timedelta(days=1),
    )
    return case


def _fits_and_has_a_menu(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"{name} is {width} px wide at {PHONE} px"
    button = page.locator("summary.tryg-menu-button")
    assert button.is_visible(), f"{name} has no menu button"
    button.click()
    assert page.locator(".tryg-nav-narrow a.nav-link").first.is_visible(), f"{name}: the menu does not open"
    assert page.locator(".tryg-nav-narrow a[aria-current=page]").count() <= 1
    button.click()


def test_every_staff_page_fits_a_phone_and_its_menu_is_reachable(browser_login, cast, live_server):
    case = _world(cast)
    concern = case.concerns.get()
    pages = {
        "sagsbehandler": [
            ("start", reverse("core:start")),
            ("queue", reverse("cases:queue")),
            ("case-list", reverse("cases:case-list")),
            ("case-detail", reverse("cases:case-detail", args=[case.pk])),
            ("concern-detail", reverse("cases:concern-detail", args=[concern.pk])),
            ("contact", reverse("cases:contact", args=[case.pk])),
            ("safe-contact", reverse("cases:safe-contact", args=[case.pk])),
            ("referral", reverse("cases:referral-add", args=[case.pk])),
            ("my-tasks", reverse("cases:my-tasks")),
            ("approvals", reverse("cases:approvals")),
            ("notifications", reverse("cases:notifications")),
            ("break-glass", reverse("cases:break-glass")),
            ("knowledge", reverse("knowledge:search")),
        ],
        "fagperson": [
            ("concern-form", reverse("cases:concern-create")),
            ("my-concerns", reverse("cases:my-concerns")),
            ("action-cards", reverse("actioncards:card-list")),
        ],
        "tovholder": [("audit", reverse("audit:search"))],
        "admin": [("intake-settings", reverse("cases:intake-settings")), ("users", reverse("accounts:admin-users"))],
    }
    for role, urls in pages.items():
        page = browser_login(role, width=PHONE)
        for name, url in urls:
            response = page.goto(url)
            assert response.status == 200, (name, response.status)
            _fits_and_has_a_menu(page, name)
            axe_check(page, name=f"phone-{name}")
            if name in ("case-detail", "queue", "audit"):
                shot(page, f"{name}-390")
    wide = browser_login("sagsbehandler", width=1280)
    for name, url in (("case-detail", reverse("cases:case-detail", args=[case.pk])), ("queue", reverse("cases:queue"))):
        wide.goto(url)
        assert not wide.locator("summary.tryg-menu-button").is_visible()  # the wide menu is one row
        assert wide.evaluate("document.documentElement.scrollWidth") <= 1280
        shot(wide, f"{name}-1280")
    # The case page shows the clocks, the safe-contact rules, team and tasks before any form.
    wide.goto(reverse("cases:case-detail", args=[case.pk]))
    for selector in ("#clocks-heading", "#contact-rules-heading", "#team", "#tasks"):
        assert wide.locator(selector).is_visible()
    assert not wide.locator("#id_text").is_visible()  # forms stay closed until opened

    # On the phone too, a note is added in place and the reader stays on the page.
    phone = browser_login("sagsbehandler", width=PHONE)
    phone.goto(reverse("cases:case-detail", args=[case.pk]))
    phone.evaluate("window.trygMarker = 'same page'")
    phone.locator("#timeline-section summary", has_text="Skriv et notat").click()
    phone.fill("#id_text", "Notat skrevet på telefonen.")
    phone.get_by_role("button", name="Tilføj til tidslinjen", exact=True).click()
    phone.wait_for_selector("#timeline-section >> text=Indførslen er tilføjet tidslinjen")
    assert phone.evaluate("window.trygMarker") == "same page"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE
