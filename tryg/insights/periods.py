"""Periods for the statistics: a month, a quarter or a year, side by side with the same period a year before.

Read from the query string (`?kind=year&period=2026`, `?kind=quarter&period=2026-3`, `?kind=month&period=2026-07`);
anything else is a clear error. Bounds are local midnights (Europe/Copenhagen), as aware datetimes.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {
    "year": gettext_lazy("År"),
    "quarter": gettext_lazy("Kvartal"),
    "month": gettext_lazy("Måned"),
}
MIN_YEAR, MAX_YEAR = 2000, 2100


class PeriodError(ValueError):
    """A period the statistics cannot show; the message says why (shown next to the field)."""


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str
    first: date  # the first day
    after: date  # the day after the last

    @property
    def start(self) -> datetime:
        return _midnight(self.first)

    @property
    def end(self) -> datetime:
        return _midnight(self.after)

    @property
    def code(self) -> str:
        if self.kind == "year":
            return str(self.first.year)
        if self.kind == "quarter":
            return f"{self.first.year}-{(self.first.month - 1) // 3 + 1}"
        return f"{self.first:%Y-%m}"

    @property
    def label(self) -> str:
        if self.kind == "year":
            return str(self.first.year)
        if self.kind == "quarter":
            return _("%(q)s. kvartal %(y)s") % {"q": (self.first.month - 1) // 3 + 1, "y": self.first.year}
        return date_format(self.first, "F Y").capitalize()

    def year_before(self) -> "Period":
        return Period(
            self.kind, self.first.replace(year=self.first.year - 1), self.after.replace(year=self.after.year - 1)
        )

    def buckets(self) -> list[tuple[str, datetime, datetime]]:
        """The points of a trend line: months of a year or quarter, weeks (days 1–7, 8–14, …) of a month."""
        out = []
        if self.kind in ("year", "quarter"):
            day = self.first
            while day < self.after:
                nxt = _add_months(day, 1)
                out.append((date_format(day, "M").rstrip("."), _midnight(day), _midnight(nxt)))
                day = nxt
            return out
        for i, begin in enumerate(range(1, 29, 7)):
            first = self.first.replace(day=begin)
            last = self.after if i == 3 else self.first.replace(day=begin + 7)
            out.append(
                (
                    _("%(a)s.–%(b)s.") % {"a": begin, "b": (last - first).days + begin - 1},
                    _midnight(first),
                    _midnight(last),
                )
            )
        return out


@dataclass(frozen=True)
class Comparison:
    """The chosen period (`current`) and the same period a year before (`previous`), shown side by side."""

    current: Period
    previous: Period

    @property
    def periods(self) -> tuple[Period, Period]:
        return (self.previous, self.current)

    @property
    def labels(self) -> list[str]:
        return [self.previous.label, self.current.label]

    @property
    def start(self) -> datetime:
        return self.previous.start

    @property
    def end(self) -> datetime:
        return self.current.end


def period_for(kind: str, code: str) -> Period:
    if kind not in KINDS:
        raise PeriodError(_("Vælg år, kvartal eller måned."))
    patterns = {"year": r"(\d{4})", "quarter": r"(\d{4})-([1-4])", "month": r"(\d{4})-(0[1-9]|1[0-2])"}
    match = re.fullmatch(patterns[kind], code or "")
    if not match:
        examples = {"year": "2026", "quarter": "2026-3", "month": "2026-07"}
        raise PeriodError(_("Skriv perioden som %(example)s.") % {"example": examples[kind]})
    year = int(match.group(1))
    if not MIN_YEAR < year < MAX_YEAR:
        raise PeriodError(_("Vælg et år mellem %(a)s og %(b)s.") % {"a": MIN_YEAR + 1, "b": MAX_YEAR - 1})
    if kind == "year":
        return Period(kind, date(year, 1, 1), date(year + 1, 1, 1))
    if kind == "quarter":
        first = date(year, 3 * (int(match.group(2)) - 1) + 1, 1)
        return Period(kind, first, _add_months(first, 3))
    first = date(year, int(match.group(2)), 1)
    return Period(kind, first, _add_months(first, 1))


def default_period(kind: str = "year", today: date | None = None) -> Period:
    today = today or timezone.localdate()
    if kind == "quarter":
        return period_for(kind, f"{today.year}-{(today.month - 1) // 3 + 1}")
    if kind == "month":
        return period_for(kind, f"{today:%Y-%m}")
    return period_for("year", str(today.year))


def comparison_from(params) -> Comparison:
    """The comparison asked for in a query string (`kind`, `period`); the current year when nothing is asked."""
    kind = params.get("kind") or "year"
    code = params.get("period") or ""
    period = default_period(kind) if not code and kind in KINDS else period_for(kind, code)
    return Comparison(current=period, previous=period.year_before())
