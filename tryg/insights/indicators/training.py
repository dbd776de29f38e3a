"""Upskilling (tryg.training): coverage today per unit and per unit and role (cross tables whose margins are the
per-role figures), and attendance per period by course form. Aggregates only, counted in the database
(`training.selectors.coverage_counts`); a fixed number of queries whatever the number of staff and enrolments."""

from django.utils.translation import gettext as _

from tryg.accounts.models import Role, Unit
from tryg.training.access import TRAINEE_ROLES
from tryg.training.models import Course, Enrolment
from tryg.training.selectors import coverage_counts

from ..periods import Comparison
from . import Scope, Source, Table
from ._common import counts, grouped, in_either, table_of


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


def _cross_table(key, title, description, units: list[tuple[int, str]], cells: dict, measure: str) -> Table:
    """Units (rows) by role (columns, the fixed list of staff roles) of one count, with the unit totals, the role
    totals and the grand total: one table, so the one suppression rule sees every relation between its numbers."""
    return Table(
        key=key,
        title=title,
        description=description,
        row_labels=[name for _pk, name in units],
        values=[[cells.get((pk, role), {}).get(measure, 0) for role in TRAINEE_ROLES] for pk, _name in units],
        columns=[str(Role(role).label) for role in TRAINEE_ROLES],
        row_totals=True,
        difference=False,
        chart="stacked",
        total_label=_("I alt"),
    )


def coverage_tables(municipality_id: int) -> list[Table]:
    """Per unit (trained and not) and per unit and role: how many have trained, how many staff, as two cross tables
    whose margins are the per-unit and per-role figures. (Separate per-role tables beside a unit-by-role table would
    be linear relations between tables, which per-table suppression cannot see; margins inside one table it can.)"""
    names = dict(
        Unit.objects.filter(municipality_id=municipality_id, is_active=True)
        .exclude(kind=Unit.Kind.PARTNER)
        .values_list("pk", "name")
    )
    by_unit = sorted(
        (r for r in coverage_counts(municipality_id, ("unit_id",)) if r["staff"]), key=lambda r: names[r["unit_id"]]
    )
    cells = {(r["unit_id"], r["role"]): r for r in coverage_counts(municipality_id, ("unit_id", "role"))}
    units = [(r["unit_id"], names[r["unit_id"]]) for r in by_unit]
    return [
        _coverage_table(
            "training-coverage",
            _("Dækning pr. enhed i dag"),
            _(
                "Medarbejdere pr. enhed, og hvor mange af dem der har et gyldigt kursus bag sig (kursusdato plus "
                "kursets gyldighed)."
            ),
            [(names[r["unit_id"]], r) for r in by_unit],
        ),
        _cross_table(
            "training-coverage-role",
            _("Opkvalificerede pr. enhed og rolle i dag"),
            _(
                "Medarbejdere med et gyldigt kursus bag sig, efter enhed og rolle i Tryg; summerne er pr. enhed og pr. "
                "rolle. En person med to roller tælles under begge."
            ),
            units,
            cells,
            "trained",
        ),
        _cross_table(
            "training-staff-role",
            _("Medarbejdere pr. enhed og rolle i dag"),
            _("Alle medarbejdere, der tælles med i dækningen, efter enhed og rolle i Tryg."),
            units,
            cells,
            "staff",
        ),
    ]


def build(scope: Scope, comparison: Comparison) -> Source:
    tables = coverage_tables(scope.municipality_ids[0]) if len(scope.municipality_ids) == 1 else []
    attended = Enrolment.objects.filter(
        in_either("session__starts_at", comparison),
        municipality_id__in=scope.municipality_ids,
        attended_at__isnull=False,
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
