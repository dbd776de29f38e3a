"""The API docs page runs in a real browser under the CSP (no bypass), from our own static files only."""

import pytest

from tryg.core.tests.browser import shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("core-browser_api_docs")]


def test_the_api_docs_render_under_the_csp_without_third_party_requests(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")  # CSP enforced
    page = context.new_page()
    problems, hosts = [], set()
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    assert "Tryg API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock").count() > 20  # the operations are listed
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert hosts == {live_server.url.split("/")[2]}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"api-docs-{width}")
    context.close()
