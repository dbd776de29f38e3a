"""This app's rows of the authorization matrix (see tryg/core/testing.py)."""

from tryg.core.testing import Rule, expect

RULES: list = [
    Rule("audit:search", expect(404, tovholder=200, admin=200)),
    # Invalid filters: readers get the form back with errors (400), others 404.
    Rule("audit:search", expect(404, tovholder=400, admin=400), query="date_from=ikke-en-dato"),
    Rule("audit:subject-export", expect(404, tovholder=200)),
    Rule("audit:subject-export", expect(404, tovholder=400), query="subject_type=&subject_id=%3C%3E"),
    Rule("audit:checkpoints", expect(404, tovholder=200, admin=200)),
]


def setup(cast) -> dict:
    return {}
