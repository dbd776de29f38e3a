"""The same Danish queries find the same entries on SQLite and PostgreSQL (both use Snowball's Danish stemmer).

The suite runs on SQLite and again on PostgreSQL (DATABASE_URL), so this one test checks both databases
against the same explicit expectations: inflected forms, compounds (not split on either database) and
words with æ, ø and å.
"""

import pytest
from django.db import connection

from tryg.knowledge.models import Entry
from tryg.knowledge.selectors import search_entries
from tryg.knowledge.services import entry_create_published

ENTRIES = {
    "tvang": ("Tvangsægteskab", "Ingen må tvinges til et ægteskab."),
    "skoler": ("Skolernes ansvar", "Lærere på skolen ser ofte tegnene først."),
    "soskende": ("Søskende i samme familie", "Tænk på brødre og søstre."),
    "aere": ("Æresrelaterede konflikter", "En konflikt om familiens ære."),
    "rejse": ("Genopdragelsesrejse", "Rejser til udlandet mod barnets vilje."),
    "trusler": ("Trusler om vold", "Den unge bliver truet derhjemme."),
    "undersoegelse": ("Børnefaglig undersøgelse", "Kommunen undersøger barnets forhold."),
}

QUERIES = [
    ("tvangsægteskaber", {"tvang"}),
    ("Tvangsægteskabet", {"tvang"}),
    ("ægteskab", {"tvang"}),  # the body's own word; the compound in the title is not split
    ("tvinges", {"tvang"}),
    ("skole", {"skoler"}),
    ("skolernes", {"skoler"}),
    ("søskende", {"soskende"}),
    ("æresrelateret", {"aere"}),
    ("konflikt", {"aere"}),
    ("ære", {"aere"}),
    ("rejser", {"rejse"}),
    ("genopdragelsesrejser", {"rejse"}),
    ("trusler", {"trusler"}),
    ("truet", {"trusler"}),
    ("børnefaglige undersøgelser", {"undersoegelse"}),
    ("familien", {"soskende", "aere"}),
    ("barnets forhold", {"undersoegelse"}),
    ("og", set()),  # only a stop word
]


@pytest.mark.django_db
def test_the_danish_queries_find_the_same_entries_on_this_database(aalborg):
    for slug, (title, body) in ENTRIES.items():
        entry_create_published(
            actor=None,
            municipality=None,
            slug=slug,
            kind=Entry.Kind.TOOL,
            tool_type="checklist",
            title=title,
            body=body,
        )

    found = {q: {hit.slug for hit in search_entries(aalborg, q, limit=50).hits} for q, _expected in QUERIES}

    expected = dict(QUERIES)
    wrong = {q: (found[q], expected[q]) for q in expected if found[q] != expected[q]}
    assert not wrong, f"on {connection.vendor}: query -> (found, expected): {wrong}"
