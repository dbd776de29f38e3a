"""Upskilling (tryg.training): coverage today per unit, per role and per unit and role, and attendance per period by
course form. Aggregates only, counted in the database (`training.selectors.coverage_counts`); a fixed number of
queries whatever the number of staff and enrolments."""

from django.utils.translation import gettext as _

from tryg.accounts.models import Role, Unit
from tryg.training.access import TRAINEE_ROLES
from tryg.training.models import Course, Enrolment
from tryg.training.selectors import coverage_counts

from ..periods import Comparison
from . import Scope, Source, Table
from ._common import counts, grouped, table_of


def _coverage_table(key, title, description, labelled: list[tuple[str, dict]]) -> Table:
    """Rows of (label, {"staff", "trained"}): trained and not trained, the staff as the row total."""
    return Table(
        key=key,
        title=title,
        description=description,
        row_labels=[label for label, _row in labelled],
        values=[[row["trained"], row["staff"] - row["trained"]] for _label, row in labelled],
        columns=[_("Opkvalificeret"), _("Ikke opkvalificeret")],
        row_totals=True,
        difference=False,
        chart="stacked",
        total_label=_("I alt"),
    )


def coverage_tables(municipality_id: int) -> list[Table]:
    units = dict(
        Unit.objects.filter(municipality_id=municipality_id, is_active=True)
        .exclude(kind=Unit.Kind.PARTNER)
        .values_list("pk", "name")
    )
    role_order = {role: i for i, role in enumerate(TRAINEE_ROLES)}
    by_unit = sorted(
        (r for r in coverage_counts(municipality_id, ("unit_id",)) if r["staff"]), key=lambda r: units[r["unit_id"]]
    )
    by_role = sorted(
        (r for r in coverage_counts(municipality_id, ("role",)) if r["staff"]), key=lambda r: role_order[r["role"]]
    )
    by_both = sorted(
        (r for r in coverage_counts(municipality_id, ("unit_id", "role")) if r["staff"]),
        key=lambda r: (units[r["unit_id"]], role_order[r["role"]]),
    )
    return [
        _coverage_table(
            "training-coverage",
            _("Dækning pr. enhed i dag"),
            _(
                "Medarbejdere pr. enhed, og hvor mange af dem der har et gyldigt kursus bag sig (kursusdato plus "
                "kursets gyldighed)."
            ),
            [(units[r["unit_id"]], r) for r in by_unit],
        ),
        _coverage_table(
            "training-coverage-role",
            _("Dækning pr. rolle i dag"),
            _(
                "Medarbejdere pr. rolle i Tryg i hele kommunen, og hvor mange af dem der har et gyldigt kursus bag "
                "sig. En person med to roller tælles under begge."
            ),
            [(str(Role(r["role"]).label), r) for r in by_role],
        ),
        _coverage_table(
            "training-coverage-unit-role",
            _("Dækning pr. enhed og rolle i dag"),
            _(
                "Det samme fordelt på enhed og rolle. Små tal vises som < 5, og tal, der ville afsløre dem, skjules "
                "også."
            ),
            [(f"{units[r['unit_id']]}: {Role(r['role']).label}", r) for r in by_both],
        ),
    ]


def build(scope: Scope, comparison: Comparison) -> Source:
    tables = coverage_tables(scope.municipality_ids[0]) if len(scope.municipality_ids) == 1 else []
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
