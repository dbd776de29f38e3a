"""A card as data: reading and writing YAML, and validating the decision graph.

A card document looks like this (the node list keeps its order, so duplicate ids can be found):

    slug: bekymring-barn
    title: Bekymring for et barn
    target_group: child            # child | adult | all
    start: samtale
    nodes:
      - id: samtale
        kind: question             # question | instruction | outcome
        text: Har du talt med din leder?
        help: (optional hint)
        options:
          - {id: ja, label: Ja, next: raad}
      - id: raad
        kind: instruction
        title: Søg råd
        text: ...
        checklist: [..., ...]
        next: underret
      - id: underret
        kind: outcome
        title: Underret kommunen
        text: ...
        actions: [..., ...]
        contacts: [knowledge slugs]
        provisions: [knowledge slugs]
        create_concern: true
        target_group: child        # child | adult | "" (for the concern form)

Validation collects every problem, each message naming the node, so a tovholder can fix them all at once.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from django.utils.translation import gettext as _

MAX_YAML_BYTES = 256 * 1024
MAX_NODES = 500
MAX_TEXT = 5000
MAX_LABEL = 300
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
RESERVED_SLUGS = {"walks", "manage", "import"}
KINDS = ("question", "instruction", "outcome")
CARD_TARGET_GROUPS = ("child", "adult", "all")
OUTCOME_TARGET_GROUPS = ("child", "adult", "")
NODE_FIELDS = {
    "question": {"id", "kind", "text", "help", "options"},
    "instruction": {"id", "kind", "title", "text", "checklist", "next"},
    "outcome": {
        "id",
        "kind",
        "title",
        "text",
        "actions",
        "contacts",
        "provisions",
        "create_concern",
        "target_group",
    },
}
TOP_FIELDS = {"slug", "title", "target_group", "start", "nodes"}


class CardError(Exception):
    """A card that cannot be used. `messages` lists every problem found, in Danish."""

    def __init__(self, messages: list[str]):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class CardDocument:
    slug: str
    title: str
    target_group: str
    graph: dict  # {"start": id, "nodes": [node, ...]}


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases (they can blow a small file up into a huge structure)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, _("henvisninger (aliaser) er ikke tilladt i et handlekort"), event.start_mark
            )
        return super().compose_node(parent, index)


def parse_yaml(text: str | bytes) -> dict:
    """Read a YAML card document; a syntax error becomes one clear message with the line."""
    if isinstance(text, bytes):
        if len(text) > MAX_YAML_BYTES:
            raise CardError([_("Filen er for stor (højst %(kb)s kB).") % {"kb": MAX_YAML_BYTES // 1024}])
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CardError([_("Filen er ikke en tekstfil i UTF-8.")]) from exc
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise CardError([_("Teksten er for lang (højst %(kb)s kB).") % {"kb": MAX_YAML_BYTES // 1024}])
    if not text.strip():
        raise CardError([_("Der er ikke noget indhold. Indsæt et handlekort i YAML.")])
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (
            _(" (linje %(line)s, kolonne %(col)s)") % {"line": mark.line + 1, "col": mark.column + 1} if mark else ""
        )
        problem = exc.problem or exc.context or ""
        raise CardError(
            [_("Teksten er ikke gyldig YAML%(where)s: %(problem)s.") % {"where": where, "problem": problem}]
        ) from exc
    except yaml.YAMLError as exc:
        raise CardError([_("Teksten er ikke gyldig YAML.")]) from exc
    if not isinstance(data, dict):
        raise CardError(
            [
                _(
                    "Et handlekort skal være en samling af felter (slug, title, start, nodes), "
                    "ikke en liste eller en tekst."
                )
            ]
        )
    return data


def _is_text(value, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= limit


def _text_list(value) -> bool:
    return isinstance(value, list) and all(_is_text(v, MAX_LABEL * 2) for v in value)


def _slug_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and SLUG_RE.match(v) for v in value)


def successors(node: dict) -> list[str]:
    if node.get("kind") == "question":
        return [opt.get("next") for opt in node.get("options") or [] if isinstance(opt, dict)]
    if node.get("kind") == "instruction":
        return [node.get("next")]
    return []


def _check_node(node: dict, errors: list[str]) -> None:
    nid = node["id"]
    kind = node.get("kind")
    for key in sorted(set(node) - NODE_FIELDS[kind]):
        errors.append(_('Punktet "%(node)s" har et ukendt felt "%(field)s".') % {"node": nid, "field": key})
    if kind == "question":
        if not _is_text(node.get("text")):
            errors.append(_('Spørgsmålet "%(node)s" mangler tekst.') % {"node": nid})
        if "help" in node and not _is_text(node.get("help")):
            errors.append(_('Spørgsmålet "%(node)s" har en tom eller for lang hjælpetekst.') % {"node": nid})
        options = node.get("options")
        if not isinstance(options, list) or len(options) < 2:
            errors.append(_('Spørgsmålet "%(node)s" skal have mindst to svarmuligheder.') % {"node": nid})
            return
        seen = set()
        for index, opt in enumerate(options, start=1):
            if not isinstance(opt, dict):
                errors.append(
                    _('Svarmulighed nr. %(n)s i spørgsmålet "%(node)s" er ikke udfyldt rigtigt.')
                    % {"n": index, "node": nid}
                )
                continue
            oid = opt.get("id")
            if not isinstance(oid, str) or not ID_RE.match(oid):
                errors.append(
                    _(
                        'Svarmulighed nr. %(n)s i spørgsmålet "%(node)s" mangler et gyldigt id '
                        "(små bogstaver, tal, - og _)."
                    )
                    % {"n": index, "node": nid}
                )
                continue
            if oid in seen:
                errors.append(
                    _('Spørgsmålet "%(node)s" har svarmuligheden "%(opt)s" flere gange.') % {"node": nid, "opt": oid}
                )
            seen.add(oid)
            for key in sorted(set(opt) - {"id", "label", "next"}):
                errors.append(
                    _('Svarmuligheden "%(opt)s" i spørgsmålet "%(node)s" har et ukendt felt "%(field)s".')
                    % {"opt": oid, "node": nid, "field": key}
                )
            if not _is_text(opt.get("label"), MAX_LABEL):
                errors.append(
                    _('Svarmuligheden "%(opt)s" i spørgsmålet "%(node)s" mangler tekst.') % {"opt": oid, "node": nid}
                )
            if not isinstance(opt.get("next"), str) or not opt.get("next"):
                errors.append(
                    _('Svarmuligheden "%(opt)s" i spørgsmålet "%(node)s" fører ingen steder hen (mangler "next").')
                    % {"opt": oid, "node": nid}
                )
    elif kind == "instruction":
        if not _is_text(node.get("text")):
            errors.append(_('Instruktionen "%(node)s" mangler tekst.') % {"node": nid})
        if "title" in node and not _is_text(node.get("title"), MAX_LABEL):
            errors.append(_('Instruktionen "%(node)s" har en tom eller for lang overskrift.') % {"node": nid})
        if "checklist" in node and not _text_list(node.get("checklist")):
            errors.append(_('Tjeklisten i instruktionen "%(node)s" skal være en liste af tekster.') % {"node": nid})
        if not isinstance(node.get("next"), str) or not node.get("next"):
            errors.append(_('Instruktionen "%(node)s" fører ingen steder hen (mangler "next").') % {"node": nid})
    else:
        if not _is_text(node.get("title"), MAX_LABEL):
            errors.append(_('Resultatet "%(node)s" mangler en overskrift.') % {"node": nid})
        if not _is_text(node.get("text")):
            errors.append(_('Resultatet "%(node)s" mangler tekst.') % {"node": nid})
        if "actions" in node and not _text_list(node.get("actions")):
            errors.append(_('Handlingerne i resultatet "%(node)s" skal være en liste af tekster.') % {"node": nid})
        for key in ("contacts", "provisions"):
            if key in node and not _slug_list(node.get(key)):
                errors.append(
                    _('Feltet "%(field)s" i resultatet "%(node)s" skal være en liste af id\'er fra hjælperedskabet.')
                    % {"field": key, "node": nid}
                )
        if "create_concern" in node and not isinstance(node.get("create_concern"), bool):
            errors.append(
                _('Feltet "create_concern" i resultatet "%(node)s" skal være true eller false.') % {"node": nid}
            )
        if node.get("target_group", "") not in OUTCOME_TARGET_GROUPS:
            errors.append(
                _('Resultatet "%(node)s" har en ukendt målgruppe (brug child, adult eller tom).') % {"node": nid}
            )


def _find_cycle(start: str, nodes: dict[str, dict]) -> list[str] | None:
    """Return one cycle reachable from start as a path [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []
    stack = [(start, iter(successors(nodes[start])))]
    state[start] = 1
    path.append(start)
    while stack:
        key, children = stack[-1]
        advanced = False
        for child in children:
            if child not in nodes:
                continue
            if state.get(child) == 1:
                return path[path.index(child) :] + [child]
            if child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(successors(nodes[child]))))
                advanced = True
                break
        if not advanced:
            state[key] = 2
            path.pop()
            stack.pop()
    return None


def _reachable(start: str, nodes: dict[str, dict]) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for child in successors(nodes[todo.pop()]):
            if child in nodes and child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def validate_document(data: dict, *, known_slugs: Callable[[set[str]], set[str] | None] | None = None) -> CardDocument:
    """Check a parsed card document and return it normalised; raise CardError listing every problem.

    `known_slugs(slugs)` returns which of the cited knowledge slugs exist, or None when the knowledge
    base is not loaded (then citations are not checked).
    """
    errors: list[str] = []
    for key in sorted(set(data) - TOP_FIELDS, key=str):
        errors.append(_('Handlekortet har et ukendt felt "%(field)s".') % {"field": key})
    slug = data.get("slug")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        errors.append(_('Handlekortet mangler et gyldigt "slug" (små bogstaver, tal og bindestreg).'))
    elif slug in RESERVED_SLUGS:
        errors.append(_('"%(slug)s" er reserveret og kan ikke bruges som slug.') % {"slug": slug})
    title = data.get("title")
    if not _is_text(title, 200):
        errors.append(_('Handlekortet mangler en titel ("title", højst 200 tegn).'))
    target_group = data.get("target_group", "all")
    if target_group not in CARD_TARGET_GROUPS:
        errors.append(_("Handlekortets målgruppe skal være child, adult eller all."))
    raw_nodes = data.get("nodes")
    if not isinstance(raw_nodes, list) or not raw_nodes:
        errors.append(_('Handlekortet har ingen punkter ("nodes" skal være en liste).'))
        raise CardError(errors)
    if len(raw_nodes) > MAX_NODES:
        errors.append(_("Handlekortet har for mange punkter (højst %(max)s).") % {"max": MAX_NODES})
        raise CardError(errors)

    nodes: dict[str, dict] = {}
    for index, node in enumerate(raw_nodes, start=1):
        if not isinstance(node, dict):
            errors.append(_("Punkt nr. %(n)s er ikke udfyldt som et punkt med felter.") % {"n": index})
            continue
        nid = node.get("id")
        if not isinstance(nid, str) or not ID_RE.match(nid):
            errors.append(_("Punkt nr. %(n)s mangler et gyldigt id (små bogstaver, tal, - og _).") % {"n": index})
            continue
        if nid in nodes:
            errors.append(_('Punktet "%(node)s" findes flere gange (id\'er skal være unikke).') % {"node": nid})
            continue
        if node.get("kind") not in KINDS:
            errors.append(
                _('Punktet "%(node)s" har en ukendt type "%(kind)s" (brug question, instruction eller outcome).')
                % {"node": nid, "kind": node.get("kind", "")}
            )
            continue
        nodes[nid] = node
        _check_node(node, errors)

    start = data.get("start")
    if not isinstance(start, str) or not start:
        errors.append(_('Handlekortet mangler et startpunkt ("start").'))
    elif start not in nodes:
        errors.append(_('Startpunktet "%(node)s" findes ikke.') % {"node": start})
    for nid, node in nodes.items():
        if node["kind"] == "question":
            for opt in node.get("options") or []:
                if (
                    isinstance(opt, dict)
                    and isinstance(opt.get("next"), str)
                    and opt["next"]
                    and opt["next"] not in nodes
                ):
                    errors.append(
                        _('Svarmuligheden "%(opt)s" i spørgsmålet "%(node)s" fører til "%(target)s", som ikke findes.')
                        % {"opt": opt.get("id"), "node": nid, "target": opt["next"]}
                    )
        elif node["kind"] == "instruction":
            target = node.get("next")
            if isinstance(target, str) and target and target not in nodes:
                errors.append(
                    _('Instruktionen "%(node)s" fører til "%(target)s", som ikke findes.')
                    % {"node": nid, "target": target}
                )
    if isinstance(start, str) and start in nodes:
        reachable = _reachable(start, nodes)
        for nid in nodes:
            if nid not in reachable:
                errors.append(_('Punktet "%(node)s" kan ikke nås fra startpunktet.') % {"node": nid})
        cycle = _find_cycle(start, nodes)
        if cycle:
            errors.append(
                _('Punktet "%(node)s" fører i ring (%(path)s); ethvert forløb skal ende i et resultat.')
                % {"node": cycle[0], "path": " → ".join(cycle)}
            )
        if not any(nodes[n]["kind"] == "outcome" for n in reachable):
            errors.append(_("Handlekortet har intet resultat, som kan nås fra startpunktet."))

    if not errors and known_slugs is not None:
        cited: dict[str, list[tuple[str, str]]] = {}
        for nid, node in nodes.items():
            if node["kind"] == "outcome":
                for key in ("contacts", "provisions"):
                    for slug_ in node.get(key) or []:
                        cited.setdefault(slug_, []).append((nid, key))
        if cited:
            known = known_slugs(set(cited))
            if known is not None:
                for slug_, places in cited.items():
                    if slug_ in known:
                        continue
                    for nid, key in places:
                        if key == "contacts":
                            msg = _(
                                'Resultatet "%(node)s" henviser til kontakten "%(slug)s", '
                                "som ikke findes i hjælperedskabet."
                            )
                        else:
                            msg = _(
                                'Resultatet "%(node)s" henviser til bestemmelsen "%(slug)s", '
                                "som ikke findes i hjælperedskabet."
                            )
                        errors.append(msg % {"node": nid, "slug": slug_})
    if errors:
        raise CardError(errors)
    return CardDocument(
        slug=slug,
        title=title.strip(),
        target_group=target_group,
        graph={"start": start, "nodes": _normalise(raw_nodes)},
    )


def _normalise(raw_nodes: list[dict]) -> list[dict]:
    out = []
    for node in raw_nodes:
        kind = node["kind"]
        if kind == "question":
            item = {"id": node["id"], "kind": kind, "text": node["text"].strip()}
            if node.get("help"):
                item["help"] = node["help"].strip()
            item["options"] = [{"id": o["id"], "label": o["label"].strip(), "next": o["next"]} for o in node["options"]]
        elif kind == "instruction":
            item = {"id": node["id"], "kind": kind}
            if node.get("title"):
                item["title"] = node["title"].strip()
            item["text"] = node["text"].strip()
            item["checklist"] = [c.strip() for c in node.get("checklist") or []]
            item["next"] = node["next"]
        else:
            item = {
                "id": node["id"],
                "kind": kind,
                "title": node["title"].strip(),
                "text": node["text"].strip(),
                "actions": [a.strip() for a in node.get("actions") or []],
                "contacts": list(node.get("contacts") or []),
                "provisions": list(node.get("provisions") or []),
                "create_concern": bool(node.get("create_concern", False)),
                "target_group": node.get("target_group", ""),
            }
        out.append(item)
    return out


def load_card(text: str | bytes, *, known_slugs=None) -> CardDocument:
    return validate_document(parse_yaml(text), known_slugs=known_slugs)


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_card(*, slug: str, title: str, target_group: str, graph: dict) -> str:
    """The YAML document for a card version (what `load_card` reads back unchanged)."""
    doc = {"slug": slug, "title": title, "target_group": target_group, "start": graph["start"], "nodes": graph["nodes"]}
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
