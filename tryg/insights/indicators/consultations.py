"""THE PLACE FOR the consultation indicators (tryg.coordination, branch `coord`, not on main when this was written):
consultations by asker type and by municipality, anonymous vs named, time to first answer — per municipality for the
coordinator and per region for the security consultants.

Until coordination is merged this returns a pending `Source`. The integrator fills `build` like indicators/cases.py:
grouped counts over both periods in one query per table, medians only over 5 or more (`suppression.enough`), every
count through `Table`."""

from django.utils.translation import gettext as _

from ..periods import Comparison
from . import Scope, Source


def build(scope: Scope, comparison: Comparison) -> Source:
    return Source(
        key="consultations",
        title=_("Rådgivning fra sikkerhedskonsulenterne"),
        pending=True,
        note=_(
            "Henvendelser efter spørgertype og kommune, anonyme og navngivne, og tid til første svar vises her, når "
            "modulet til rådgivning er taget i brug."
        ),
    )
