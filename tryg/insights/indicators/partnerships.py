"""Partnerships (tryg.partnerships): activities and reach per grant in each period, and spending against budget.
Participants are counts of people and pass through suppression; money is not and is shown as it is."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from tryg.partnerships.models import Activity, Grant
from tryg.partnerships.selectors import share, with_sums

from ..periods import Comparison
from . import Measure, Measures, Scope, Source, Table

GRANTS_SHOWN = 50


def kr(amount: Decimal) -> str:
    whole = f"{amount:,.0f}".replace(",", ".")
    return f"{whole} kr."


def build(scope: Scope, comparison: Comparison) -> Source:
    grants = list(
        with_sums(Grant.objects.filter(partner__municipality_id__in=scope.municipality_ids))
        .select_related("partner")
        .order_by("partner__name", "title")[:GRANTS_SHOWN]
    )
    previous, current = comparison.periods
    per_grant = {
        row["grant_id"]: row
        for row in Activity.objects.filter(grant__in=[g.pk for g in grants])
        .order_by()
        .values("grant_id")
        .annotate(
            a=Count("id", filter=_day_filter(previous)),
            b=Count("id", filter=_day_filter(current)),
            pa=Sum("participants", filter=_day_filter(previous)),
            pb=Sum("participants", filter=_day_filter(current)),
        )
    }
    labels = [f"{g.partner.name}: {g.title}" for g in grants]
    activities = Table(
        key="partnerships-activities",
        title=_("Aktiviteter pr. bevilling"),
        description=_("Aktiviteter, partnerne har indberettet, holdt i perioden."),
        row_labels=labels,
        values=[[per_grant.get(g.pk, {}).get("a") or 0, per_grant.get(g.pk, {}).get("b") or 0] for g in grants],
        columns=comparison.labels,
        total_label=_("I alt"),
    )
    reach = Table(
        key="partnerships-reach",
        title=_("Deltagere pr. bevilling"),
        description=_("Antal deltagere i aktiviteterne (tal, aldrig navne)."),
        row_labels=labels,
        values=[[per_grant.get(g.pk, {}).get("pa") or 0, per_grant.get(g.pk, {}).get("pb") or 0] for g in grants],
        columns=comparison.labels,
        total_label=_("I alt"),
    )
    money = Measures(
        key="partnerships-spending",
        title=_("Forbrug mod bevilling"),
        description=_(
            "Bevilget beløb, forbrug i alt indtil nu og andelen, der er brugt (beløb er ikke personoplysninger)."
        ),
        columns=[_("Bevilget"), _("Forbrugt"), _("Andel brugt")],
        rows=[
            Measure(
                label,
                [kr(g.amount), kr(g.spent), f"{share(g.spent, g.amount)} %"],
                [float(g.amount), float(g.spent), share(g.spent, g.amount)],
            )
            for label, g in zip(labels, grants, strict=True)
        ],
    )
    return Source(key="partnerships", title=_("Partnerskaber og tilskud"), tables=[activities, reach, money])


def _day_filter(period) -> Q:
    return Q(held_on__gte=period.first, held_on__lt=period.after)
