"""What changed between two versions of an action card: nodes added, removed and changed, field by field."""

from django.utils.translation import gettext as _

from tryg.knowledge.textdiff import change

from .models import CardVersion

NODE_FIELDS = [
    ("title", _("Overskrift")),
    ("text", _("Tekst")),
    ("help", _("Hjælpetekst")),
    ("options", _("Svarmuligheder")),
    ("checklist", _("Tjekliste")),
    ("next", _("Næste punkt")),
    ("actions", _("Det skal du gøre")),
    ("contacts", _("Kontakter")),
    ("provisions", _("Lovgrundlag")),
    ("create_concern", _("Opret bekymring")),
    ("target_group", _("Målgruppe for bekymringen")),
]


def previous_version(version: CardVersion) -> CardVersion | None:
    return (
        CardVersion.objects.filter(card=version.card, number__lt=version.number)
        .select_related("created_by", "published_by")
        .order_by("-number")
        .first()
    )


def _value(node: dict | None, key: str):
    if node is None:
        return None
    value = node.get(key)
    if key == "options" and value:
        return [f"{o['label']} → {o['next']}" for o in value]
    return value


def _node_label(node: dict) -> str:
    return node.get("title") or node.get("text", "")[:80]


def card_changes(old: CardVersion | None, new: CardVersion) -> dict:
    """{"card": [Change], "nodes": [{"id", "label", "status": added|removed|changed, "changes": [Change]}]}."""
    card = [
        c
        for c in (
            change(_("Titel"), old.title if old else None, new.title),
            change(_("Startpunkt"), old.graph.get("start") if old else None, new.graph.get("start")),
            change(_("Målgruppe"), old.graph.get("target_group") if old else None, new.graph.get("target_group")),
        )
        if c is not None
    ]
    old_nodes = old.nodes if old else {}
    new_nodes = new.nodes
    nodes = []
    for key in [*new_nodes, *(k for k in old_nodes if k not in new_nodes)]:
        before, after = old_nodes.get(key), new_nodes.get(key)
        changes = [
            c
            for field, label in NODE_FIELDS
            if (c := change(label, _value(before, field), _value(after, field))) is not None
        ]
        if before is None:
            status = "added"
        elif after is None:
            status = "removed"
        elif changes:
            status = "changed"
        else:
            continue
        nodes.append({"id": key, "label": _node_label(after or before), "status": status, "changes": changes})
    return {"card": card, "nodes": nodes}
