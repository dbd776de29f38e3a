"""Demo accounts exist only in demo mode; remove_demo clears them for production."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from tryg.accounts.checks import demo_accounts_only_in_demo_mode
from tryg.accounts.demo import CAST, ensure_demo_org
from tryg.accounts.models import Membership, User


def test_it_refuses_to_start_with_demo_accounts_when_demo_mode_is_off(cast):
    with override_settings(DEMO=False, TESTING=False):
        errors = demo_accounts_only_in_demo_mode(None)
    assert [e.id for e in errors] == ["tryg.E001"]
    with override_settings(DEMO=True, TESTING=False):
        assert demo_accounts_only_in_demo_mode(None) == []


def test_it_removes_the_demo_accounts_so_production_can_start(cast):
    real = User.objects.create_user(
        "rigtig", password="Et-langt-rigtigt-kodeord", municipality=cast["admin"].municipality
    )
    call_command("remove_demo", "--yes")
    assert not User.objects.filter(is_demo=True).exists()
    assert User.objects.filter(pk=real.pk).exists()
    assert not Membership.objects.filter(user__username__in=list(CAST)).exists()
    with override_settings(DEMO=False, TESTING=False):
        assert demo_accounts_only_in_demo_mode(None) == []
    call_command("remove_demo", "--yes")  # nothing left: still fine


def test_it_asks_before_removing(cast, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    with pytest.raises(CommandError):
        call_command("remove_demo")
    assert User.objects.filter(is_demo=True).count() == len(CAST)


def test_it_builds_the_demo_organisation_idempotently(db):
    first = ensure_demo_org(password="Et-langt-test-kodeord-42")
    counts = (User.objects.count(), Membership.objects.count())
    second = ensure_demo_org(password="Et-langt-test-kodeord-42")
    assert (User.objects.count(), Membership.objects.count()) == counts
    assert {k: v.pk for k, v in first.items()} == {k: v.pk for k, v in second.items()}
