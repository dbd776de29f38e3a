"""Walk this app's rows of the authorization matrix (the project-wide walk lives in tryg/core)."""

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tryg.accounts import api_urls, urls
from tryg.core.testing import ROLES, client_for

from .authz import RULES, setup


def _names():
    names = {f"accounts:{p.name}" for p in urls.urlpatterns if isinstance(p, URLPattern)}
    names |= {f"accounts-api:{p.name}" for p in api_urls.urlpatterns if isinstance(p, URLPattern)}
    return names


def test_it_has_a_rule_for_every_url_name():
    assert _names() == {rule.name for rule in RULES}
    assert all(isinstance(p, URLPattern | URLResolver) for p in get_resolver().url_patterns)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_it_answers_each_role_as_the_matrix_says(cast, rule):
    world = setup(cast)
    url = reverse(rule.name, kwargs=rule.kwargs(world) if rule.kwargs else None) + rule.query
    got = {}
    for role in ROLES:
        client = client_for(cast, role)
        call = getattr(client, rule.method)
        if rule.json:
            response = call(url, json.dumps(rule.data or {}), content_type="application/json", **rule.extra)
        elif rule.method == "get":
            response = call(url, **rule.extra)
        else:
            response = call(url, rule.data or {}, **rule.extra)
        got[role] = response.status_code
    assert got == rule.expect
    admin = cast["admin"]
    admin.refresh_from_db()
    assert admin.is_active and admin.memberships.filter(role="administrator").exists()
