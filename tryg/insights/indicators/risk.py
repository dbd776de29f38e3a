"""Risk assessments and safety plans (tryg.risk) and network meetings (tryg.coordination): of the cases opened in the
period, those with a signed risk assessment, with a safety plan, put on a network meeting's agenda; and the risk
level at the latest signed assessment of the assessments signed in the period. Aggregates only; two queries."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from tryg.cases.models import Case
from tryg.coordination.models import AgendaItem
from tryg.risk.models import Assessment, Level, SafetyPlan

from ..periods import Comparison
from . import Scope, Source, Table
from ._common import counts, grouped, in_period, table_of


def build(scope: Scope, comparison: Comparison) -> Source:
    opened = Case.objects.filter(
        municipality_id__in=scope.municipality_ids, opened_at__gte=comparison.start, opened_at__lt=comparison.end
    ).annotate(
        assessed=Exists(Assessment.objects.filter(case=OuterRef("pk"), status=Assessment.Status.SIGNED)),
        planned=Exists(SafetyPlan.objects.filter(case=OuterRef("pk"))),
        meeting=Exists(AgendaItem.objects.filter(case=OuterRef("pk"))),
    )
    previous, current = comparison.periods
    aggregates = {}
    for tag, period in (("a", previous), ("b", current)):
        when = in_period("opened_at", period)
        aggregates[f"{tag}"] = Count("id", filter=when)
        for flag in ("assessed", "planned", "meeting"):
            aggregates[f"{tag}_{flag}"] = Count("id", filter=when & Q(**{flag: True}))
    row = opened.order_by().aggregate(**aggregates)
    flow = Table(
        key="risk-cases",
        title=_("Sager med risikovurdering, sikkerhedsplan og netværksmøde"),
        description=_(
            "Af sagerne åbnet i perioden: med en underskrevet risikovurdering, med en sikkerhedsplan og sat på "
            "dagsordenen for et netværksmøde."
        ),
        row_labels=[
            _("Sager åbnet"),
            _("Heraf med risikovurdering"),
            _("Heraf med sikkerhedsplan"),
            _("Heraf henvist til netværksmøde"),
        ],
        values=[[row[f"a{key}"], row[f"b{key}"]] for key in ("", "_assessed", "_planned", "_meeting")],
        columns=comparison.labels,
        col_totals=False,
    )
    latest = Assessment.objects.filter(
        case__municipality_id__in=scope.municipality_ids,
        status=Assessment.Status.SIGNED,
        superseded_by__isnull=True,
        signed_at__gte=comparison.start,
        signed_at__lt=comparison.end,
    )
    levels = table_of(
        "risk-levels",
        _("Risikoniveau ved seneste vurdering"),
        _("Sager efter niveauet i den seneste underskrevne risikovurdering, underskrevet i perioden."),
        Level.choices,
        grouped(latest, "level", counts(comparison, "signed_at", over="case_id", distinct=True)),
        comparison,
        chart="stacked",
    )
    return Source(key="risk", title=_("Risikovurderinger og sikkerhedsplaner"), tables=[flow, levels])
