"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The citizens' site has no login: every page answers everyone alike, logged in or not. POST rules send empty forms,
so everyone gets the form back with its errors (400) and nothing changes; a reply without a code is the same
"unknown code" answer for everyone (404).
"""

from tryg.core.testing import Rule, expect


def setup(cast) -> dict:
    from tryg.public import guard

    guard.reset_all()
    return {}


def public(name, status, kwargs=None, method="get"):
    return Rule(
        name, expect(status, anonymous=status), kwargs=kwargs, method=method, data={} if method == "post" else None
    )


RULES = [
    public("public:home", 200),
    public("public:young", 200),
    public("public:adult", 200),
    public("public:friend", 200),
    public("public:rights", 200),
    public("public:help", 200),
    public("public:online", 200),
    public("public:municipality", 200, kwargs=lambda w: {"code": "851"}),
    public("public:contact", 200),
    public("public:contact", 400, method="post"),
    public("public:notify", 200),
    public("public:notify", 400, method="post"),
    public("public:code", 200),
    public("public:code", 400, method="post"),
    public("public:reply", 404, method="post"),
]
