"""The action cards' citations of law, for the law register's checks (see tryg/knowledge/citations.py).

Every outcome node of a published card version cites knowledge entries by slug (`provisions` and
`contacts`). A node shows a repealed provision's successor when it also cites one of its successors.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from tryg.knowledge.citations import Citation, Place
from tryg.knowledge.selectors import visible_entries

from .models import CardVersion


def _place(version: CardVersion, node: dict) -> Place:
    card = version.card
    scope = _("nationalt") if card.is_national else card.municipality.name
    return Place(
        source="actioncards",
        label=_('Handlekort "%(title)s" (%(scope)s, version %(v)s), resultatet "%(node)s"')
        % {"title": version.title, "scope": scope, "v": version.number, "node": node["id"]},
        key=f"card:{card.slug}",
        municipality_id=card.municipality_id,
        url=reverse("actioncards:card-edit", kwargs={"slug": card.slug}),
        edit_label=_("Lav en ny version af kortet"),
    )


def card_citations():
    versions = list(
        CardVersion.objects.filter(status=CardVersion.Status.PUBLISHED).select_related("card", "card__municipality")
    )
    successors: dict[int | None, dict[str, set[str]]] = {}
    for municipality_id in {v.card.municipality_id for v in versions}:
        rows = visible_entries(municipality_id).exclude(successors=[]).values_list("slug", "successors")
        successors[municipality_id] = {slug: set(succ) for slug, succ in rows}
    for version in versions:
        known = successors.get(version.card.municipality_id, {})
        for node in version.graph.get("nodes", []):
            if node.get("kind") != "outcome":
                continue
            cited = list(node.get("provisions") or []) + list(node.get("contacts") or [])
            place = _place(version, node)
            for slug in cited:
                succ = known.get(slug, set())
                yield Citation(place, slug, not succ or bool(succ & set(cited)))
