"""An instrument as data: reading, validating and writing its YAML (the approach of the action cards).

    slug: tryg-screening
    title: Screening for æresrelateret risiko
    kind: checklist                # checklist | judgement
    description: (optional)
    scale:                         # the answers of every item (a checklist: exactly ja and nej)
      - {value: ja, label: Ja}
      - {value: nej, label: Nej}
    periods: [present]             # present | past (a judgement rates both)
    threshold: {high: 10, medium: 5}   # a checklist only: how many "ja" answers mark the level
    domains:
      - id: vold
        title: Volden
        items:
          - {id: v1, text: ..., help: ...}
    judgements:                    # summary judgements (a judgement only)
      - {id: alvorlig-vold, text: ..., answer: level}   # level | text
    scenarios: true                # a judgement only: scenarios rated low/medium/high with protective measures

Validation collects every problem, each naming where it is, so the whole file can be fixed at once. There is
deliberately no total score for a judgement: its level is the assessor's summary judgement.
"""

import re

import yaml
from django.utils.translation import gettext as _

MAX_YAML_BYTES = 128 * 1024
MAX_ITEMS = 200
MAX_TEXT = 3000
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
KINDS = ("checklist", "judgement")
PERIODS = ("present", "past")
ANSWERS = ("level", "text")
# The top-level fields, in the order an export writes them.
TOP_ORDER = (
    "slug",
    "title",
    "kind",
    "description",
    "scale",
    "periods",
    "threshold",
    "domains",
    "judgements",
    "scenarios",
)
TOP_FIELDS = set(TOP_ORDER)
ITEM_FIELDS = {"id", "text", "help"}
DOMAIN_FIELDS = {"id", "title", "items"}
JUDGEMENT_FIELDS = {"id", "text", "help", "answer"}


class InstrumentError(Exception):
    """An instrument that cannot be used. `messages` lists every problem found, in Danish."""

    def __init__(self, messages: list[str]):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases (a small file could expand into a huge structure)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, _("henvisninger (aliaser) er ikke tilladt"), event.start_mark)
        return super().compose_node(parent, index)


def parse_yaml(text: str | bytes) -> dict:
    if isinstance(text, bytes):
        if len(text) > MAX_YAML_BYTES:
            raise InstrumentError([_("Filen er for stor (højst %(kb)s kB).") % {"kb": MAX_YAML_BYTES // 1024}])
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InstrumentError([_("Filen er ikke en tekstfil i UTF-8.")]) from exc
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise InstrumentError([_("Teksten er for lang (højst %(kb)s kB).") % {"kb": MAX_YAML_BYTES // 1024}])
    if not text.strip():
        raise InstrumentError([_("Der er ikke noget indhold.")])
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _(" (linje %(line)s)") % {"line": mark.line + 1} if mark else ""
        raise InstrumentError([_("Teksten er ikke gyldig YAML%(where)s.") % {"where": where}]) from exc
    if not isinstance(data, dict):
        raise InstrumentError([_("Et redskab skal være en YAML-ordbog med slug, title, kind og domains.")])
    return data


def _text(value, where: str, errors: list, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    if value is None or value == "":
        if required:
            errors.append(_("%(where)s mangler tekst.") % {"where": where})
        return ""
    if not isinstance(value, str):
        errors.append(_("%(where)s skal være tekst.") % {"where": where})
        return ""
    if len(value) > limit:
        errors.append(_("%(where)s er for lang (højst %(n)s tegn).") % {"where": where, "n": limit})
    return value.strip()


def _unknown(data: dict, allowed: set, where: str, errors: list) -> None:
    extra = sorted(str(k) for k in data if k not in allowed)
    if extra:
        errors.append(_("%(where)s: ukendte felter: %(f)s.") % {"where": where, "f": ", ".join(extra)})


def _id(value, where: str, seen: set, errors: list) -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        errors.append(_("%(where)s: id skal være små bogstaver, tal, - eller _.") % {"where": where})
        return ""
    if value in seen:
        errors.append(_("%(where)s: id %(id)s findes to gange.") % {"where": where, "id": value})
    seen.add(value)
    return value


def validate(data: dict) -> dict:
    """The document as a clean definition, or InstrumentError listing every problem."""
    errors: list[str] = []
    _unknown(data, TOP_FIELDS, _("Redskabet"), errors)
    slug = data.get("slug")
    if not isinstance(slug, str) or not re.match(r"^[a-z0-9][a-z0-9-]{0,79}$", slug):
        errors.append(_("slug skal være små bogstaver, tal og bindestreger."))
    title = _text(data.get("title"), "title", errors, limit=200)
    kind = data.get("kind")
    if kind not in KINDS:
        errors.append(_("kind skal være checklist eller judgement."))
    out = {
        "slug": slug,
        "title": title,
        "kind": kind,
        "description": _text(data.get("description"), "description", errors, required=False),
    }

    scale = data.get("scale")
    clean_scale = []
    if not isinstance(scale, list) or not scale:
        errors.append(_("scale skal være en liste af svar med value og label."))
    else:
        seen: set = set()
        for i, option in enumerate(scale, 1):
            where = _("scale nr. %(n)s") % {"n": i}
            if not isinstance(option, dict):
                errors.append(_("%(where)s skal have value og label.") % {"where": where})
                continue
            _unknown(option, {"value", "label"}, where, errors)
            value = _id(option.get("value"), where, seen, errors)
            clean_scale.append({"value": value, "label": _text(option.get("label"), where, errors, limit=80)})
    out["scale"] = clean_scale
    values = [o["value"] for o in clean_scale]

    periods = data.get("periods", ["present"])
    if (
        not isinstance(periods, list)
        or not periods
        or any(p not in PERIODS for p in periods)
        or len(set(periods)) != len(periods)
    ):
        errors.append(_("periods skal være en liste med present og/eller past."))
        periods = ["present"]
    out["periods"] = [p for p in PERIODS if p in periods]

    domains = data.get("domains")
    clean_domains, item_ids, domain_ids = [], set(), set()
    if not isinstance(domains, list) or not domains:
        errors.append(_("domains skal være en liste med mindst ét domæne."))
        domains = []
    count = 0
    for d, domain in enumerate(domains, 1):
        where = _("domæne nr. %(n)s") % {"n": d}
        if not isinstance(domain, dict):
            errors.append(_("%(where)s skal have id, title og items.") % {"where": where})
            continue
        _unknown(domain, DOMAIN_FIELDS, where, errors)
        did = _id(domain.get("id"), where, domain_ids, errors)
        items = domain.get("items")
        clean_items = []
        if not isinstance(items, list) or not items:
            errors.append(_("%(where)s har ingen punkter (items).") % {"where": where})
            items = []
        for n, item in enumerate(items, 1):
            iwhere = _("%(where)s, punkt nr. %(n)s") % {"where": where, "n": n}
            if not isinstance(item, dict):
                errors.append(_("%(where)s skal have id og text.") % {"where": iwhere})
                continue
            _unknown(item, ITEM_FIELDS, iwhere, errors)
            clean_items.append(
                {
                    "id": _id(item.get("id"), iwhere, item_ids, errors),
                    "text": _text(item.get("text"), iwhere, errors, limit=500),
                    "help": _text(item.get("help"), iwhere, errors, required=False),
                }
            )
            count += 1
        clean_domains.append(
            {"id": did, "title": _text(domain.get("title"), where, errors, limit=200), "items": clean_items}
        )
    if count > MAX_ITEMS:
        errors.append(_("Redskabet har for mange punkter (højst %(n)s).") % {"n": MAX_ITEMS})
    out["domains"] = clean_domains

    if kind == "checklist":
        if sorted(values) != ["ja", "nej"]:
            errors.append(_("En screeningsliste skal have svarene ja og nej."))
        if out["periods"] != ["present"]:
            errors.append(_("En screeningsliste vurderer kun nu (periods: [present])."))
        threshold = data.get("threshold")
        if not isinstance(threshold, dict) or set(threshold) != {"high", "medium"}:
            errors.append(_("threshold skal have high og medium (antal ja-svar)."))
        else:
            high, medium = threshold.get("high"), threshold.get("medium")
            if not all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= count for v in (high, medium)):
                errors.append(_("threshold skal være hele tal mellem 1 og antallet af punkter."))
            elif medium >= high:
                errors.append(_("threshold: medium skal være mindre end high."))
            else:
                out["threshold"] = {"high": high, "medium": medium}
        for key in ("judgements", "scenarios"):
            if key in data:
                errors.append(_("En screeningsliste har ikke %(k)s.") % {"k": key})
    elif kind == "judgement":
        if "threshold" in data:
            errors.append(_("En struktureret vurdering har ingen tærskel og ingen samlet score."))
        judgements = data.get("judgements")
        clean_j, jids = [], set()
        if not isinstance(judgements, list) or not judgements:
            errors.append(_("judgements skal være en liste af sammenfattende vurderinger."))
            judgements = []
        for n, j in enumerate(judgements, 1):
            where = _("vurdering nr. %(n)s") % {"n": n}
            if not isinstance(j, dict):
                errors.append(_("%(where)s skal have id, text og answer.") % {"where": where})
                continue
            _unknown(j, JUDGEMENT_FIELDS, where, errors)
            answer = j.get("answer", "level")
            if answer not in ANSWERS:
                errors.append(_("%(where)s: answer skal være level eller text.") % {"where": where})
            clean_j.append(
                {
                    "id": _id(j.get("id"), where, jids, errors),
                    "text": _text(j.get("text"), where, errors, limit=300),
                    "help": _text(j.get("help"), where, errors, required=False),
                    "answer": answer,
                }
            )
        out["judgements"] = clean_j
        out["scenarios"] = bool(data.get("scenarios", False))
    if errors:
        raise InstrumentError(errors)
    return out


def load(text: str | bytes) -> dict:
    return validate(parse_yaml(text))


def dump(definition: dict) -> str:
    """The definition as YAML (what `risk_export` prints); load(dump(d)) == d."""
    doc = {k: definition[k] for k in TOP_ORDER if k in definition and definition[k] not in ("", None)}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110)
