"""The issue's "Done when" in a real browser: a new visitor reads the site in Danish and Arabic, leaves with the
quick exit (button and Shift×3; Back does not return), writes anonymously, gets a code, reads the consultant's
reply with it; a wrong and an expired code get the same answer; a citizen's notification reaches the case
worker's queue with its 24-hour clock. Every request and cookie is recorded: none to another host (but the
deliberate exit), no cookie before submitting (nor after). axe on every public page in every language."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.core.tests.browser import DESKTOP, axe_check, check_at_widths
from tryg.public.languages import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("public-browser"), pytest.mark.django_db(transaction=True)]

NEUTRAL = "https://neutral.example/"
PATHS = [
    "",
    "ung/",
    "voksen/",
    "ven/",
    "rettigheder/",
    "hjaelp/",
    "sikker-paa-nettet/",
    "skriv/",
    "underret/",
    "kode/",
    "851/",
]


@pytest.fixture
def visitor(browser_page, settings, live_server):
    """A fresh anonymous tab that records every request; the neutral exit site is answered locally."""
    from tryg.public import guard

    guard.reset_all()
    settings.TRYG_QUICK_EXIT_URL = NEUTRAL
    requests = []

    def open_tab(width: int = 1280):
        page = browser_page(width)
        page.route(
            f"{NEUTRAL}**",
            lambda route: route.fulfill(body="<title>Vejret</title><h1>Vejret</h1>", content_type="text/html"),
        )
        page.on("request", lambda request: requests.append(request.url))
        return page

    open_tab.requests = requests
    return open_tab


def _foreign(requests, live_server) -> list[str]:
    own = urlsplit(live_server.url).netloc
    return [
        u
        for u in requests
        if urlsplit(u).netloc not in (own, "") and not u.startswith(NEUTRAL) and not u.startswith(("data:", "about:"))
    ]


def test_the_done_when_path(visitor, browser_login, cast, live_server):
    from tryg.cases.demo import ensure_routing
    from tryg.coordination.models import Consultation
    from tryg.public.models import Thread

    ensure_routing()
    page = visitor()

    # 1. A new visitor reads the site in Danish, then in Arabic (right to left).
    page.goto("/")
    assert page.get_attribute("html", "lang") == "da" and page.get_attribute("html", "dir") == "ltr"
    assert page.title().startswith("Råd og hjælp")
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url("**/ar/")
    assert page.get_attribute("html", "lang") == "ar" and page.get_attribute("html", "dir") == "rtl"
    assert "عندما يقرر الآخرون" in page.inner_text("h1")
    check_at_widths(page, "public-home-ar")
    assert page.context.cookies() == []

    # 2. The quick exit button replaces the page; Back does not return to Tryg (links inside the site replace too).
    page.get_by_role("link", name="Dansk").click()
    page.get_by_role("link", name="Til unge").first.click()
    page.wait_for_url("**/ung/")
    page.get_by_role("link", name="Forlad siden").click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert not page.url.startswith(live_server.url), page.url

    # 3. Shift three times within a few seconds does the same.
    page = visitor()
    page.goto("/ar/hjaelp/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert not page.url.startswith(live_server.url), page.url

    # 4. An anonymous message, the code shown once; no cookie before (or after) submitting.
    page = visitor()
    page.goto("/skriv/?kommune=851")
    check_at_widths(page, "public-contact")
    assert page.context.cookies() == []
    page.fill("#id_text", "Min familie vil have, at jeg bliver gift til sommer. Hvad kan jeg gøre?")
    page.select_option("#id_age_band", "16-17")
    page.get_by_role("button", name="Send beskeden").click()
    page.wait_for_selector("#receipt-code")
    code = page.inner_text("#receipt-code").strip()
    assert len(code.replace("-", "")) == 20
    check_at_widths(page, "public-contact-done")
    assert page.context.cookies() == []

    # 5. The consultant finds it in the region's queue and replies in the thread; the visitor reads it with the code.
    consultation = Consultation.objects.get()
    konsulent = browser_login("konsulent")
    konsulent.set_viewport_size(DESKTOP)
    konsulent.goto(reverse("coordination:queue"))
    detail = reverse("coordination:consultation-detail", args=[consultation.pk])
    konsulent.locator(f'main a[href="{detail}"]').first.click()
    konsulent.wait_for_url(f"**{detail}")
    assert "Min familie vil have" in konsulent.inner_text("main")
    konsulent.fill("#id_text", "Tak. Du kan ringe til os.")
    konsulent.get_by_role("button", name="Send svar").click()
    konsulent.wait_for_selector("text=Beskeden er sendt")
    page.bring_to_front()
    page.goto("/kode/")
    page.fill("#id_code", code)
    page.get_by_role("button", name="Åbn").click()
    page.wait_for_selector("text=Tak. Du kan ringe til os.")
    check_at_widths(page, "public-thread")
    page.fill("#id_text", "Tak, det gør jeg.")
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_selector("#sent")

    # 6. A wrong code and an expired code give the same answer.
    page.goto("/kode/")
    page.fill("#id_code", "ABCD-EFGH-JKMN-PQRS-TUVW")
    page.get_by_role("button", name="Åbn").click()
    wrong = page.inner_text("#error-summary")
    Thread.objects.update(last_activity_at=timezone.now() - timedelta(days=120))
    Consultation.objects.update(updated_at=timezone.now() - timedelta(days=120))
    page.goto("/kode/")
    page.fill("#id_code", code)
    page.get_by_role("button", name="Åbn").click()
    assert page.inner_text("#error-summary") == wrong
    axe_check(page, name="public-code-error")

    # 7. A citizen's notification about a child reaches the case worker's queue with the 24-hour clock.
    page.goto("/underret/")
    page.select_option("#id_municipality", "851")
    page.fill("#id_child_name", "Leyla Browsersen")
    page.fill("#id_description", "Hun siger, at hun skal rejse til udlandet og ikke komme tilbage.")
    page.check("#id_understood")
    page.get_by_role("button", name="Send underretningen").click()
    page.wait_for_selector("#receipt-code")
    assert page.context.cookies() == []
    requests = list(visitor.requests)
    worker = browser_login("sagsbehandler")
    worker.set_viewport_size(DESKTOP)
    worker.goto("/app/cases/queue/")
    row = worker.locator("tr", has=worker.locator("a", has_text="Leyla Browsersen"))
    assert "Vurdering inden 24 timer" in row.inner_text()

    # 8. Nothing went to another host but the deliberate exits.
    assert not _foreign(requests, live_server), _foreign(requests, live_server)
    assert any(u.startswith(NEUTRAL) for u in requests)


# One test per language, each in its own xdist group, so the sweep's ~80 page loads spread over both workers
# instead of lengthening the one "browser" group.
@pytest.mark.parametrize(
    "language",
    [
        pytest.param(language, id=language.code, marks=pytest.mark.xdist_group(f"axe-{language.code}"))
        for language in LANGUAGES
    ],
)
def test_axe_on_every_public_page_in_every_language(visitor, live_server, cast, language):
    page = visitor()
    page.set_viewport_size(DESKTOP)
    prefix = "" if language.code == "da" else f"{language.code}/"
    for path in PATHS:
        page.goto(f"/{prefix}{path}")
        assert page.get_attribute("html", "lang") == language.code
        assert page.get_attribute("html", "dir") == ("rtl" if language.rtl else "ltr")
        axe_check(page, name=f"public-{language.code}-{path.strip('/') or 'home'}")
    assert page.context.cookies() == []
    assert not _foreign(visitor.requests, live_server)
