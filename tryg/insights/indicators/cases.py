"""Concerns and cases (tryg.cases): channels, target groups, age bands, urgency, the legal clocks, cases opened and
closed, referrals and repeats. Aggregates only; a fixed number of queries (about a dozen) whatever the data."""

from datetime import timedelta

from django.db import connections
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models import Case as When_
from django.utils.translation import gettext as _

from tryg.cases.models import AgeGroup, Case, Concern, Referral, TargetGroup

from ..periods import Comparison
from ..suppression import enough, share_of_counts
from . import Measure, Measures, Scope, Source, Table
from ._common import counts, grouped, in_either, in_period, period_counts, table_of, trend_table

REPEAT_WITHIN = timedelta(days=365)


def channel_choices():
    return [
        ("walk", _("Via handlekort")),
        (Concern.Source.PROFESSIONAL, _("Fagperson")),
        (Concern.Source.PARTNER, _("Civilsamfundspartner")),
        (Concern.Source.CITIZEN, _("Borger")),
        (Concern.Source.ANONYMOUS, _("Anonym")),
    ]


def _concerns(scope: Scope, comparison: Comparison):
    return Concern.objects.filter(in_either("received_at", comparison), municipality_id__in=scope.municipality_ids)


def _cases(scope: Scope):
    return Case.objects.filter(municipality_id__in=scope.municipality_ids)


def _hours(duration) -> str:
    hours = duration.total_seconds() / 3600
    if hours < 48:
        return _("%(h)s timer") % {"h": f"{hours:.1f}".replace(".", ",")}
    return _("%(d)s dage") % {"d": f"{hours / 24:.1f}".replace(".", ",")}


class LowerMedian(Aggregate):
    """PostgreSQL's ordered-set aggregate: the lower median (percentile_disc(0.5) is the value at position ⌈n/2⌉,
    the same as the offset (n − 1) // 2 of the portable query below)."""

    function = "percentile_disc"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _median(qs, start: str, end: str):
    """The (lower) median of end − start over `qs`, or None under 5. PostgreSQL: one aggregate query; elsewhere one
    count and one ordered query with an offset (asked even under 5, so the page's queries do not depend on the
    data)."""
    duration = ExpressionWrapper(F(end) - F(start), output_field=DurationField())
    if connections[qs.db].vendor == "postgresql":
        row = qs.order_by().aggregate(n=Count("id"), median=LowerMedian(duration))
        return (row["median"] if enough(row["n"]) else None), row["n"]
    n = qs.count()
    middle = max(n - 1, 0) // 2
    value = next(iter(qs.annotate(d=duration).order_by("d").values_list("d", flat=True)[middle : middle + 1]), None)
    return (value if enough(n) else None), n


def _timeliness(concerns, comparison: Comparison) -> Measures:
    previous, current = comparison.periods
    aggregates = {}
    for tag, period in (("a", previous), ("b", current)):
        when = in_period("received_at", period)
        aggregates[f"{tag}_assess"] = Count("id", filter=when & Q(assessment_due_at__isnull=False))
        aggregates[f"{tag}_assess_ok"] = Count(
            "id", filter=when & Q(assessed_at__isnull=False, assessed_at__lte=F("assessment_due_at"))
        )
        aggregates[f"{tag}_receipt"] = Count("id", filter=when & Q(receipt_due_at__isnull=False))
        aggregates[f"{tag}_receipt_ok"] = Count(
            "id", filter=when & Q(receipt_confirmed_at__isnull=False, receipt_confirmed_at__lte=F("receipt_due_at"))
        )
    clocks = (("assess", "assessed_at", "assessment_due_at"), ("receipt", "receipt_confirmed_at", "receipt_due_at"))
    in_db = connections[concerns.db].vendor == "postgresql"
    if in_db:  # the four medians in the same scan (an ordered-set aggregate takes a FILTER like any other)
        for tag, period in (("a", previous), ("b", current)):
            for key, end, due in clocks:
                done = in_period("received_at", period) & Q(**{f"{end}__isnull": False, f"{due}__isnull": False})
                duration = ExpressionWrapper(F(end) - F("received_at"), output_field=DurationField())
                aggregates[f"{tag}_{key}_n"] = Count("id", filter=done)
                aggregates[f"{tag}_{key}_median"] = LowerMedian(duration, filter=done)
    row = concerns.order_by().aggregate(**aggregates)
    rows = []
    for label, key in ((_("Vurderet inden 24 timer"), "assess"), (_("Kvittering inden 6 hverdage"), "receipt")):
        shares = [share_of_counts(row[f"{t}_{key}_ok"], row[f"{t}_{key}"]) for t in ("a", "b")]
        rows.append(Measure(label, [f"{s} %" if s is not None else "–" for s in shares], shares, gauge=True))
    for label, (key, end, due) in zip(
        (_("Mediantid til vurdering"), _("Mediantid til kvittering")), clocks, strict=True
    ):
        texts, values = [], []
        for tag, period in (("a", previous), ("b", current)):
            if in_db:
                median = row[f"{tag}_{key}_median"] if enough(row[f"{tag}_{key}_n"]) else None
            else:
                done = concerns.filter(
                    in_period("received_at", period), **{f"{end}__isnull": False, f"{due}__isnull": False}
                )
                median, _n = _median(done, "received_at", end)
            texts.append(_hours(median) if median is not None else "–")
            values.append(median.total_seconds() / 3600 if median is not None else None)
        rows.append(Measure(label, texts, values))
    return Measures(
        key="concern-clocks",
        title=_("Frister: vurdering og kvittering"),
        description=_(
            "Andel af underretningerne, der blev vurderet inden for 24 timer (barnets lov § 136) og kvitteret for "
            "inden for 6 hverdage, og mediantiden. Vises kun, når den bygger på mindst 5 og ikke afslører et lille tal."
        ),
        columns=comparison.labels,
        rows=rows,
    )


def _breakdowns(qs, fields: tuple[str, ...], aggregates: dict) -> dict[str, dict]:
    """{field: {value: [a, b]}} for several one-way breakdowns from ONE grouped query over every combination of the
    fields (a few dozen groups: channels × target groups × age bands × urgencies), summed per field here. One scan
    of the period's concerns instead of one per table."""
    out = {f: {} for f in fields}
    for row in qs.order_by().values(*fields).annotate(**aggregates).values(*fields, "a", "b"):
        for f in fields:
            cell = out[f].setdefault(row[f], [0, 0])
            cell[0] += row["a"] or 0
            cell[1] += row["b"] or 0
    return out


def build(scope: Scope, comparison: Comparison) -> Source:
    concerns = _concerns(scope, comparison)
    both = counts(comparison, "received_at")
    channel = When_(When(walk__isnull=False, then=Value("walk")), default=F("source"), output_field=CharField())
    by = _breakdowns(
        concerns.annotate(channel=channel), ("channel", "target_group", "person__age_group", "urgency"), both
    )
    by_channel = by["channel"]
    tables = [
        table_of(
            "concerns-channel",
            _("Underretninger og bekymringer efter kanal"),
            _(
                "Hvordan bekymringerne kom ind: gennem et handlekort, fra en fagperson, en partner, en borger "
                "eller anonymt."
            ),
            channel_choices(),
            by_channel,
            comparison,
            chart="stacked",
        ),
        trend_table(
            "concerns-trend",
            _("Underretninger og bekymringer over tid"),
            _("Antal modtaget pr. måned (pr. uge for en måned) i de to perioder."),
            concerns,
            "received_at",
            comparison,
        ),
        table_of(
            "concerns-target",
            _("Efter målgruppe"),
            _("Bekymringer om børn og unge under 18 og om voksne."),
            TargetGroup.choices,
            by["target_group"],
            comparison,
        ),
        table_of(
            "concerns-age",
            _("Efter aldersgruppe"),
            _("Den berørte persons aldersgruppe, som den blev registreret."),
            [*AgeGroup.choices, ("", _("Ikke oplyst"))],
            by["person__age_group"],
            comparison,
        ),
        table_of(
            "concerns-urgency",
            _("Efter hastegrad"),
            _("Akutte og almindelige henvendelser."),
            Concern.Urgency.choices,
            by["urgency"],
            comparison,
        ),
        _timeliness(concerns, comparison),
    ]
    tables += _case_tables(scope, comparison)
    return Source(key="cases", title=_("Underretninger og sager"), tables=tables)


def _case_tables(scope: Scope, comparison: Comparison) -> list:
    cases = _cases(scope)
    opened = cases.filter(in_either("opened_at", comparison))
    earlier = Case.objects.filter(
        person=OuterRef("person"),
        opened_at__lt=OuterRef("opened_at"),
        opened_at__gte=ExpressionWrapper(OuterRef("opened_at") - Value(REPEAT_WITHIN), output_field=DateTimeField()),
    )
    referred = Exists(Referral.objects.filter(case=OuterRef("pk")))
    values = [
        period_counts(opened, comparison, "opened_at"),
        period_counts(opened.filter(referred), comparison, "opened_at"),
        period_counts(opened.filter(Exists(earlier)), comparison, "opened_at"),
    ]
    flow = Table(
        key="cases-opened",
        title=_("Sager åbnet"),
        description=_(
            "Sager åbnet i perioden; heraf sager med en henvisning til en anden aktør, og gentagelser: sager om en "
            "person, der fik en anden sag åbnet inden for de forudgående 12 måneder."
        ),
        row_labels=[
            _("Sager åbnet"),
            _("Heraf med henvisning til anden aktør"),
            _("Heraf gentagelse inden for 12 måneder"),
        ],
        values=values,
        columns=comparison.labels,
        col_totals=False,
    )
    closed = cases.filter(in_either("closed_at", comparison), status=Case.Status.CLOSED)
    outcomes = table_of(
        "cases-closed",
        _("Sager lukket efter udfald"),
        _("Sager lukket i perioden, efter hvordan de sluttede."),
        [*Case.Outcome.choices, ("", _("Ikke angivet"))],
        grouped(closed, "outcome", counts(comparison, "closed_at")),
        comparison,
        chart="stacked",
    )
    return [flow, outcomes]
