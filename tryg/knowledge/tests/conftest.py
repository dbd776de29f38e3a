import pytest


@pytest.fixture
def content(cast):
    """The seed content: national entries plus Aalborg's own (as in the demo)."""
    from tryg.knowledge.demo import demo_seed

    demo_seed(users={"admin": cast["admin"], "tovholder": cast["tovholder"]})
    return cast


@pytest.fixture
def aalborg(cast):
    return cast["fagperson"].municipality


@pytest.fixture
def hjoerring(cast):
    return cast["outsider"].municipality
