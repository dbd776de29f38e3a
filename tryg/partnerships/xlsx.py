"""The grant report as an XLSX workbook (openpyxl), from the same `GrantReport` the printable page shows.

Cells hold values, not formulas, so any reader (and a test) sees the sums without a calculation engine."""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import GrantReport

MONEY_FORMAT = "#,##0.00"
BOLD = Font(bold=True)


def _header(sheet, *titles: str) -> None:
    sheet.append(list(titles))
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def _money(sheet, *columns: str) -> None:
    for column in columns:
        for cell in sheet[column][1:]:
            cell.number_format = MONEY_FORMAT


def grant_report_xlsx(report: GrantReport) -> bytes:
    grant = report.grant
    book = Workbook()
    summary = book.active
    summary.title = _("Oversigt")
    rows = [
        (_("Bevilling"), grant.title),
        (_("Partner"), grant.partner.name),
        (_("CVR-nummer"), grant.partner.cvr or ""),
        (_("Pulje"), grant.pool.name),
        (_("Tilskudsgiver"), grant.pool.grantor),
        (_("Periode fra"), grant.starts_on),
        (_("Periode til"), grant.ends_on),
        (_("Bevilget (kr.)"), grant.amount),
        (_("Budgetteret (kr.)"), report.budgeted),
        (_("Forbrugt (kr.)"), report.spent),
        (_("Rest (kr.)"), report.remaining),
        (_("Udbetalt (kr.)"), report.paid),
        (_("Aktiviteter"), report.activity_count),
        (_("Deltagere i alt"), report.participants),
        (_("Frivillige i alt"), report.volunteers),
        (_("Dannet"), timezone.localtime().replace(tzinfo=None, microsecond=0)),
    ]
    if report.is_demo:
        rows.append((_("Bemærk"), _("Beløb og aktiviteter er opdigtede demodata.")))
    for row in rows:
        summary.append(row)
        summary.cell(summary.max_row, 1).font = BOLD
        if isinstance(row[1], type(grant.amount)):
            summary.cell(summary.max_row, 2).number_format = MONEY_FORMAT
    summary.column_dimensions["A"].width = 22
    summary.column_dimensions["B"].width = 50

    budget = book.create_sheet(_("Budget"))
    _header(budget, _("Post"), _("Budget (kr.)"), _("Forbrugt (kr.)"), _("Rest (kr.)"))
    for line in report.lines:
        budget.append([line.label, line.budget, line.spent, line.remaining])
    budget.append(
        [_("I alt"), report.budgeted, sum((ln.spent for ln in report.lines), 0), report.budgeted - report.spent]
    )
    for cell in budget[budget.max_row]:
        cell.font = BOLD
    _money(budget, "B", "C", "D")
    budget.column_dimensions["A"].width = 40

    activities = book.create_sheet(_("Aktiviteter"))
    _header(activities, _("Dato"), _("Aktivitet"), _("Deltagere"), _("Frivillige"), _("Post"), _("Udgift (kr.)"))
    for a in report.activities:
        label = a.budget_line.label if a.budget_line else ""
        activities.append([a.held_on, a.title, a.participants, a.volunteers, label, a.cost])
    _money(activities, "F")
    activities.column_dimensions["B"].width = 40

    payments = book.create_sheet(_("Udbetalinger"))
    _header(payments, _("Dato"), _("Beløb (kr.)"), _("Bemærkning"))
    for p in report.payments:
        payments.append([p.paid_on, p.amount, p.note])
    _money(payments, "B")

    out = BytesIO()
    book.save(out)
    return out.getvalue()
