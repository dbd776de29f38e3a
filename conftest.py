"""Shared fixtures: the fixed cast of users (one per role, plus an outsider) and logged-in clients."""

import pytest

from tryg.core.testing import USERNAMES, client_for


@pytest.fixture
def cast(db):
    """{role: User} for fagperson, sagsbehandler, konsulent, tovholder, partner, admin, outsider."""
    from tryg.accounts.demo import ensure_demo_org

    users = ensure_demo_org(password="Et-langt-test-kodeord-42")
    return {role: users[username] for role, username in USERNAMES.items()}


@pytest.fixture
def clients(cast):
    """Lazily built verified clients per role: clients["sagsbehandler"].get(...)."""

    class _Clients(dict):
        def __missing__(self, role):
            self[role] = client_for(cast, role)
            return self[role]

    return _Clients()
