"""Training coverage per unit and role: the page's table and its table alternative, CSV, XLSX and API hold the same
suppressed text (small cells "< 5", a cell that would reveal one hidden too), counted in the database."""

import csv
from datetime import timedelta
from io import BytesIO, StringIO

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tryg.accounts.models import Membership, Role, User
from tryg.accounts.tests.helpers import confirm_password
from tryg.core.testing import assert_flat_queries
from tryg.training.models import Course, CourseSession, Enrolment
from tryg.training.selectors import coverage, coverage_counts

TITLE = "Opkvalificerede pr. enhed og rolle i dag"
STAFF_TITLE = "Medarbejdere pr. enhed og rolle i dag"


def _staff(cast, n: int, *, trained: int, role=Role.FAGPERSON, prefix="medarbejder"):
    """n more staff with `role` in the fagperson's unit; the first `trained` attended a course that still counts,
    one more attended one that no longer does (too long ago)."""
    unit = cast["fagperson"].memberships_cached[0].unit
    muni = unit.municipality
    course, _ = Course.objects.get_or_create(
        municipality=muni, title="Temadag (statistik)", defaults={"kind": "theme_day", "validity_months": 24}
    )
    start = User.objects.filter(username__startswith=prefix).count()
    users = [User.objects.create(username=f"{prefix}{start + i}", municipality=muni) for i in range(n)]
    Membership.objects.bulk_create([Membership(user=u, unit=unit, role=role) for u in users])
    for days_ago, group in ((30, users[:trained]), (900, users[trained : trained + 1])):
        when = timezone.now() - timedelta(days=days_ago)
        session = CourseSession.objects.create(
            course=course, starts_at=when, ends_at=when + timedelta(hours=3), place="Rådhuset", capacity=n + 5
        )
        Enrolment.objects.bulk_create(
            [
                Enrolment(
                    session=session,
                    user=u,
                    unit=unit,
                    municipality=muni,
                    status="enrolled",
                    enrolled_by=cast["tovholder"],
                    attended_at=when,
                )
                for u in group
            ]
        )
    return unit


def _hidden(cells) -> int:
    return sum(("< 5" in c or "&lt; 5" in c or "–" in c) for c in cells)


def _page_rows(content: str, key: str) -> dict:
    start = content.index(f'data-table="{key}"')
    table = content[start : content.index("</table>", start)]
    rows = {}
    for chunk in table.split("<tr")[1:]:
        label = chunk.split("<th", 1)[1].split(">", 1)[1].split("</th>", 1)[0].strip()
        cells = [c.split(">", 1)[1].split("</td>", 1)[0] for c in chunk.split("<td")[1:]]
        rows[label] = cells
    return rows


def test_coverage_per_unit_and_role_is_counted_in_the_database_as_the_unit_coverage_is(cast):
    unit = _staff(cast, 8, trained=6)
    muni = unit.municipality_id
    per_unit = {u.unit.pk: (u.staff, u.trained) for u in coverage(muni) if u.staff}
    counted = {r["unit_id"]: (r["staff"], r["trained"]) for r in coverage_counts(muni, ("unit_id",))}
    assert counted == per_unit
    both = {(r["unit_id"], r["role"]): (r["staff"], r["trained"]) for r in coverage_counts(muni, ("unit_id", "role"))}
    assert both[(unit.pk, Role.FAGPERSON)] == (9, 6)  # the cast's fagperson, untrained, and the 8 new


def test_the_role_tables_are_on_the_page_and_in_the_exports_and_the_api_with_small_cells_suppressed(clients, cast):
    unit = _staff(cast, 8, trained=6)  # 9 fagpersons in the unit, 6 trained
    _staff(cast, 4, trained=3, role=Role.SAGSBEHANDLER, prefix="sagsbeh")  # 3 trained case workers: a small cell
    client = confirm_password(clients["tovholder"])
    content = client.get(reverse("insights:overview")).content.decode()
    assert TITLE in content and STAFF_TITLE in content
    header = content[content.index('data-table="training-coverage-role"') :]
    header = header[: header.index("</thead>")]
    assert "Fagperson" in header and "Sagsbehandler" in header and "Tovholder" in header  # roles as columns
    rows = _page_rows(content, "training-coverage-role")
    # Fagperson 6, Sagsbehandler 3, …, the unit total 9: the 3 is "< 5", and the 6 or the 9 hidden too.
    assert "&lt; 5" in rows[unit.name][1] and _hidden(rows[unit.name]) >= 2
    staff = _page_rows(content, "training-staff-role")
    assert "&lt; 5" in staff[unit.name][1]  # 4 case workers
    assert "medarbejder0" not in content and "sagsbeh0" not in content  # counts only, never a person

    text = client.get(reverse("insights:export-csv")).content.decode("utf-8-sig")
    csv_rows = list(csv.reader(StringIO(text), delimiter=";"))
    start = next(i for i, r in enumerate(csv_rows) if len(r) > 1 and r[1] == TITLE)
    assert csv_rows[start + 1][1:3] == ["Fagperson", "Sagsbehandler"] and csv_rows[start + 1][-1] == "I alt"
    end = next(i for i in range(start, len(csv_rows)) if not csv_rows[i])  # a blank line between tables
    exported = {r[0]: r[1:] for r in csv_rows[start + 2 : end]}
    assert exported[unit.name][1] == "< 5" and _hidden(exported[unit.name]) == _hidden(rows[unit.name])

    book = load_workbook(BytesIO(client.get(reverse("insights:export-xlsx")).content))
    sheet = next(ws for ws in book.worksheets if ws["A1"].value == TITLE)
    xlsx = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert [str(v) for v in xlsx[unit.name]] == exported[unit.name]

    api = client.get(reverse("insights-api:indicators")).json()
    training = next(s for s in api["sources"] if s["key"] == "training")
    table = next(t for t in training["tables"] if t["key"] == "training-coverage-role")
    assert {r[0]: r[1:] for r in table["rows"][1:]}[unit.name] == exported[unit.name]


def test_the_role_tables_cost_the_same_queries_however_many_staff(clients, cast):
    sizes = {"n": 0}

    def more(n):
        sizes["n"] += 1
        _staff(cast, n, trained=n // 2, prefix=f"m{sizes['n']}x")
        _staff(cast, n, trained=n // 3, role=Role.SAGSBEHANDLER, prefix=f"s{sizes['n']}x")

    assert_flat_queries(more, lambda: clients["tovholder"].get(reverse("insights:overview")), small=2, large=20)


def test_the_consultant_gets_no_coverage_of_one_municipality(clients, cast):
    _staff(cast, 8, trained=6)
    content = clients["konsulent"].get(reverse("insights:region")).content.decode()
    assert TITLE not in content and STAFF_TITLE not in content
