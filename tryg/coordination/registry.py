"""Registries that higher apps (risk, …) fill from their AppConfig.ready(), so coordination never names them.

- Queue panels: `register_queue_panel(QueuePanel(key, template, context, order=100))`. The consultants' queue
  renders each panel above its table; `context(user) -> dict | None` returns the template's context, or None to
  leave the panel out. It runs once per page, so it must use a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class QueuePanel:
    key: str  # unique; also the id prefix of the panel's markup
    template: str
    context: Callable  # (user) -> dict | None
    order: int = 100


_PANELS: dict[str, QueuePanel] = {}


def register_queue_panel(panel: QueuePanel) -> None:
    _PANELS.setdefault(panel.key, panel)


def queue_panels(user) -> list[dict]:
    """The registered panels to show on `user`'s queue: [{"key", "template", "context"}], in order."""
    out = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        context = panel.context(user)
        if context is not None:
            out.append({"key": panel.key, "template": panel.template, "context": context})
    return out
