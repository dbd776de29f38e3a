"""THE PLACE FOR the citizen-contact indicators (tryg.public, branch `public`, not on main when this was written):
threads opened, answered within 1 working day, turned into concerns.

Until the public site's contact threads are merged this returns a pending `Source`; the integrator fills `build`
like indicators/cases.py (shares through `suppression.share_of_counts`)."""

from django.utils.translation import gettext as _

from ..periods import Comparison
from . import Scope, Source


def build(scope: Scope, comparison: Comparison) -> Source:
    return Source(
        key="citizen_contacts",
        title=_("Borgerhenvendelser"),
        pending=True,
        note=_(
            "Tråde oprettet af borgere, besvaret inden for 1 hverdag og blevet til en underretning, vises her, når den "
            "anonyme kontakt på borgersiden er taget i brug."
        ),
    )
