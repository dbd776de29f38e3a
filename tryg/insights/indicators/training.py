"""Upskilling (tryg.training): coverage per unit today and attendance per period by course form. Aggregates only."""

from django.utils.translation import gettext as _

from tryg.training.models import Course, Enrolment
from tryg.training.selectors import coverage

from ..periods import Comparison
from . import Scope, Source, Table
from ._common import counts, grouped, table_of


def build(scope: Scope, comparison: Comparison) -> Source:
    tables = []
    if len(scope.municipality_ids) == 1:
        units = [u for u in coverage(scope.municipality_ids[0]) if u.staff]
        tables.append(
            Table(
                key="training-coverage",
                title=_("Dækning pr. enhed i dag"),
                description=_(
                    "Medarbejdere pr. enhed, og hvor mange af dem der har et gyldigt kursus bag sig (kursusdato plus "
                    "kursets gyldighed)."
                ),
                row_labels=[u.unit.name for u in units],
                values=[[u.trained, u.staff - u.trained] for u in units],
                columns=[_("Opkvalificeret"), _("Ikke opkvalificeret")],
                row_totals=True,
                difference=False,
                chart="stacked",
                total_label=_("I alt"),
            )
        )
    attended = Enrolment.objects.filter(
        municipality_id__in=scope.municipality_ids,
        attended_at__isnull=False,
        session__starts_at__gte=comparison.start,
        session__starts_at__lt=comparison.end,
    )
    tables.append(
        table_of(
            "training-attendance",
            _("Deltagelse efter kursusform"),
            _("Fremmøder registreret på kursusdatoer i perioden."),
            Course.Kind.choices,
            grouped(attended, "session__course__kind", counts(comparison, "session__starts_at")),
            comparison,
        )
    )
    return Source(key="training", title=_("Viden og opkvalificering"), tables=tables)
