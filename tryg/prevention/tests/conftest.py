import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with empty in-memory rate limits (they are per process)."""
    from tryg.prevention import ratelimit

    ratelimit.reset_all()
    yield
    ratelimit.reset_all()
