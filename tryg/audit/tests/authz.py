"""This app's rows of the authorization matrix (see tryg/core/testing.py)."""

from tryg.core.testing import Rule, expect

RULES: list = [
    Rule("audit:search", expect(404, tovholder=200, admin=200)),
    # Invalid filters: readers get the form back with errors (400), others 404.
    Rule("audit:search", expect(404, tovholder=400, admin=400), query="date_from=ikke-en-dato"),
    Rule("audit:search", expect(404, tovholder=400, admin=400), query="date_to=9999-12-31"),
    Rule("audit:search", expect(404, tovholder=200, admin=200), query="action=refused&case_number=2026-0001"),
    # The CSV of a search: readers are asked for their password first (302), bad filters answer 400 before that.
    Rule("audit:search-export", expect(404, tovholder=302, admin=302), query="action=refused"),
    Rule("audit:search-export", expect(404, tovholder=400, admin=400), query="date_from=9999-12-31"),
    Rule("audit:subject-export", expect(404, tovholder=200)),
    Rule("audit:subject-export", expect(404, tovholder=400), query="subject_type=&subject_id=%3C%3E"),
    Rule("audit:checkpoints", expect(404, tovholder=200, admin=200)),
]


def setup(cast) -> dict:
    return {}
