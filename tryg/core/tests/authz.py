"""Core's rows of the authorization matrix: the start page, health check, public site, language, API docs."""

from tryg.core.testing import ROLES, Rule, expect

EVERYONE_200 = {role: 200 for role in ROLES}

RULES: list = [
    Rule("core:start", expect(200)),
    Rule("healthz", EVERYONE_200),
    Rule("public-home", EVERYONE_200),
    # The language switch answers a redirect back to `next` for everyone (it stores only a cookie).
    Rule("set_language", {role: 302 for role in ROLES}, method="post", data={"language": "en", "next": "/"}),
    # The API description is public (it holds no data); the endpoints themselves require login.
    Rule("api-schema", EVERYONE_200),
    Rule("api-docs", EVERYONE_200),
]


def setup(cast) -> dict:
    return {}
