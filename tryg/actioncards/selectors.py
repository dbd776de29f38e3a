"""Reads that cross relations: the card list, a version as a readable outline, walk summaries."""

from django.db.models import Prefetch

from .knowledge_links import entries_for
from .models import ActionCard, CardVersion, Walk


def walkable_cards(user) -> list[dict]:
    """Published cards the user may walk: national plus their own municipality's (own wins on a slug)."""
    cards = (
        ActionCard.objects.visible_to(user)
        .filter(versions__status=CardVersion.Status.PUBLISHED)
        .select_related("municipality")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=CardVersion.objects.filter(status=CardVersion.Status.PUBLISHED).only(
                    "id", "card_id", "number", "published_at", "title"
                ),
                to_attr="published",
            )
        )
        .order_by("title")
    )
    by_slug: dict[str, ActionCard] = {}
    for card in cards:
        if card.slug not in by_slug or card.municipality_id is not None:
            by_slug[card.slug] = card
    out = [{"card": c, "version": c.published[0]} for c in by_slug.values()]
    return sorted(out, key=lambda item: item["card"].title)


def node_label(node: dict) -> str:
    if node["kind"] == "question":
        return node["text"]
    if node["kind"] == "instruction":
        return node.get("title") or node["text"]
    return node["title"]


def version_outline(version: CardVersion) -> list[dict]:
    """The whole flow in reading order (breadth first from the start), numbered, with where each option leads."""
    nodes = version.nodes
    order: list[str] = []
    seen = set()
    queue = [version.start]
    while queue:
        key = queue.pop(0)
        if key in seen or key not in nodes:
            continue
        seen.add(key)
        order.append(key)
        node = nodes[key]
        if node["kind"] == "question":
            queue.extend(o["next"] for o in node["options"])
        elif node["kind"] == "instruction":
            queue.append(node["next"])
    number = {key: index for index, key in enumerate(order, start=1)}
    out = []
    for key in order:
        node = nodes[key]
        item = {"number": number[key], "node": node, "label": node_label(node)}
        if node["kind"] == "question":
            item["options"] = [
                {"label": o["label"], "target": number[o["next"]], "target_label": node_label(nodes[o["next"]])}
                for o in node["options"]
            ]
        elif node["kind"] == "instruction":
            item["next"] = {"target": number[node["next"]], "target_label": node_label(nodes[node["next"]])}
        out.append(item)
    return out


def entry_dict(slug: str, entry) -> dict:
    """A cited knowledge entry for display: title/label, link, contact details and what superseded it."""
    if entry is None:
        return {"slug": slug, "title": slug, "label": slug, "url": "", "missing": True, "superseded_by": None}
    data = {
        "slug": slug,
        "title": entry.title,
        "label": getattr(entry, "display_label", "") or entry.title,
        "url": entry.get_absolute_url(),
        "missing": False,
        "phone": getattr(entry, "phone", "") or "",
        "hours": getattr(entry, "hours", "") or "",
        "audience": getattr(entry, "audience", "") or "",
        "address": getattr(entry, "address", "") or "",
        "superseded_by": None,
    }
    if getattr(entry, "is_superseded", False):
        replacement = getattr(entry, "superseded_by_entry", None)
        data["superseded_by"] = {
            "label": getattr(entry, "replacement_label", "") or getattr(entry, "superseded_by", ""),
            "url": replacement.get_absolute_url() if replacement is not None else "",
            "entries": [
                {"label": e.display_label, "url": e.get_absolute_url()} for e in getattr(entry, "successor_entries", [])
            ],
        }
    return data


def outcome_details(node: dict, municipality) -> dict:
    """An outcome with its contacts and provisions resolved for `municipality` (own contacts win)."""
    slugs = list(node.get("contacts", [])) + list(node.get("provisions", []))
    entries = entries_for(municipality, slugs)
    return {
        "node": node,
        "contacts": [entry_dict(s, entries.get(s)) for s in node.get("contacts", [])],
        "provisions": [entry_dict(s, entries.get(s)) for s in node.get("provisions", [])],
    }


def outline_with_entries(version: CardVersion, municipality) -> list[dict]:
    """The outline with every outcome's contacts and provisions resolved in one look-up."""
    outline = version_outline(version)
    outcomes = [item for item in outline if item["node"]["kind"] == "outcome"]
    slugs = [s for item in outcomes for s in item["node"]["contacts"] + item["node"]["provisions"]]
    entries = entries_for(municipality, slugs)
    for item in outcomes:
        item["contacts"] = [entry_dict(s, entries.get(s)) for s in item["node"]["contacts"]]
        item["provisions"] = [entry_dict(s, entries.get(s)) for s in item["node"]["provisions"]]
    return outline


def walk_summary(walk: Walk) -> dict:
    """What another app (cases) needs to pre-fill a concern from a walk. Contains no personal data."""
    version = walk.card_version
    answers = [
        {"question": a.question, "answer": a.option_label, "at": a.answered_at, "instruction": a.option_id == "next"}
        for a in walk.answers.all()
    ]
    outcome = None
    if walk.is_finished and (node := version.node(walk.outcome_node)):
        outcome = {
            "title": node["title"],
            "text": node["text"],
            "actions": list(node.get("actions", [])),
            "create_concern": bool(node.get("create_concern")),
            "target_group": node.get("target_group", ""),
        }
    return {
        "card_title": version.title,
        "card_slug": version.card.slug,
        "version": version.number,
        "answers": answers,
        "outcome": outcome,
    }


def my_walks(user, *, limit: int = 50) -> list[Walk]:
    return list(
        Walk.objects.filter(user=user)
        .select_related("card_version", "card_version__card")
        .order_by("-started_at")[:limit]
    )
