"""User administration and the account pages in a real browser, each page scanned with axe-core."""

import pytest

from tryg.accounts.models import User
from tryg.core.tests.browser import axe_check, shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("accounts-browser_admin")]


def test_it_lets_an_administrator_create_a_user_accessibly(browser_login, cast):
    page = browser_login("admin")
    page.goto("/app/admin/users/")
    assert page.locator("h1").inner_text() == "Brugere"
    axe_check(page, name="admin-users")
    shot(page, "admin-users")

    page.get_by_role("link", name="Opret bruger").click()
    page.wait_for_url("**/app/admin/users/new/")
    axe_check(page, name="admin-user-create")
    page.click("main form button[type=submit]")  # empty form
    assert page.locator("#error-summary").count() == 1
    axe_check(page, name="admin-user-create-errors")
    shot(page, "admin-user-create-errors")

    page.fill("#id_username", "browser.bruger")
    page.fill("#id_first_name", "Bo")
    page.fill("#id_last_name", "Browser")
    page.fill("#id_email", "bo@aalborg.invalid")
    page.click("main form button[type=submit]")
    password = page.locator("#one-time-password").inner_text()
    assert User.objects.get(username="browser.bruger").check_password(password)
    axe_check(page, name="admin-user-created")

    page.get_by_role("link", name="Videre til brugeren").click()
    assert page.locator("h1").inner_text() == "Bo Browser"
    page.select_option("#id_unit", label="SSP Aalborg")
    page.select_option("#id_role", value="fagperson")
    page.get_by_role("button", name="Tilføj rolle").click()
    assert page.locator("tbody th[scope=row]").all_inner_texts() == ["SSP Aalborg"]
    axe_check(page, name="admin-user-detail")
    shot(page, "admin-user-detail")

    page.goto("/app/admin/units/")
    axe_check(page, name="admin-units")
    page.goto("/app/admin/units/new/")
    axe_check(page, name="admin-unit-create")


def test_it_shows_the_account_and_password_pages_accessibly(browser_login):
    page = browser_login("fagperson")
    page.goto("/app/account/")
    axe_check(page, name="account")
    page.get_by_role("link", name="Skift adgangskode").click()
    page.wait_for_url("**/app/account/password/")
    axe_check(page, name="password-change")
    page.click("main form button[type=submit]")
    assert page.locator("#error-summary").count() == 1
    axe_check(page, name="password-change-errors")
    shot(page, "password-change-errors")
