"""Youth-to-youth dialogue (tryg.prevention): sessions held, participants by gender, schools, clubs and associations
reached, evaluation scores. Aggregates only; a fixed number of queries."""

from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from tryg.prevention.models import DialogueSession, Evaluation, Gender, ParticipantCount, PlaceKind

from ..periods import Comparison
from ..suppression import enough
from . import Measure, Measures, Scope, Source, Table
from ._common import grouped, in_either, in_period, sums, table_of


def _place_key(row) -> tuple:
    return (
        ("unit", row["place_unit_id"]) if row["place_unit_id"] else ("name", (row["place_name"] or "").strip().lower())
    )


def build(scope: Scope, comparison: Comparison) -> Source:
    held = DialogueSession.objects.filter(
        in_either("starts_at", comparison),
        municipality_id__in=scope.municipality_ids,
        status=DialogueSession.Status.HELD,
    )
    previous, current = comparison.periods
    # Places are few (the schools and clubs of a municipality): one query, counted once per period.
    reached = {kind: [set(), set()] for kind, _l in PlaceKind.choices}
    for row in held.order_by().values("starts_at", "place_kind", "place_unit_id", "place_name").distinct():
        index = 1 if row["starts_at"] >= current.start else 0
        reached[row["place_kind"]][index].add(_place_key(row))
    counted = held.order_by().aggregate(
        a=Count("id", filter=in_period("starts_at", previous)), b=Count("id", filter=in_period("starts_at", current))
    )
    sessions = [counted["a"], counted["b"]]
    places = [(kind, label) for kind, label in PlaceKind.choices if kind != PlaceKind.OTHER]
    activity = Table(
        key="prevention-sessions",
        title=_("Dialogmøder og steder nået"),
        description=_("Afholdte dialogmøder og de skoler, ungdomsklubber og foreninger, møderne blev holdt på."),
        row_labels=[_("Afholdte dialogmøder")] + [_("%(kind)s nået") % {"kind": label} for _k, label in places],
        values=[sessions] + [[len(reached[kind][0]), len(reached[kind][1])] for kind, _l in places],
        columns=comparison.labels,
        col_totals=False,
    )
    participants = table_of(
        "prevention-participants",
        _("Deltagere efter køn"),
        _("Deltagere i afholdte dialogmøder (tal, aldrig navne)."),
        Gender.choices,
        grouped(
            ParticipantCount.objects.filter(session__in=held),
            "gender",
            sums(comparison, "session__starts_at", "count"),
        ),
        comparison,
        chart="stacked",
    )
    evaluations = Evaluation.objects.filter(session__in=held)
    aggregates = {}
    for tag, period in (("a", previous), ("b", current)):
        when = in_period("session__starts_at", period)
        aggregates[f"{tag}_n"] = Count("id", filter=when)
        for score in ("voice", "learned", "relevant"):
            aggregates[f"{tag}_{score}"] = Avg(f"score_{score}", filter=when)
    row = evaluations.order_by().aggregate(**aggregates)
    rows = [
        Measure(
            _("Antal evalueringer"),
            [str(row[f"{t}_n"]) if enough(row[f"{t}_n"]) or row[f"{t}_n"] == 0 else "< 5" for t in ("a", "b")],
            [row[f"{t}_n"] if enough(row[f"{t}_n"]) else None for t in ("a", "b")],
        )
    ]
    for score, label in (
        ("voice", _("Jeg kunne sige min mening")),
        ("learned", _("Jeg lærte noget nyt")),
        ("relevant", _("Emnet betyder noget for mig")),
    ):
        values = [
            round(row[f"{t}_{score}"], 1) if enough(row[f"{t}_n"]) and row[f"{t}_{score}"] else None for t in "ab"
        ]
        rows.append(Measure(_("Gennemsnit: %(q)s (1–5)") % {"q": label}, [_num(v) for v in values], values))
    scores = Measures(
        key="prevention-evaluations",
        title=_("Evalueringer fra deltagerne"),
        description=_("De anonyme evalueringssedler. Gennemsnit vises kun over mindst 5 besvarelser."),
        columns=comparison.labels,
        rows=rows,
    )
    return Source(key="prevention", title=_("Ung-til-ung dialog"), tables=[activity, participants, scores])


def _num(value) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")
