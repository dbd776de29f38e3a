"""The "Done when" of insights in a real browser, with axe-core on every page and screenshots at 1280 and 390 px:
the coordinator's indicators for this year against last year with charts, tables and suppression, the CSV and XLSX
matching the page, a new plan version adopted by the council, the public page showing it; the consultant's region."""

import csv
from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.cases.models import Concern
from tryg.core.tests.browser import axe_check, shot
from tryg.insights.demo import demo_seed

from .helpers import CAST_PASSWORD, at, make_concerns

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("insights-browser"), pytest.mark.django_db(transaction=True)]


def _both_widths(page, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    axe_check(page, name=f"{name}-1280")
    shot(page, f"{name}-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    axe_check(page, name=f"{name}-390")
    shot(page, f"{name}-390")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_coordinator_follows_up_and_publishes_a_new_plan_version(browser_login, cast, live_server, browser_page):
    from openpyxl import load_workbook

    year = timezone.localdate().year
    make_concerns(cast, 14, when=at(year, 2), cases=6)
    make_concerns(cast, 6, when=at(year, 3), source=Concern.Source.PARTNER)
    make_concerns(cast, 3, when=at(year, 4), source=Concern.Source.ANONYMOUS)
    make_concerns(cast, 11, when=at(year - 1, 5))
    make_concerns(cast, 8, when=at(year - 1, 6), source=Concern.Source.PARTNER)
    demo_seed(users={"tovholder": cast["tovholder"]})

    page = browser_login("tovholder")
    page.goto(reverse("core:start"))
    assert "Beredskabsplanen skal revideres senest" in page.content()
    page.get_by_role("link", name="Nøgletal", exact=True).first.click()
    page.wait_for_url("**/app/insights/")
    assert f"{year} sammenlignet med {year - 1}" in page.content()
    channel = page.locator('[data-table="concerns-channel"]')
    cells = {
        row.locator("th").inner_text(): [td.inner_text() for td in row.locator("td").all()]
        for row in channel.locator("tbody tr, tfoot tr").all()
    }
    assert cells["Fagperson"][:2] == ["11", "14"]
    assert cells["Anonym"][1].startswith("< 5")  # suppression visible on the page
    assert cells["I alt"][:2] == ["19", "23"]
    assert page.locator("svg.ins-chart title").count() >= 3  # charts with titles
    _both_widths(page, "insights-overview")

    # An export asks for the password again first (ASVS 7.5.1), then the file comes.
    page.get_by_role("link", name="Hent som CSV", exact=True).click()
    page.wait_for_url("**/app/account/confirm-password/**")
    axe_check(page, name="insights-reauth")
    page.fill("#id_password", CAST_PASSWORD)
    with page.expect_download() as info:
        page.click("main form button[type=submit]")
    rows = list(csv.reader(StringIO(open(info.value.path(), encoding="utf-8-sig").read()), delimiter=";"))
    start = next(i for i, r in enumerate(rows) if len(r) > 1 and r[1] == "Underretninger og bekymringer efter kanal")
    by_label = {r[0]: r[1:] for r in rows[start + 2 : start + 8]}
    assert by_label["Fagperson"][:2] == cells["Fagperson"][:2]
    assert by_label["Anonym"][1] == "< 5"
    page.goto(reverse("insights:overview"))  # the download left the browser on the password page
    with page.expect_download() as info:  # confirmed a moment ago: no second question
        page.get_by_role("link", name="Hent som Excel-fil (XLSX)", exact=True).click()
    book = load_workbook(BytesIO(open(info.value.path(), "rb").read()))
    sheet = next(ws for ws in book.worksheets if ws["A1"].value == "Underretninger og bekymringer efter kanal")
    xlsx = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert [str(v) for v in xlsx["Fagperson"][:2]] == cells["Fagperson"][:2]
    assert [str(v) for v in xlsx["I alt"][:2]] == cells["I alt"][:2]

    # The plan: affected section, a new version adopted by the council with an earlier revision date.
    page.goto(reverse("insights:plan"))
    assert "Berørt af ændringer" in page.content()
    _both_widths(page, "insights-plan")
    page.get_by_role("link", name="Registrér en ny vedtaget version").click()
    page.wait_for_url("**/plan/new/")
    axe_check(page, name="insights-version-form")
    shot(page, "insights-version-form-1280")
    adopted = timezone.localdate() - timedelta(days=1)
    due = adopted.replace(year=adopted.year + 3)
    page.fill("#id_title", "Beredskabsplan for Aalborg 2026")
    page.fill("#id_adopted_on", adopted.isoformat())
    page.fill("#id_next_revision_due", due.isoformat())
    page.fill("#id_change_note", "Ny kontakt og revideret håndtering")
    page.fill("#id_handling-body", "Kommunen vurderer inden for 24 timer og laver altid en sikkerhedsplan.")
    page.get_by_role("button", name="Registrér versionen").click()
    page.wait_for_selector("text=Version 2 af beredskabsplanen er registreret")
    assert page.locator("#revision-status").get_attribute("data-state") == "ok"
    page.get_by_role("link", name="Sammenlign version 2 med den forrige").click()
    assert "tilføjet:" in page.content()
    axe_check(page, name="insights-diff")
    shot(page, "insights-diff-1280")

    report = reverse("insights:annual-report", args=[year])
    page.goto(report)
    _both_widths(page, "insights-annual-report")

    public = browser_page(390)
    response = public.goto(reverse("beredskab:plan", args=["851"]))
    assert response.status == 200 and "Beredskabsplan for Aalborg 2026" in public.content()
    assert "revideres senest" in public.content()
    assert not public.context.cookies()
    _both_widths(public, "insights-public-plan")


def test_the_consultant_sees_the_region_without_personal_data(browser_login, cast, live_server):
    year = timezone.localdate().year
    make_concerns(cast, 12, when=at(year, 2))
    page = browser_login("konsulent")
    page.get_by_role("link", name="Nøgletal for regionen", exact=True).first.click()
    page.wait_for_url("**/app/insights/region/")
    content = page.content()
    assert "Region Nordjylland" in content and "Statistik Person" not in content
    assert "Rådgivning fra sikkerhedskonsulenterne" in content
    _both_widths(page, "insights-region")
    assert page.goto(reverse("insights:overview")).status == 404
