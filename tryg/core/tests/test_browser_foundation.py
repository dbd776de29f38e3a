"""The foundation in a real browser: every role logs in with password and TOTP, sees the Danish start
page (accessible), switches to English, and logs out; afterwards the access log's chain is intact."""

import pytest
from django.core.management import call_command

from tryg.core.tests.browser import axe_check, shot

STAFF_ROLES = ["fagperson", "sagsbehandler", "konsulent", "tovholder", "partner", "admin", "outsider"]

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("core-browser_foundation")]


def test_it_logs_in_each_role_with_totp_and_switches_language(browser_login, cast):
    for role in STAFF_ROLES:
        page = browser_login(role, form=True)  # the real form: password, then a TOTP code
        assert page.url.endswith("/app/"), f"{role} landed on {page.url}"
        assert page.locator("html").get_attribute("lang") == "da"
        assert "Velkommen" in page.locator("h1").inner_text()
        assert page.locator("main#main-content").count() == 1
        axe_check(page, name=f"start-da-{role}")
        shot(page, f"start-da-{role}")

        page.get_by_role("button", name="English").click()
        page.wait_for_function("document.documentElement.lang === 'en'")
        assert "Welcome" in page.locator("h1").inner_text()
        assert page.get_by_role("button", name="Log out").count() == 1
        axe_check(page, name=f"start-en-{role}")
        shot(page, f"start-en-{role}")

        page.get_by_role("button", name="Log out").click()
        page.wait_for_url("**/app/login/")
        page.goto("/app/")
        assert "/app/login/" in page.url, f"{role} still reached the start page after logging out"
        axe_check(page, name=f"login-{role}")
        page.context.close()


def test_it_rejects_a_wrong_code_and_shows_an_accessible_error(browser_page, cast):
    page = browser_page()
    page.goto("/app/login/")
    axe_check(page, name="login")
    shot(page, "login")
    page.fill("#id_username", cast["fagperson"].username)
    page.fill("#id_password", "Et-langt-test-kodeord-42")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/app/2fa/verify/")
    axe_check(page, name="otp-verify")
    page.fill("#id_otp", "12")
    page.click("main form button[type=submit]")
    assert page.locator(".form-error-message").count() >= 1
    axe_check(page, name="otp-verify-error")
    shot(page, "otp-verify-error")
    page.goto("/app/")
    assert "/app/2fa/verify/" in page.url


def test_it_keeps_the_access_log_chain_intact_after_browser_use(browser_login, capsys):
    page = browser_login("tovholder")
    page.goto("/app/account/")
    page.context.close()
    call_command("audit_verify")
    assert "chain intact" in capsys.readouterr().out


def test_it_serves_accessible_public_and_error_pages(browser_page, browser_login):
    page = browser_page()
    for path, name in [("/", "public-da"), ("/en/", "public-en")]:
        page.goto(path)
        assert page.context.cookies() == [], f"{path} set cookies"
        axe_check(page, name=name)
        shot(page, name)
    staff = browser_login("sagsbehandler")
    response = staff.goto("/app/findes-ikke/")
    assert response.status == 404
    axe_check(staff, name="404")
    shot(staff, "404")
