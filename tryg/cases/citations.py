"""The case flow's labels that cite law, for the law register's checks (see tryg/knowledge/citations.py).

The legal clocks of a concern rest on barnets lov: the 24-hour assessment on § 136 and the receipt to a
professional notifier within 6 working days on § 138. If either provision is repealed, `content_check`
names the clock, so the code and its labels are changed with the law.
"""

from django.utils.translation import gettext_lazy as _

from tryg.knowledge.citations import Citation, Place, clock_label, register_citation_source

CLOCK_PROVISIONS = {
    "assessment": ("barnets-lov-136", _("Vurdering inden 24 timer")),
    "receipt": ("barnets-lov-138", _("Kvittering inden 6 hverdage")),
}


def clock_citations():
    for kind, (slug, label) in CLOCK_PROVISIONS.items():
        place = Place(source="cases", label=clock_label(str(label)), key=f"clock:{kind}")
        yield Citation(place, slug, False)


register_citation_source("cases", clock_citations)
