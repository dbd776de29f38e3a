"""Risk assessments and safety plans (tryg.risk) and network meetings (tryg.coordination): of the cases opened in the
period, those with a signed risk assessment, with a safety plan, put on a network meeting's agenda; and the risk
level at the latest signed assessment of the assessments signed in the period. Aggregates only; five queries."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from tryg.cases.models import Case
from tryg.coordination.models import AgendaItem
from tryg.risk.models import Assessment, Level, SafetyPlan

from ..periods import Comparison
from . import Scope, Source, Table
from ._common import counts, grouped, in_either, period_counts, table_of


def build(scope: Scope, comparison: Comparison) -> Source:
    opened = Case.objects.filter(in_either("opened_at", comparison), municipality_id__in=scope.municipality_ids)
    flags = [
        Exists(Assessment.objects.filter(case=OuterRef("pk"), status=Assessment.Status.SIGNED)),
        Exists(SafetyPlan.objects.filter(case=OuterRef("pk"))),
        Exists(AgendaItem.objects.filter(case=OuterRef("pk"))),
    ]
    values = [period_counts(opened, comparison, "opened_at")]
    values += [period_counts(opened.filter(flag), comparison, "opened_at") for flag in flags]
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
        values=values,
        columns=comparison.labels,
        col_totals=False,
    )
    latest = Assessment.objects.filter(
        in_either("signed_at", comparison),
        case__municipality_id__in=scope.municipality_ids,
        status=Assessment.Status.SIGNED,
        superseded_by__isnull=True,
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
