"""The coordinator's and the consultant's statistics through the pages, the exports and the API."""

import csv
from io import BytesIO, StringIO

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tryg.accounts.tests.helpers import confirm_password
from tryg.audit.models import Action, AuditEvent
from tryg.cases.models import Concern
from tryg.core.testing import assert_flat_queries

from .helpers import at, make_concerns


def _this_and_last_year(cast):
    year = timezone.localdate().year
    make_concerns(cast, 12, when=at(year, 1), cases=4)
    make_concerns(cast, 3, when=at(year, 2), source=Concern.Source.ANONYMOUS)
    make_concerns(cast, 6, when=at(year, 2), source=Concern.Source.PARTNER)
    make_concerns(cast, 9, when=at(year - 1, 3))
    make_concerns(cast, 7, when=at(year - 1, 4), source=Concern.Source.PARTNER)
    return year


def _table(content: str, key: str) -> str:
    start = content.index(f'data-table="{key}"')
    return content[start : content.index("</table>", start)]


def test_the_coordinator_sees_this_year_against_last_year_with_small_counts_suppressed(clients, cast):
    year = _this_and_last_year(cast)
    response = clients["tovholder"].get(reverse("insights:overview"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f"{year} sammenlignet med {year - 1}" in content
    channel = _table(content, "concerns-channel")
    assert "&lt; 5" in channel and "under 5, skjult" in channel  # the 3 anonymous this year
    assert ">12<" in channel and ">9<" in channel and ">7<" in channel
    assert "skjult, så et lille tal ikke kan regnes ud" in channel  # a complementary cell (or difference)
    assert ">21<" in channel and ">16<" in channel  # the period totals stay visible
    assert '<svg class="ins-chart"' in content and '<title id="chart-concerns-channel-t">' in content
    assert "Statistik Person" not in content  # no row of personal data, ever


def test_the_csv_and_xlsx_hold_the_same_suppressed_numbers_and_each_export_is_logged(clients, cast):
    _this_and_last_year(cast)
    before = AuditEvent.objects.filter(action=Action.EXPORT).count()
    confirm_password(clients["tovholder"])
    page = clients["tovholder"].get(reverse("insights:overview")).content.decode()
    csv_response = clients["tovholder"].get(reverse("insights:export-csv"))
    assert csv_response.status_code == 200 and csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";"))
    start = rows.index(next(r for r in rows if len(r) > 1 and r[1] == "Underretninger og bekymringer efter kanal"))
    channel = {r[0]: r[1:] for r in rows[start + 2 : start + 8]}
    assert channel["Anonym"][1] == "< 5"
    assert channel["Fagperson"][:2] == ["9", "12"]
    xlsx = clients["tovholder"].get(reverse("insights:export-xlsx"))
    book = load_workbook(BytesIO(xlsx.content))
    sheet = next(ws for ws in book.worksheets if ws["A1"].value == "Underretninger og bekymringer efter kanal")
    values = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["Anonym"][1] == "< 5" and values["Fagperson"][:2] == (9, 12)
    assert values["I alt"][:2] == (16, 21)
    assert ">16<" in _table(page, "concerns-channel")
    assert AuditEvent.objects.filter(action=Action.EXPORT).count() == before + 2


def test_a_bad_period_is_a_clear_error_and_other_periods_work(clients, cast):
    response = clients["tovholder"].get(reverse("insights:overview") + "?kind=quarter&period=2026-7")
    assert response.status_code == 400 and "Skriv perioden som 2026-3" in response.content.decode()
    for query in ("?kind=month&period=2026-07", "?kind=quarter&period=2026-3", "?kind=year&period=2025"):
        assert clients["tovholder"].get(reverse("insights:overview") + query).status_code == 200
    api = clients["tovholder"].get(reverse("insights-api:indicators") + "?kind=nope")
    assert api.status_code == 400 and api.json()["error"]["fields"]


def test_the_consultant_sees_the_region_and_no_personal_data(clients, cast):
    from tryg.accounts.models import Municipality

    year = _this_and_last_year(cast)
    make_concerns(cast, 6, when=at(year, 3), municipality=Municipality.objects.get(code="860"))
    response = clients["konsulent"].get(reverse("insights:region"))
    content = response.content.decode()
    assert response.status_code == 200 and "Region Nordjylland" in content
    assert "Hjørring Kommune" in content and "Aalborg Kommune" in content
    assert ">27<" in _table(content, "concerns-channel")  # 21 in Aalborg and 6 in Hjørring this year
    assert "Rådgivning fra sikkerhedskonsulenterne" in content  # the consultation indicators' place
    assert "Statistik Person" not in content and "Dækning pr. enhed" not in content
    assert clients["konsulent"].get(reverse("insights:overview")).status_code == 404
    assert clients["tovholder"].get(reverse("insights:region")).status_code == 404
    api = clients["konsulent"].get(reverse("insights-api:region-indicators")).json()
    assert api["scope"] == "Region Nordjylland"


def test_the_statistics_cost_the_same_queries_however_many_concerns(clients, cast):
    year = timezone.localdate().year

    def more(n):
        make_concerns(cast, n, when=at(year, 5), cases=n // 2)
        make_concerns(cast, n, when=at(year - 1, 5), source=Concern.Source.CITIZEN)

    assert_flat_queries(more, lambda: clients["tovholder"].get(reverse("insights:overview")), small=3, large=40)


def test_the_region_and_the_export_cost_the_same_queries_however_many_concerns(clients, cast):
    year = timezone.localdate().year

    def more(n):
        make_concerns(cast, n, when=at(year, 6), cases=n)

    assert_flat_queries(more, lambda: clients["konsulent"].get(reverse("insights:region")), small=2, large=30)
    confirm_password(clients["tovholder"])
    assert_flat_queries(more, lambda: clients["tovholder"].get(reverse("insights:export-xlsx")), small=2, large=30)


def test_every_page_export_and_api_costs_the_same_queries_at_two_sizes_of_every_source(clients, cast):
    """The benchmark's seeding (cases, concerns, referrals, assessments, safety plans and in proportion
    consultations, citizen threads, dialogue sessions, course dates, activities) at two small sizes."""
    from tryg.insights.management.commands.seed_insights_load import PER_CASE, add_cases
    from tryg.partnerships.demo import demo_seed as partnerships_demo
    from tryg.prevention.demo import demo_seed as prevention_demo
    from tryg.training.demo import demo_seed as training_demo

    for seed in (prevention_demo, training_demo, partnerships_demo):
        seed(users=cast)
    shares = dict(PER_CASE)
    PER_CASE.update({key: 1.0 for key in PER_CASE})  # every source grows with the cases, even at test sizes
    try:
        year = timezone.localdate().year
        client = confirm_password(clients["tovholder"])
        for url in (
            reverse("insights:overview"),
            reverse("insights:overview") + f"?kind=quarter&period={year}-1",
            reverse("insights:export-csv"),
            reverse("insights-api:indicators"),
        ):
            assert_flat_queries(lambda n: add_cases(n, cast), lambda u=url: client.get(u), small=2, large=12)
        region = clients["konsulent"]
        assert_flat_queries(
            lambda n: add_cases(n, cast), lambda: region.get(reverse("insights:region")), small=2, large=12
        )
    finally:
        PER_CASE.update(shares)


def test_the_median_times_are_the_lower_median_of_the_period(clients, cast):
    """Six concerns assessed after 2, 2, 10, 10, 10 and 10 hours: the lower median is 10 hours (the same on SQLite,
    by an ordered query, and on PostgreSQL, by percentile_disc); under 5 it is not shown."""
    from datetime import timedelta

    from django.db.models import F

    year = timezone.localdate().year
    concerns = make_concerns(cast, 6, when=at(year, 2))
    later = [c.pk for c in concerns[2:]]
    Concern.objects.filter(pk__in=later).update(assessed_at=F("received_at") + timedelta(hours=10))
    make_concerns(cast, 3, when=at(year - 1, 2))
    clocks = _table(clients["tovholder"].get(reverse("insights:overview")).content.decode(), "concern-clocks")
    assessment = clocks[clocks.index("Mediantid til vurdering") :]
    assessment = assessment[: assessment.index("</tr>")]
    assert "10,0 timer" in assessment and "2,0 timer" not in assessment
    assert "–" in assessment  # last year's 3 are too few
    receipt = clocks[clocks.index("Mediantid til kvittering") :]
    assert "24,0 timer" in receipt[: receipt.index("</tr>")]


def test_a_month_against_the_month_a_year_before_reads_only_those_two_months(clients, cast):
    """Rows between the two periods belong to neither: a school visited six months ago is not "reached" in the same
    month last year (the statistics read the two periods, not the span from one's start to the other's end)."""
    from datetime import timedelta

    from tryg.prevention.models import AgeBand, DialogueSession, PlaceKind

    today = timezone.localdate()
    now = timezone.now()
    for days_ago, place in ((0, "Skole i denne måned"), (180, "Skole for et halvt år siden")):
        starts = (
            now - timedelta(days=days_ago, hours=1) if days_ago else now.replace(day=1, hour=9) + timedelta(hours=1)
        )
        DialogueSession.objects.create(
            municipality=cast["tovholder"].municipality,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            place_kind=PlaceKind.SCHOOL,
            place_name=place,
            audience="8.a",
            age_band=AgeBand.AGE_13_15,
            status=DialogueSession.Status.HELD,
            created_by=cast["tovholder"],
        )
    query = {"kind": "month", "period": f"{today.year}-{today.month:02d}"}
    api = clients["tovholder"].get(reverse("insights-api:indicators"), query).json()
    prevention = next(s for s in api["sources"] if s["key"] == "prevention")
    rows = {r[0]: r[1:] for r in next(t for t in prevention["tables"] if t["key"] == "prevention-sessions")["rows"]}
    assert rows["Afholdte dialogmøder"][:2] == ["0", "< 5"]
    assert rows["Skole nået"][:2] == ["0", "< 5"]  # the half-year-old visit counts in neither month
