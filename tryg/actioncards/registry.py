"""Actions offered on a finished walk's outcome page, registered by the apps that provide them.

Action cards do not know what comes after a walk (a concern, a risk assessment, ...): a higher app registers
a `WalkAction` from its AppConfig.ready(), and the outcome page shows every action that applies to the walk
and the user.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch


@dataclass(frozen=True)
class WalkAction:
    key: str
    label: str  # the button
    text: str  # one sentence above the button
    url: Callable[..., str]  # url(walk) -> where the button leads
    roles: tuple[str, ...] | None = None  # None: every user who can walk a card
    applies: Callable[..., bool] = lambda walk, node: True  # applies(walk, outcome node)
    order: int = 100


_WALK_ACTIONS: dict[str, WalkAction] = {}


def register_walk_action(action: WalkAction) -> None:
    _WALK_ACTIONS.setdefault(action.key, action)


def walk_actions(walk, node: dict, user) -> list[dict]:
    """The actions for `user` on the outcome `node` of their finished `walk`: [{"key", "label", "text", "url"}]."""
    out = []
    for action in sorted(_WALK_ACTIONS.values(), key=lambda a: a.order):
        if action.roles is not None and not user.has_role(*action.roles):
            continue
        if not action.applies(walk, node):
            continue
        try:
            url = action.url(walk)
        except NoReverseMatch:
            continue
        out.append({"key": action.key, "label": action.label, "text": action.text, "url": url})
    return out
