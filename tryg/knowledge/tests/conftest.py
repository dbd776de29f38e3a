import pytest


@pytest.fixture
def content(cast):
    """The seed content: national entries plus Aalborg's own (as in the demo). The root conftest creates it
    once per test database; this only re-creates what a transactional test's flush removed."""
    from tryg.knowledge.demo import demo_seed

    demo_seed(users={"admin": cast["admin"], "tovholder": cast["tovholder"]})
    return cast


@pytest.fixture(autouse=True)
def _empty_knowledge_base_unless_asked(request):
    """These tests are written against an empty knowledge base unless they ask for `content`: the content
    seeded once per session is removed inside the test's own transaction (rolled back afterwards)."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if "content" in request.fixturenames or not uses_db:
        return
    if "transactional_db" not in request.fixturenames and "live_server" not in request.fixturenames:
        request.getfixturevalue("db")  # the test's transaction is open, so the removal is rolled back
    from tryg.knowledge.models import Entry
    from tryg.knowledge.search import reindex_all

    Entry.objects.all().delete()
    reindex_all()


@pytest.fixture
def aalborg(cast):
    return cast["fagperson"].municipality


@pytest.fixture
def hjoerring(cast):
    return cast["outsider"].municipality
