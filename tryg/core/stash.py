"""Search forms that keep personal data out of URLs (SECURITY.md: no personal data in URLs or logs).

A search for a name or a CPR number is posted; the view stashes the posted fields in the session under a random
key and redirects to `?s=<key>`, so the address bar, the browser history, Referer headers and the server's
access log hold only the key. Reading the page again (reload, Back, paging, an export link) finds the search
through the key. Fields named in `sensitive` are read from the stash only, never from the query string.
"""

import secrets

from django.http import HttpRequest, HttpResponseRedirect, QueryDict

SESSION_KEY = "_tryg_searches"
PARAMETER = "s"
KEEP = 50  # searches remembered per session (the oldest is dropped)


def stash(request: HttpRequest, data: QueryDict, *, scope: str) -> str:
    """Keep the posted search `data` for this session; returns the key for the URL."""
    searches = dict(request.session.get(SESSION_KEY, {}))
    key = secrets.token_urlsafe(12)
    fields = {name: data.getlist(name) for name in data if name != "csrfmiddlewaretoken"}
    searches[key] = {"scope": scope, "fields": fields}
    while len(searches) > KEEP:
        searches.pop(next(iter(searches)))
    request.session[SESSION_KEY] = searches
    return key


def redirect_to_stash(request: HttpRequest, *, scope: str) -> HttpResponseRedirect:
    """The answer to a posted search: 303 to the same page with only the key in the URL."""
    key = stash(request, request.POST, scope=scope)
    response = HttpResponseRedirect(f"{request.path}?{PARAMETER}={key}")
    response.status_code = 303
    return response


def search_data(request: HttpRequest, *, scope: str, sensitive: frozenset[str]) -> tuple[QueryDict | None, bool]:
    """The search to run: the query string without `sensitive` fields, with the stashed search (if the key
    is known) on top. Returns (data or None when there is nothing to search, expired) where `expired` says a
    key was given but is no longer known (the user searches again)."""
    data = QueryDict(mutable=True)
    for name in request.GET:
        if name not in sensitive and name != PARAMETER:
            data.setlist(name, request.GET.getlist(name))
    key = request.GET.get(PARAMETER, "")
    expired = False
    if key:
        found = request.session.get(SESSION_KEY, {}).get(key)
        if found is None or found.get("scope") != scope:
            expired = True
        else:
            for name, values in found["fields"].items():
                data.setlist(name, values)
    return (data if data else None), expired
