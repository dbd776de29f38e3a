"""Small helpers shared by the indicator modules: counts for both periods in one query."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from ..periods import Comparison
from . import Table


def in_period(field: str, period) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lt": period.end})


def in_either(field: str, comparison: Comparison) -> Q:
    """In the previous or the current period — not the span from the one's start to the other's end, which for a
    month against the same month a year before would read thirteen months of rows (and count the eleven between
    them into the previous period where rows are sorted by date)."""
    previous, current = comparison.periods
    if previous.end == current.start:  # a year against the year before: one range (one index range or one scan)
        return Q(**{f"{field}__gte": previous.start, f"{field}__lt": current.end})
    return in_period(field, previous) | in_period(field, current)


def counts(comparison: Comparison, field: str, *, over: str = "id", distinct: bool = False) -> dict:
    """{"a": Count(previous period), "b": Count(current period)} filtered on the date `field`."""
    previous, current = comparison.periods
    return {
        "a": Count(over, filter=in_period(field, previous), distinct=distinct),
        "b": Count(over, filter=in_period(field, current), distinct=distinct),
    }


def sums(comparison: Comparison, field: str, column: str) -> dict:
    previous, current = comparison.periods
    return {"a": Sum(column, filter=in_period(field, previous)), "b": Sum(column, filter=in_period(field, current))}


def period_counts(qs, comparison: Comparison, field: str) -> list[int]:
    """[previous, current]: the rows of `qs` per period, in one query. A condition on related rows goes into `qs` as
    a filter (`qs.filter(Exists(...))`), which the database runs as one semi-join, not as a subquery per row and
    per period inside the counts (that made PostgreSQL's plan cost, and its JIT compilation, grow with the data)."""
    row = qs.order_by().aggregate(**counts(comparison, field))
    return [row["a"] or 0, row["b"] or 0]


def grouped(qs, group: str, aggregates: dict) -> dict:
    """{group value: [a, b]} in one query."""
    return {
        row[group]: [row["a"] or 0, row["b"] or 0]
        for row in qs.order_by().values(group).annotate(**aggregates).values(group, "a", "b")
    }


def table_of(key, title, description, choices, by_value: dict, comparison: Comparison, **kw) -> Table:
    """A Table with one row per choice (fixed order, zeros included) from {value: [a, b]}."""
    return Table(
        key=key,
        title=title,
        description=description,
        row_labels=[str(label) for _value, label in choices],
        values=[by_value.get(value, [0, 0]) for value, _label in choices],
        columns=comparison.labels,
        total_label=_("I alt"),
        **kw,
    )


def trend_table(key, title, description, qs, field: str, comparison: Comparison) -> Table:
    """Counts per month (or week) of each period, the previous and the current in two columns, in one query."""
    previous, current = comparison.periods
    a_buckets, b_buckets = previous.buckets(), current.buckets()
    aggregates = {}
    for i, (_l, start, end) in enumerate(a_buckets):
        aggregates[f"a{i}"] = Count("id", filter=Q(**{f"{field}__gte": start, f"{field}__lt": end}))
    for i, (_l, start, end) in enumerate(b_buckets):
        aggregates[f"b{i}"] = Count("id", filter=Q(**{f"{field}__gte": start, f"{field}__lt": end}))
    row = qs.order_by().aggregate(**aggregates)
    return Table(
        key=key,
        title=title,
        description=description,
        row_labels=[label for label, _s, _e in b_buckets],
        values=[[row[f"a{i}"] or 0, row[f"b{i}"] or 0] for i in range(len(b_buckets))],
        columns=comparison.labels,
        difference=False,
        chart="trend",
        total_label=_("I alt"),
    )
