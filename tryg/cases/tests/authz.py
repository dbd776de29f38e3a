"""This app's rows of the authorization matrix (see tryg/core/testing.py)."""

RULES: list = []


def setup(cast) -> dict:
    """Create the objects this app's URLs need; returned dict is passed to each rule's kwargs."""
    return {}
