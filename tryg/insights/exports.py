"""The statistics as CSV and XLSX: the same suppressed text the page shows, table by table (never raw counts).

Cells hold the page's text ("< 5", "–", "12"); a number that is shown is written as a number in XLSX so a reader can
sum it, and a hidden one as its text, so nothing is recomputed anywhere."""

import csv
from io import BytesIO, StringIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .indicators import Source

BOLD = Font(bold=True)


def _safe(text: str) -> str:
    """A label a spreadsheet would read as a formula (a partner or grant named "=…") is kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _rows(sources: list[Source]):
    for source in sources:
        for table in source.tables:
            yield source, table, [[_safe(row[0]), *row[1:]] for row in table.export_rows()]


def indicators_csv(sources: list[Source], *, scope_label: str, comparison) -> str:
    out = StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Tryg – nøgletal"), scope_label, " / ".join(comparison.labels)])
    writer.writerow([_("Tal under 5 vises som < 5; tal, der ville afsløre dem, som –.")])
    for source, table, rows in _rows(sources):
        writer.writerow([])
        writer.writerow([source.title, table.title])
        writer.writerows(rows)
    return out.getvalue()


def _cell(text: str):
    """A shown whole number as a number, everything else ("< 5", "–", "+3", "12 %") as text."""
    return int(text) if text.isdigit() else text


def indicators_xlsx(sources: list[Source], *, scope_label: str, comparison, extra: list[tuple] | None = None) -> bytes:
    book = Workbook()
    about = book.active
    about.title = _("Om tallene")
    for row in [
        (_("Nøgletal"), scope_label),
        (_("Perioder"), " / ".join(comparison.labels)),
        (_("Små tal"), _("Tal under 5 vises som < 5; tal, der ville afsløre dem, som –.")),
        *(extra or []),
    ]:
        about.append(list(row))
        about.cell(about.max_row, 1).font = BOLD
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 70
    used = set()
    for _source, table, rows in _rows(sources):
        name = _sheet_name(table.title, used)
        sheet = book.create_sheet(name)
        sheet.append([table.title])
        sheet.cell(1, 1).font = BOLD
        for i, row in enumerate(rows):
            sheet.append([row[0], *(_cell(t) for t in row[1:])])
            if i == 0:
                for cell in sheet[sheet.max_row]:
                    cell.font = BOLD
        sheet.column_dimensions["A"].width = 48
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(title: str, used: set) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28] or "Tabel"
    name, n = base, 2
    while name in used:
        name, n = f"{base[:25]} {n}", n + 1
    used.add(name)
    return name
