"""Registries that higher apps (coordination, risk, public, …) fill from their AppConfig.ready(), so cases
never names them.

- Case page panels: `register_case_panel(CasePanel(...))`. A panel is a template of the higher app rendered
  on the case page in one of three places: "header" (a fact beside status and clocks, e.g. the risk level),
  "main" (below the timeline) or "side" (the side column, below the team and tasks). Its `context(user, case,
  readonly)` returns the template's context or None to leave the panel out; it runs once per page, so it must
  use a fixed number of queries.
- Case actions: `register_case_action(CaseAction(...))`, a button among the case header's actions.
- Family-action guards: `register_family_action_guard(fn)`. Before an action that involves the parents or
  the network of the person (a contact through the family, a letter or a meeting invitation to them), cases
  asks every guard `fn(case) -> str | None`; a reason blocks the action and is shown (barnets lov § 18,
  stk. 3: in an honour-related case, a risk assessment comes first).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch


@dataclass(frozen=True)
class CasePanel:
    key: str  # unique; also the id prefix of the panel's markup
    template: str
    context: Callable  # (user, case, readonly: bool) -> dict | None
    place: str = "side"  # "header", "main" or "side"
    order: int = 100


@dataclass(frozen=True)
class CaseAction:
    key: str
    label: str
    url: Callable  # (case) -> str
    roles: tuple[str, ...] = field(default_factory=tuple)  # empty: every role that may work on the case
    order: int = 100
    when: Callable | None = None  # (case) -> bool; None: always


PLACES = ("header", "main", "side")
_PANELS: dict[str, CasePanel] = {}
_ACTIONS: dict[str, CaseAction] = {}
_FAMILY_GUARDS: list[Callable] = []


def register_case_panel(panel: CasePanel) -> None:
    if panel.place not in PLACES:
        raise ValueError(f"unknown place {panel.place!r}")
    _PANELS.setdefault(panel.key, panel)


def register_case_action(action: CaseAction) -> None:
    _ACTIONS.setdefault(action.key, action)


def register_family_action_guard(guard: Callable) -> None:
    if guard not in _FAMILY_GUARDS:
        _FAMILY_GUARDS.append(guard)


def case_panels(user, case, *, readonly: bool) -> dict[str, list[dict]]:
    """The registered panels to show for `case`: {place: [{"key", "template", "context"}]}, in order."""
    out: dict[str, list[dict]] = {place: [] for place in PLACES}
    case._panel_memo = {}
    try:
        for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
            context = panel.context(user, case, readonly)
            if context is not None:
                out[panel.place].append({"key": panel.key, "template": panel.template, "context": context})
    finally:
        del case._panel_memo
    return out


def panel_memo(case, key: str, compute: Callable):
    """While the case page's panels are built, `compute()` once per `key` (an app's panels in three places share
    one read of its data); outside that, simply `compute()`, so nothing stale outlives the page."""
    memo = getattr(case, "_panel_memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def case_actions(user, case) -> list[dict]:
    """The registered header actions `user` may take on `case`: [{"key", "label", "url"}]."""
    out = []
    for action in sorted(_ACTIONS.values(), key=lambda a: (a.order, a.key)):
        if action.roles and not user.has_role(*action.roles):
            continue
        if action.when is not None and not action.when(case):
            continue
        try:
            out.append({"key": action.key, "label": action.label, "url": action.url(case)})
        except NoReverseMatch:
            continue
    return out


def family_action_block_reason(case) -> str | None:
    """Why an action involving the person's parents or network is blocked now, or None when it is allowed."""
    for guard in _FAMILY_GUARDS:
        reason = guard(case)
        if reason:
            return str(reason)
    return None
