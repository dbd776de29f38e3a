import pytest


@pytest.fixture
def routing(cast):
    from tryg.cases.demo import ensure_routing

    return ensure_routing()
