"""Cross-cutting request handling: the staff area gate, session lifetime, no-store caching."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, QueryDict
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect, resolve_url
from django.utils import translation
from django.utils.http import urlencode

from .refusals import report_refusal
from .text import UNNORMALISED_FIELDS, has_forbidden, nfc

LOGIN_AT = "_tryg_login_at"
LAST_SEEN = "_tryg_last_seen"
# The last-seen time is written when it is at least this old: a session is not written back on every page view
# (three statements and a commit per request), and the idle timeout holds to within a minute.
LAST_SEEN_STEP = 60


class SessionLifetimeMiddleware:
    """Ends a session after the idle timeout or the absolute lifetime, whichever comes first. The time last seen
    is kept to the minute (LAST_SEEN_STEP), so most page views do not write the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = time.time()
            login_at = request.session.get(LOGIN_AT)
            last_seen = request.session.get(LAST_SEEN, login_at)
            idle = settings.TRYG_SESSION_IDLE_MINUTES * 60
            absolute = settings.TRYG_SESSION_ABSOLUTE_HOURS * 3600
            expired = login_at is None or now - login_at > absolute or (last_seen and now - last_seen > idle)
            if expired:
                logout(request)
                request.tryg_session_expired = True
            elif last_seen is None or now - last_seen >= LAST_SEEN_STEP:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


class StaffAreaMiddleware:
    """Everything under /app/ needs a logged-in user with a verified second factor.

    Anonymous users are sent to the login page (settings.LOGIN_URL); users who have not passed TOTP are
    sent to the verification page (settings.TWO_FACTOR_URL). No page with personal data is reachable with
    a password alone. The pages in settings.STAFF_OPEN_URLS (login, logout, second factor) stay reachable.
    The Django admin (superusers only) sits behind the same gate.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(("/app/", "/django-admin/")) and path not in map(resolve_url, settings.STAFF_OPEN_URLS):
            user = request.user
            if not user.is_authenticated:
                params = {"next": path} if request.method == "GET" else {}
                if getattr(request, "tryg_session_expired", False):
                    params["expired"] = "1"
                query = urlencode(params)
                return redirect(resolve_url(settings.LOGIN_URL) + (f"?{query}" if query else ""))
            if not user.is_verified():
                return redirect(resolve_url(settings.TWO_FACTOR_URL))
        return self.get_response(request)


class NoStoreMiddleware:
    """Authenticated and API responses are never cached by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        path = request.path_info
        if (user is not None and user.is_authenticated) or path.startswith(("/app/", "/api/")):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Language per area: the public site takes it from the URL prefix only (no cookie needed), staff
    pages and the API from the language cookie (set by the language switch), Danish by default, and only in
    settings.TRYG_STAFF_LANGUAGES (the citizens' languages never reach staff pages).

    Django's own middleware treats every unprefixed path as the default language when i18n_patterns uses
    prefix_default_language=False, which would pin /app/ to Danish.
    """

    STAFF_PREFIXES = ("/app/", "/api/", "/i18n/", "/django-admin/")

    def process_request(self, request):
        if request.path_info.startswith(self.STAFF_PREFIXES):
            # Danish first: only the user's own choice (the language cookie) switches to another language.
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            if not translation.check_for_language(language) or language not in settings.TRYG_STAFF_LANGUAGES:
                language = settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)


class RefusalMiddleware:
    """A 404 raised by a page for a logged-in user is a refused access: report it (the access log writes the
    row), then let Django answer 404 as usual. The API reports its own in the exception handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        report_refusal(request, exception)
        return None


def _guarded(query: QueryDict) -> QueryDict | None:
    """`query` with every value in NFC (passwords as typed); None when it holds a NUL or a lone surrogate."""
    changed = False
    items = []
    for key, values in query.lists():
        if has_forbidden(key) or any(has_forbidden(v) for v in values):
            return None
        clean = values if key in UNNORMALISED_FIELDS else [nfc(v) for v in values]
        changed = changed or clean != values or nfc(key) != key
        items.append((nfc(key), clean))
    if not changed:
        return query
    out = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in items:
        out.setlist(key, values)
    out._mutable = False
    return out


class InputGuardMiddleware:
    """The edge of the pages (the API's JSON goes through tryg.core.parsers): a path, query string or form post
    holding a NUL byte or a lone surrogate is refused with 400 before any view or database sees it, and the rest
    is NFC-normalised (tryg.core.text). A form post over DATA_UPLOAD_MAX_MEMORY_SIZE is a 400 too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        from .views import bad_request

        if has_forbidden(request.path_info):
            return bad_request(request)
        query = _guarded(request.GET)
        if query is None:
            return bad_request(request)
        request.GET = query
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            try:
                post = _guarded(request.POST)
            except (RequestDataTooBig, SuspiciousOperation):
                return bad_request(request)
            if post is None:
                return bad_request(request)
            request.POST = post
        return self.get_response(request)
