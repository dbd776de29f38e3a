"""The coordinator's side: spending against budget, the rules on sums, the report as a page and XLSX, what is due."""

from decimal import Decimal
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from tryg.accounts.tests.helpers import confirm_password
from tryg.core.testing import assert_flat_queries
from tryg.partnerships import services
from tryg.partnerships.models import Grant

from .helpers import money


def test_budget_lines_and_payments_may_not_exceed_the_grant(clients, demo):
    grant = demo["sawa_grant"]
    url = reverse("partnerships:budget-line-add", args=[grant.pk])
    response = clients["tovholder"].post(url, {"budget_line-label": "Ekstra", "budget_line-amount": "1"})
    assert response.status_code == 400 and "overstige det bevilgede beløb" in response.content.decode()
    left = grant.amount - sum(p.amount for p in grant.payments.all())
    ok = clients["tovholder"].post(
        reverse("partnerships:payment-add", args=[grant.pk]),
        {"payment-paid_on": "2025-01-02", "payment-amount": str(left)},
    )
    assert ok.status_code == 302
    again = clients["tovholder"].post(
        reverse("partnerships:payment-add", args=[grant.pk]), {"payment-paid_on": "2025-01-03", "payment-amount": "1"}
    )
    assert again.status_code == 400


def test_grants_from_a_pool_may_not_exceed_its_total(cast, demo):
    import pytest
    from django.core.exceptions import ValidationError

    grant = demo["sawa_grant"]
    with pytest.raises(ValidationError) as exc:
        services.grant_create(
            actor=cast["tovholder"],
            pool=demo["pool"],
            partner=demo["sawa"],
            title="Mere",
            amount=Decimal("1"),
            starts_on=grant.starts_on,
            ends_on=grant.ends_on,
        )
    assert exc.value.api_code == "over_pool_total"


def test_the_overview_shows_spending_against_budget_with_a_flat_query_count(clients, cast, demo):
    body = clients["tovholder"].get(reverse("partnerships:overview")).content.decode()
    assert "Sawa" in body and "Integrationsrådet" in body and "Bydelsmødre" not in body  # Aalborg's only

    def more(n):
        for i in range(n):
            partner = services.partner_create(
                actor=cast["tovholder"],
                municipality=cast["tovholder"].municipality,
                name=f"Forening {Grant.objects.count()}-{i}",
            )
            Grant.objects.create(
                pool=demo["pool"],
                partner=partner,
                title="T",
                amount=1,
                starts_on=demo["sawa_grant"].starts_on,
                ends_on=demo["sawa_grant"].ends_on,
            )

    assert_flat_queries(more, lambda: clients["tovholder"].get(reverse("partnerships:overview")))


def test_the_partner_list_keeps_a_flat_query_count(clients, cast, demo):
    def more(n):
        for i in range(n):
            services.partner_create(
                actor=cast["tovholder"], municipality=cast["tovholder"].municipality, name=f"Ny forening {i}-{n}"
            )

    assert_flat_queries(more, lambda: clients["tovholder"].get(reverse("partnerships:partner-list")))


def _page_sums(body: str) -> dict:
    import re

    return {key: value for key, value in re.findall(r'data-sum="(\w+)">([^<]+)<', body)}


def test_the_xlsx_report_has_the_same_sums_as_the_printable_page(clients, demo):
    grant = demo["sawa_grant"]
    page = clients["tovholder"].get(reverse("partnerships:grant-report", args=[grant.pk])).content.decode()
    sums = _page_sums(page)
    url = reverse("partnerships:grant-report-xlsx", args=[grant.pk])
    asked = clients["tovholder"].get(url)  # the password again first, and no file before it
    assert asked.status_code == 302 and asked["Location"] == reverse("accounts:reauth") + "?next=" + url
    assert "Content-Disposition" not in asked
    response = confirm_password(clients["tovholder"]).get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    book = load_workbook(BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Oversigt"].iter_rows(values_only=True)}
    assert Decimal(str(summary["Bevilget (kr.)"])) == money(sums["amount"]) == grant.amount
    assert Decimal(str(summary["Forbrugt (kr.)"])) == money(sums["spent"]) == Decimal("19700")
    assert Decimal(str(summary["Udbetalt (kr.)"])) == money(sums["paid"])
    assert summary["Deltagere i alt"] == int(sums["participants"]) == 43
    budget = list(book["Budget"].iter_rows(values_only=True))
    assert budget[-1][0] == "I alt" and Decimal(str(budget[-1][2])) == money(sums["spent"])
    assert len(list(book["Aktiviteter"].iter_rows(values_only=True))) == 1 + 3


def test_the_partner_submits_a_due_report_once_and_the_start_page_shows_what_is_due(clients, demo):
    start = clients["partner"].get(reverse("core:start")).content.decode()
    assert "Statusrapport for Sawa" in start
    deadline = demo["sawa_grant"].deadlines.get(title="Statusrapport")
    url = reverse("partnerships:deadline-submit", args=[deadline.pk])
    assert clients["partner"].post(url, {"confirm": "1"}).status_code == 302
    again = clients["partner"].post(url, {"confirm": "1"})
    assert again.status_code == 400 and "allerede indsendt" in again.content.decode()
    assert "Statusrapport for Sawa" not in clients["partner"].get(reverse("core:start")).content.decode()
    assert (
        "Statusrapport for Foreningen for Kvinders Vækst"
        in clients["tovholder"].get(reverse("core:start")).content.decode()
    )


def test_the_pages_speak_english_when_chosen(clients, demo):
    client = clients["tovholder"]
    client.post("/i18n/setlang/", {"language": "en", "next": "/app/"})
    body = client.get(reverse("partnerships:grant-report", args=[demo["sawa_grant"].pk])).content.decode()
    assert "Report for the grantor" in body and "Budget and spending" in body and "DKK 600,000.00" in body
    client.post("/i18n/setlang/", {"language": "da", "next": "/app/"})
