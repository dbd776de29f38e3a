"""Consultations of the security consultants (tryg.coordination): by asker type, anonymous vs named, by municipality
(for the region) and the time to the first answer — per municipality for the coordinator, per region for the
consultants. Aggregates only; a fixed number of queries."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from tryg.accounts.models import Municipality
from tryg.coordination.models import Consultation, Message

from ..periods import Comparison
from . import Measure, Measures, Scope, Source
from ._common import counts, grouped, in_either, in_period, table_of
from .cases import _hours, _median


def consultations_in(scope: Scope, comparison: Comparison):
    qs = Consultation.objects.filter(in_either("created_at", comparison))
    if scope.is_region:
        return qs.filter(region_id=scope.region_id)
    return qs.filter(municipality_id__in=scope.municipality_ids)


def first_answer():
    """When a consultant first answered (the first message not from the asker)."""
    return Subquery(
        Message.objects.filter(consultation=OuterRef("pk"), from_asker=False)
        .order_by("created_at")
        .values("created_at")[:1]
    )


def build(scope: Scope, comparison: Comparison) -> Source:
    qs = consultations_in(scope, comparison)
    both = counts(comparison, "created_at")
    tables = [
        table_of(
            "consultations-asker",
            _("Henvendelser efter spørger"),
            _("Hvem der bad sikkerhedskonsulenterne om rådgivning."),
            Consultation.AskerType.choices,
            grouped(qs, "asker_type", both),
            comparison,
            chart="stacked",
        ),
        table_of(
            "consultations-anonymous",
            _("Anonyme og navngivne henvendelser"),
            _("Rådgivning kan altid gives anonymt; rådgivning om en navngiven person kræver normalt samtykke."),
            [(True, _("Anonym")), (False, _("Navngiven"))],
            grouped(qs, "is_anonymous", both),
            comparison,
        ),
    ]
    if scope.is_region:
        municipalities = list(Municipality.objects.filter(region_id=scope.region_id).order_by("name"))
        tables.append(
            table_of(
                "consultations-municipality",
                _("Henvendelser efter kommune"),
                _("Hvilken kommune henvendelsen handlede om (ikke angivet for mange anonyme)."),
                [(m.pk, m.name) for m in municipalities] + [(None, _("Ikke angivet"))],
                grouped(qs, "municipality_id", both),
                comparison,
            )
        )
    texts, values = [], []
    for period in comparison.periods:
        answered = qs.filter(in_period("created_at", period)).annotate(first=first_answer()).filter(first__isnull=False)
        median, _n = _median(answered, "created_at", "first")
        texts.append(_hours(median) if median is not None else "–")
        values.append(median.total_seconds() / 3600 if median is not None else None)
    tables.append(
        Measures(
            key="consultations-answer",
            title=_("Tid til første svar"),
            description=_("Mediantiden fra henvendelsen til konsulentens første svar. Vises kun over mindst 5."),
            columns=comparison.labels,
            rows=[Measure(_("Mediantid til første svar"), texts, values)],
        )
    )
    return Source(key="consultations", title=_("Rådgivning fra sikkerhedskonsulenterne"), tables=tables)
