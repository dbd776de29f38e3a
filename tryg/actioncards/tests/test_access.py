"""Denied access for every view, and the matrix of this app run on its own."""

import pytest
from django.test import Client
from django.urls import reverse

from tryg.actioncards.access import walk_for_user
from tryg.actioncards.models import ActionCard, CardVersion, Walk
from tryg.core.testing import ROLES, login_verified

from . import authz


@pytest.fixture
def world(cast):
    return authz.setup(cast)


def test_it_answers_every_role_as_this_apps_matrix_says(cast, world):
    mismatches = []
    for rule in authz.RULES:
        url = reverse(rule.name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        for role in ROLES:
            client = Client(raise_request_exception=True)
            if role != "anonymous":
                login_verified(client, cast[role])
            method = getattr(client, rule.method)
            if rule.json:
                response = method(url, data=rule.data or {}, content_type="application/json")
            elif rule.method == "get":
                response = method(url)
            else:
                response = method(url, data=rule.data or {})
            if response.status_code != rule.expect[role]:
                mismatches.append(f"{rule.method} {rule.name} as {role}: {response.status_code} != {rule.expect[role]}")
    assert not mismatches, "\n".join(mismatches)
    # The matrix changed nothing: still one draft, no answers, nothing published anew.
    assert CardVersion.objects.filter(status="draft").count() == 1
    assert Walk.objects.count() == 1 and Walk.objects.get().answers.count() == 0
    assert ActionCard.objects.count() == 2


def test_it_gives_only_the_owner_their_walk(cast, world):
    from django.http import Http404

    walk_id = world["walk"]
    assert walk_for_user(cast["fagperson"], walk_id).pk == walk_id
    assert walk_for_user(cast["fagperson"], str(walk_id)).pk == walk_id
    for role in ("sagsbehandler", "tovholder", "admin", "outsider"):
        with pytest.raises(Http404):
            walk_for_user(cast[role], walk_id)
    with pytest.raises(Http404):
        walk_for_user(cast["fagperson"], "not-a-uuid")


def test_it_redirects_anonymous_users_to_login_and_refuses_the_api(cast, world, clients):
    response = clients["anonymous"].get(reverse("actioncards:card-list"))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert clients["anonymous"].get(reverse("actioncards-api:card-list")).status_code == 401


def test_it_lets_a_tovholder_of_another_municipality_not_edit_aalborgs_card(cast, world):
    from tryg.accounts.models import Membership, Role, Unit

    outsider = cast["outsider"]
    unit = Unit.objects.get(name="Familieafdelingen Hjørring")
    Membership.objects.create(user=outsider, unit=unit, role=Role.TOVHOLDER)
    client = login_verified(Client(), type(outsider).objects.get(pk=outsider.pk))
    assert client.get(reverse("actioncards:card-manage")).status_code == 200
    assert client.get(reverse("actioncards:card-edit", args=[world["slug"]])).status_code == 404
    assert client.post(reverse("actioncards:card-publish", args=[world["slug"]]), {"version": 2}).status_code == 404
    assert CardVersion.objects.filter(status="draft").count() == 1
