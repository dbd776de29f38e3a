"""The case page's registries: panels and actions of higher apps appear where registered, and a family-action
guard blocks with its reason; nothing is shown when a panel declines."""

import pytest
from django.template import engines
from django.urls import reverse

from tryg.cases import registry

from .helpers import make_case


@pytest.fixture
def isolated_registry(monkeypatch):
    monkeypatch.setattr(registry, "_PANELS", {})
    monkeypatch.setattr(registry, "_ACTIONS", {})
    monkeypatch.setattr(registry, "_FAMILY_GUARDS", [])
    return registry


def _template(source: str):
    return engines["django"].from_string(source)


def test_panels_and_actions_appear_in_their_places(clients, cast, routing, isolated_registry):
    case = make_case(cast, name="Panel Palle")
    header = _template('<p id="probe-header">Niveau {{ panel.level }}</p>')
    side = _template('<p id="probe-side">Side for {{ panel.number }}</p>')
    registry.register_case_panel(registry.CasePanel("h", header, lambda u, c, ro: {"level": "høj"}, place="header"))
    registry.register_case_panel(registry.CasePanel("s", side, lambda u, c, ro: {"number": c.number}))
    registry.register_case_panel(registry.CasePanel("none", side, lambda u, c, ro: None, place="main"))
    registry.register_case_action(registry.CaseAction("a", "Prøvehandling", lambda c: f"/probe/{c.pk}/"))
    registry.register_case_action(
        registry.CaseAction("b", "Kun konsulent", lambda c: "/x/", roles=("sikkerhedskonsulent",))
    )
    body = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Niveau høj" in body and f"Side for {case.number}" in body
    assert body.index("probe-header") < body.index("Tidslinje") < body.index("probe-side")
    assert body.count("probe-side") == 1  # the declining panel rendered nothing
    assert f'href="/probe/{case.pk}/"' in body and "Kun konsulent" not in body


def test_a_family_guard_gives_its_reason(cast, routing, isolated_registry):
    case = make_case(cast)
    assert registry.family_action_block_reason(case) is None
    registry.register_family_action_guard(lambda c: None)
    registry.register_family_action_guard(lambda c: "Risikovurdering mangler")
    assert registry.family_action_block_reason(case) == "Risikovurdering mangler"


def test_an_unknown_place_is_refused(isolated_registry):
    with pytest.raises(ValueError):
        registry.register_case_panel(registry.CasePanel("x", "t.html", lambda u, c, ro: {}, place="footer"))
