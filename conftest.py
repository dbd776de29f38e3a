"""Shared fixtures: the fixed cast of users (one per role, plus an outsider) and logged-in clients."""

import pytest
from django.db.models.signals import post_migrate

from tryg.core.testing import USERNAMES, client_for


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Danish: a request with the language cookie leaves its language active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


TEST_PASSWORD = "Et-langt-test-kodeord-42"  # every user of the cast has it


def _seed_shared_data() -> None:
    """What most tests stand on, created once per database instead of once per test: the cast (the demo
    organisation and its users) and the knowledge base's seed content (national entries and Aalborg's own,
    the `content` fixture). The knowledge app's own tests start without that content unless they ask for it."""
    from tryg.accounts.demo import ensure_demo_org
    from tryg.knowledge.demo import demo_seed

    demo_seed(users=ensure_demo_org(password=TEST_PASSWORD))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database (one per xdist worker), with the shared data committed once. Each test's rollback
    keeps it. After a transactional test, SQLite gets the seeded database back from a snapshot (see below);
    PostgreSQL empties it, and `_shared_data_after_flush` seeds it again."""
    with django_db_blocker.unblock():
        _seed_shared_data()
        _take_snapshot()


_flushed = {"since_seed": False}

# --- SQLite: restore the seeded database instead of flushing and seeding again -------------------------
# A transactional test (live_server, transactional_db) would end with a flush (DELETE on every table, then
# post_migrate recreating content types, permissions and the risk instruments), and the next test would
# seed the cast and the knowledge content again: seconds per browser test. On SQLite the seeded test
# database is copied once into a second in-memory database with the sqlite3 backup API, and a
# transactional test's teardown copies it back instead of flushing: the next test starts from exactly the
# state every test starts from (same rows, same ids, the access log's triggers in place). PostgreSQL keeps
# Django's flush and the reseed.

_snapshots: dict = {}  # database alias -> sqlite3 connection holding the seeded copy


def _take_snapshot() -> None:
    import sqlite3

    from django.db import connections

    connection = connections["default"]
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    snapshot = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(snapshot)
    _snapshots["default"] = snapshot


def _restore_snapshot(alias: str) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    connection = connections[alias]
    assert not connection.in_atomic_block, "a transactional test left a transaction open"
    connection.ensure_connection()
    _snapshots[alias].backup(connection.connection)
    ContentType.objects.clear_cache()


def _patch_transactional_teardown() -> None:
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown
    if getattr(flush, "_tryg_restores", False):
        return

    def _fixture_teardown(self):
        names = list(self._databases_names(include_mirrors=False))
        if _snapshots and all(name in _snapshots for name in names):
            for name in names:
                _restore_snapshot(name)
        else:
            flush(self)

    _fixture_teardown._tryg_restores = True
    TransactionTestCase._fixture_teardown = _fixture_teardown


_patch_transactional_teardown()


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return (
        "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
        or bool(marker and marker.kwargs.get("transaction"))
    )


@pytest.fixture(autouse=True)
def _shared_data_after_flush(request):
    """After a transactional test's flush, seed the shared data again before the next test's transaction
    begins. A transactional test itself is left to its fixtures (`cast`, `content` create what is missing),
    since its own flush would empty the database again; so does a test whose transaction is already open."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if _flushed["since_seed"] and uses_db and not _is_transactional(request):
        from django.db import connection

        request.getfixturevalue("django_db_setup")
        if not connection.in_atomic_block:
            with request.getfixturevalue("django_db_blocker").unblock():
                _seed_shared_data()
            _flushed["since_seed"] = False
    yield
    if _is_transactional(request) and not _snapshots:  # with a snapshot the teardown restored the seed
        _flushed["since_seed"] = True


@pytest.fixture
def cast(db):
    """{role: User} for fagperson, sagsbehandler, konsulent, tovholder, partner, admin, outsider."""
    from tryg.accounts.demo import ensure_demo_org
    from tryg.accounts.models import User

    users = {u.username: u for u in User.objects.select_related("municipality").filter(username__in=USERNAMES.values())}
    if len(users) != len(USERNAMES):  # emptied by a transactional test's flush: create them again
        users = ensure_demo_org(password=TEST_PASSWORD)
    return {role: users[username] for role, username in USERNAMES.items()}


@pytest.fixture
def clients(cast):
    """Lazily built verified clients per role: clients["sagsbehandler"].get(...)."""

    class _Clients(dict):
        def __missing__(self, role):
            self[role] = client_for(cast, role)
            return self[role]

    return _Clients()


# --- The access log's append-only triggers and transactional tests (SQLite) -------------------------
# Where a transactional test ends with Django's flush instead of the snapshot's restore, the flush empties
# every table; on SQLite that is a DELETE, which the access log's trigger refuses. For those tests only, the
# SQLite triggers are lifted while the test runs and put back right after the flush (flush sends
# post_migrate). PostgreSQL empties tables with TRUNCATE, which row triggers allow, so nothing changes there.


def _reinstall_audit_triggers(sender, using="default", **kwargs):
    """After a flush (which sends post_migrate) put the SQLite triggers back."""
    if sender.label != "audit":
        return
    from django.db import connections

    from tryg.audit.triggers import sqlite_triggers

    sqlite_triggers(connections[using], install=True)


post_migrate.connect(_reinstall_audit_triggers, dispatch_uid="tryg-tests-reinstall-audit-triggers")


@pytest.fixture(autouse=True)
def _audit_triggers_lifted_for_flush(request):
    """Only where a transactional test ends with a flush: with a snapshot (SQLite) nothing is deleted, so the
    triggers stay in place during the test, as in production."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.db import connection

        from tryg.audit.triggers import sqlite_triggers

        request.getfixturevalue("django_db_setup")
        if _snapshots:
            return
        with request.getfixturevalue("django_db_blocker").unblock():
            sqlite_triggers(connection, install=False)


# --- Browser tests (Playwright driving Debian's Chromium) ----------------------------------------------

BROWSER_PASSWORD = TEST_PASSWORD  # the password the `cast` fixture gives every user


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session, or a skip when it is not installed."""
    import os

    from tryg.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

    if not os.path.exists(CHROMIUM):
        message = "install Chromium: apt-get install -y chromium"
        if os.environ.get("TRYG_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM is still used synchronously.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def browser_page(browser, live_server):
    """A function that opens a fresh (anonymous) page on the live server: new_page() -> Page."""
    contexts = []

    def new_page(width: int = 1280):
        viewport = {"width": width, "height": 900}
        context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="da-DK", viewport=viewport)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.base_url = live_server.url
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def browser_login(browser_page, cast, live_server):
    """A function role -> Page signed in as `role` on the start page.

    With form=True through the real login form, password and a real TOTP code (the foundation's browser test
    does that for every role). Otherwise the page gets the session cookie of a verified login
    (`tryg.core.testing.login_verified`, as the page tests' clients), which spares each browser test's logins
    the form's two page loads (~0.9 s a login, about 40 in the suite)."""
    from django.conf import settings
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tryg.core.testing import login_verified
    from tryg.demo_otp import DEMO_TOTP_SECRET, code_for

    def login(role: str, *, width: int = 1280, form: bool = False):
        user = cast[role]
        page = browser_page(width)
        if not form:
            session = login_verified(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value
            page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
            page.goto("/app/")
            return page
        page.goto("/app/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", BROWSER_PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url("**/app/2fa/verify/")
        # A code works once: let the same code serve a repeated login within its 30 seconds, and forget
        # any earlier wrong code's back-off.
        TOTPDevice.objects.filter(user=user).update(
            last_t=-1, drift=0, throttling_failure_count=0, throttling_failure_timestamp=None
        )
        page.fill("#id_otp", code_for(DEMO_TOTP_SECRET))
        page.click("main form button[type=submit]")
        page.wait_for_url(lambda url: "/app/login/" not in url and "/app/2fa/" not in url)
        return page

    return login
