"""THE PLACE FOR the risk indicators (tryg.risk, branch `risk`, not on main when this was written): cases with a risk
assessment, with a safety plan, referred to a (multi-agency) meeting, and risk levels at the latest assessment.

Until the risk app is merged this returns a pending `Source`, so the page says where the numbers will come. The
integrator replaces `build` with grouped counts over the risk models, following indicators/cases.py: one query per
table, conditional aggregation over both periods, every count through `Table` (and so through suppression)."""

from django.utils.translation import gettext as _

from ..periods import Comparison
from . import Scope, Source


def build(scope: Scope, comparison: Comparison) -> Source:
    return Source(
        key="risk",
        title=_("Risikovurderinger og sikkerhedsplaner"),
        pending=True,
        note=_(
            "Sager med risikovurdering, med sikkerhedsplan og henvist til netværksmøde, og risikoniveau ved seneste "
            "vurdering, vises her, når modulet til risikovurderinger er taget i brug."
        ),
    )
