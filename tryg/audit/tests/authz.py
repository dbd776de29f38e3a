"""This app's rows of the authorization matrix (see tryg/core/testing.py)."""

RULES: list = []


def setup(cast) -> dict:
    return {}
