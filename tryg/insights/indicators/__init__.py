"""The statistics' ONE entry point: `indicators_for(scope, comparison)`.

One selector module per source app (cases.py, prevention.py, training.py, partnerships.py; consultations.py,
citizen_contacts.py and risk.py wait for their apps) returns a `Source` of aggregate tables only: counts grouped by
fixed categories, never a row about a person. Every count passes through `suppression.suppress` here, when the table
is made, so pages, charts, CSV and XLSX all read the same suppressed numbers and cannot disagree.

Each module costs a fixed number of queries whatever the data (conditional aggregation over both periods at once).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from ..periods import Comparison
from ..suppression import Shown, Suppressed, suppress


@dataclass(frozen=True)
class Scope:
    """Whose numbers: one municipality (the coordinator) or the municipalities of a region (the consultants)."""

    municipality_ids: tuple[int, ...]
    label: str
    is_region: bool = False
    region_id: int | None = None


@dataclass
class Table:
    """Counts by category (rows) and column (normally the two periods). `shown` is the only thing a reader gets."""

    key: str
    title: str
    description: str
    row_labels: list[str]
    values: list[list[int]]
    columns: list[str]
    col_totals: bool = True
    row_totals: bool = False
    difference: bool = True
    chart: str = ""  # "stacked", "trend" or ""
    total_label: str = ""
    shown: Suppressed = field(init=False)

    def __post_init__(self):
        if not self.values:
            self.values = [[0] * len(self.columns)]
            self.row_labels = self.row_labels or ["–"]
            self.col_totals = False
        self.shown = suppress(
            self.values,
            col_totals=self.col_totals,
            row_totals=self.row_totals,
            difference=self.difference and len(self.columns) == 2,
        )
        del self.values  # the raw counts go no further than suppression

    @property
    def rows(self) -> list[dict]:
        out = []
        for i, label in enumerate(self.row_labels):
            row = {"label": label, "cells": self.shown.cells[i]}
            if self.shown.differences:
                row["difference"] = self.shown.differences[i]
            if self.shown.row_totals:
                row["total"] = self.shown.row_totals[i]
            out.append(row)
        return out

    @property
    def total_row(self) -> dict | None:
        if not self.shown.col_totals:
            return None
        row = {"label": self.total_label or "I alt", "cells": self.shown.col_totals}
        if self.shown.total_difference is not None:
            row["difference"] = self.shown.total_difference
        if self.shown.grand_total is not None:
            row["total"] = self.shown.grand_total
        return row

    @property
    def has_difference(self) -> bool:
        return bool(self.shown.differences)

    @property
    def has_row_totals(self) -> bool:
        return bool(self.shown.row_totals)

    def export_rows(self) -> list[list[str]]:
        """The table as text rows (header first), exactly as the page shows it."""
        header = ["", *self.columns]
        if self.has_difference:
            header.append("Forskel")
        if self.has_row_totals:
            header.append("I alt")
        out = [header]
        rows = self.rows + ([self.total_row] if self.total_row else [])
        for row in rows:
            line = [str(row["label"]), *(c.text for c in row["cells"])]
            if self.has_difference:
                line.append(signed(row["difference"]))
            if self.has_row_totals:
                line.append(row["total"].text)
            out.append(line)
        return out


def signed(cell: Shown) -> str:
    if cell.hidden:
        return cell.text
    return f"+{cell.value}" if cell.value > 0 else str(cell.value)


@dataclass
class Measure:
    """A figure that is not a count — a share, a median, a mean, money — already checked by its module (shown as
    "–" when it rests on fewer than 5 or would reveal a small count). `values` are numbers for the charts."""

    label: str
    texts: list[str]
    values: list[float | None]
    gauge: bool = False  # a share drawn as a gauge


@dataclass
class Measures:
    key: str
    title: str
    description: str
    columns: list[str]
    rows: list[Measure]

    def export_rows(self) -> list[list[str]]:
        return [["", *self.columns], *([m.label, *m.texts] for m in self.rows)]


@dataclass
class Source:
    """The indicators of one source app, or (`pending`) the place where they will come."""

    key: str
    title: str
    tables: list = field(default_factory=list)
    note: str = ""
    pending: bool = False


Builder = Callable[[Scope, Comparison], Source]


def _builders() -> list[tuple[str, Builder, bool]]:
    """(key, build, also for a region). The order is the page's order."""
    from . import cases, citizen_contacts, consultations, partnerships, prevention, risk, training

    return [
        ("cases", cases.build, True),
        ("risk", risk.build, True),
        ("consultations", consultations.build, True),
        ("citizen_contacts", citizen_contacts.build, False),
        ("prevention", prevention.build, False),
        ("training", training.build, False),
        ("partnerships", partnerships.build, False),
    ]


SOURCE_KEYS = ("cases", "risk", "consultations", "citizen_contacts", "prevention", "training", "partnerships")


def indicators_for(scope: Scope, comparison: Comparison, *, only: tuple[str, ...] | None = None) -> list[Source]:
    """Every source's indicators for `scope` over the two periods of `comparison` (a region gets the sources that
    make sense across municipalities)."""
    out = []
    for key, build, for_region in _builders():
        if scope.is_region and not for_region:
            continue
        if only is not None and key not in only:
            continue
        out.append(build(scope, comparison))
    return out


def all_tables(sources: list[Source]) -> list:
    return [table for source in sources for table in source.tables]
