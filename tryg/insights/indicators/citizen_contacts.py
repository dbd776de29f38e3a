"""Citizen contacts (tryg.public): anonymous threads opened on the citizens' site, answered within 1 working day,
turned into a concern. Aggregates only; a fixed number of queries (threads are few: the working-day rule is applied
to their two timestamps in Python)."""

from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.cases.clocks import add_working_days
from tryg.coordination.models import Message
from tryg.public.models import Thread

from ..periods import Comparison
from ..suppression import share_of_counts
from . import Measure, Measures, Scope, Source, Table
from ._common import in_either


def _answered_in_time(created: datetime, answered: datetime | None) -> bool:
    if answered is None:
        return False
    limit = add_working_days(timezone.localtime(created), 1)
    return timezone.localtime(answered).date() <= limit


def build(scope: Scope, comparison: Comparison) -> Source:
    threads = Thread.objects.filter(in_either("created_at", comparison))
    if scope.is_region:
        threads = threads.filter(consultation__region_id=scope.region_id)
    else:
        threads = threads.filter(consultation__municipality_id__in=scope.municipality_ids)
    first = Subquery(
        Message.objects.filter(consultation=OuterRef("consultation_id"), from_asker=False)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    opened, in_time, concerns = [0, 0], [0, 0], [0, 0]
    previous, current = comparison.periods
    for created, answered, concern_id in threads.annotate(first=first).values_list(
        "created_at", "first", "consultation__concern_id"
    ):
        i = 1 if created >= current.start else 0
        opened[i] += 1
        in_time[i] += _answered_in_time(created, answered)
        concerns[i] += concern_id is not None
    table = Table(
        key="citizen-threads",
        title=_("Anonyme henvendelser fra borgere"),
        description=_(
            "Tråde oprettet på borgersiden; heraf besvaret inden for 1 hverdag og blevet til en underretning."
        ),
        row_labels=[
            _("Tråde oprettet"),
            _("Heraf besvaret inden for 1 hverdag"),
            _("Heraf blevet til en underretning"),
        ],
        values=[opened, in_time, concerns],
        columns=comparison.labels,
        col_totals=False,
    )
    shares = [share_of_counts(in_time[i], opened[i]) for i in (0, 1)]
    measures = Measures(
        key="citizen-threads-share",
        title=_("Svar inden for 1 hverdag"),
        description=_(
            "Andelen af trådene, der fik svar inden for 1 hverdag. Vises ikke, hvis den afslører et lille tal."
        ),
        columns=comparison.labels,
        rows=[
            Measure(
                _("Besvaret inden for 1 hverdag"),
                [f"{s} %" if s is not None else "–" for s in shares],
                shares,
                gauge=True,
            )
        ],
    )
    return Source(key="citizen_contacts", title=_("Borgerhenvendelser"), tables=[table, measures])
