import pytest


@pytest.fixture(autouse=True)
def _fresh_limits():
    from tryg.public import guard

    guard.reset_all()
    yield
    guard.reset_all()


@pytest.fixture
def routing(cast):
    from tryg.cases.demo import ensure_routing

    return ensure_routing()
