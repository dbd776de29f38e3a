"""What every page of the citizens' site shares: no cookies, limits per address, and a same-origin check on posts.

CSRF without a cookie: Django's CSRF protection needs a cookie (or a session) before the form is submitted, and
this site sets none. The forms are exempt from the cookie check and instead refuse a post whose `Origin` (or,
failing that, `Sec-Fetch-Site`) says it came from another site; every current browser sends one of them with a
form post. No session is at stake — a forged post could only send a message in the visitor's name, which anyone
can do anyway — so this stops the only harm left: another site making a visitor's browser post here.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from tryg.core.ratelimit import RateLimiter, address_key

# Per client address, in memory only: page views, submitted forms, wrong codes.
REQUESTS = RateLimiter(limit=600, window=600)
SUBMISSIONS = RateLimiter(limit=10, window=600)
WRONG_CODES = RateLimiter(limit=10, window=600)


def reset_all() -> None:
    for limiter in (REQUESTS, SUBMISSIONS, WRONG_CODES):
        limiter.reset()


def too_many(request: HttpRequest, limiter: RateLimiter) -> HttpResponse:
    response = render(request, "public/too_many.html", status=429)
    response["Retry-After"] = str(limiter.window)
    return response


def same_origin(request: HttpRequest) -> bool:
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == request.get_host()
    return request.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none")


def public_page(view):
    """No cache, no CSRF cookie, the request limit per address, and posts only from this site."""

    @never_cache
    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        request.public_address = address_key(request)
        if not REQUESTS.hit(request.public_address):
            return too_many(request, REQUESTS)
        if request.method == "POST" and not same_origin(request):
            return render(request, "public/refused_origin.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def submission_allowed(request: HttpRequest) -> bool:
    return SUBMISSIONS.hit(request.public_address)


def code_attempts_blocked(request: HttpRequest) -> bool:
    return WRONG_CODES.blocked(request.public_address)


def wrong_code(request: HttpRequest) -> None:
    WRONG_CODES.hit(request.public_address)
