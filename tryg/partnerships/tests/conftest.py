import pytest


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.PARTNERSHIPS_UPLOAD_ROOT = tmp_path / "uploads"


@pytest.fixture
def demo(cast):
    """The demo partnerships (facts of the 2019 pool, demo figures) and handles on the grants the tests use."""
    from .helpers import demo_world

    return demo_world(cast)
