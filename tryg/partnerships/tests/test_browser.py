"""The "Done when" of partnerships in a real browser, with axe-core on every page and screenshots at 1280 and 390 px."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.accounts.tests.helpers import PASSWORD
from tryg.core.tests.browser import axe_check, shot

from .helpers import PDF, demo_world, money

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("partnerships-browser"),
    pytest.mark.django_db(transaction=True),
]


def _both_widths(page, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, f"{name}-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    axe_check(page, name=f"{name}-390")
    shot(page, f"{name}-390")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_partner_reports_and_the_coordinator_downloads_the_report(browser_login, cast, live_server, tmp_path):
    from openpyxl import load_workbook

    from tryg.partnerships.models import Activity

    world = demo_world(cast)
    grant, other = world["sawa_grant"], world["fkv_grant"]

    # 1. Sawa's user sees what is due on the start page and reports an activity with an attachment.
    page = browser_login("partner")
    page.goto(reverse("core:start"))
    assert "Statusrapport for Sawa" in page.content()
    axe_check(page, name="partnerships-start-partner")
    page.get_by_role("link", name="Mit partnerskab", exact=True).first.click()
    page.wait_for_url("**/app/partnerships/mine/")
    axe_check(page, name="partnerships-mine")
    _both_widths(page, "partnerships-mine")
    page.get_by_role("link", name="Indberet en aktivitet – Partnerskab med Sawa").click()
    page.wait_for_url(lambda url: "/activities/new/" in url)
    axe_check(page, name="partnerships-activity-form")
    pdf = tmp_path / "program.pdf"
    pdf.write_bytes(PDF)
    page.fill("#id_title", "Browser-café")
    page.fill("#id_held_on", timezone.localdate().isoformat())
    page.fill("#id_participants", "21")
    page.fill("#id_volunteers", "2")
    page.select_option("#id_budget_line", label="Aktiviteter og arrangementer")
    page.fill("#id_cost", "1500")
    page.set_input_files("#id_attachment", str(pdf))
    page.get_by_role("button", name="Indberet aktiviteten", exact=True).click()
    page.wait_for_selector("text=Aktiviteten er indberettet")
    activity = Activity.objects.get(title="Browser-café")
    assert activity.attachments.get().original_name == "program.pdf"
    assert "program.pdf" in page.locator("#activities-table").inner_text()
    axe_check(page, name="partnerships-grant-partner")
    _both_widths(page, "partnerships-grant-partner")

    # 2. Another partner's grant is a 404 for Sawa.
    assert page.goto(reverse("partnerships:grant-detail", args=[other.pk])).status == 404

    # 3. The coordinator sees the spending and downloads the grant report as XLSX.
    coordinator = browser_login("tovholder")
    coordinator.goto(reverse("partnerships:overview"))
    axe_check(coordinator, name="partnerships-overview")
    _both_widths(coordinator, "partnerships-overview")
    coordinator.get_by_role("link", name="Sawa", exact=True).click()
    coordinator.get_by_role("link", name="Rapport til tilskudsgiver", exact=True).click()
    coordinator.wait_for_url(lambda url: url.endswith("/report/"))
    axe_check(coordinator, name="partnerships-report")
    _both_widths(coordinator, "partnerships-report")
    sums = {key: coordinator.locator(f'[data-sum="{key}"]').inner_text() for key in ("amount", "spent", "participants")}
    # The export asks for the password again first (ASVS 7.5.1), then the file comes.
    coordinator.get_by_role("link", name="Hent som Excel-fil (XLSX)", exact=True).click()
    coordinator.wait_for_url("**/app/account/confirm-password/**")
    coordinator.fill("#id_password", PASSWORD)
    with coordinator.expect_download() as info:
        coordinator.click("main form button[type=submit]")
    path = info.value.path()
    book = load_workbook(BytesIO(open(path, "rb").read()))
    summary = {row[0]: row[1] for row in book["Oversigt"].iter_rows(values_only=True)}
    assert Decimal(str(summary["Bevilget (kr.)"])) == money(sums["amount"]) == grant.amount
    assert Decimal(str(summary["Forbrugt (kr.)"])) == money(sums["spent"]) == Decimal("19700") + Decimal("1500")
    assert summary["Deltagere i alt"] == int(sums["participants"]) == 43 + 21
    titles = [row[1] for row in book["Aktiviteter"].iter_rows(values_only=True)]
    assert "Browser-café" in titles

    coordinator.goto(reverse("partnerships:grant-detail", args=[grant.pk]))
    axe_check(coordinator, name="partnerships-grant-coordinator")
    _both_widths(coordinator, "partnerships-grant-coordinator")
    coordinator.goto(reverse("partnerships:pool-detail", args=[world["pool"].pk]))
    axe_check(coordinator, name="partnerships-pool")
    coordinator.goto(reverse("partnerships:partner-detail", args=[world["sawa"].pk]))
    axe_check(coordinator, name="partnerships-partner")
