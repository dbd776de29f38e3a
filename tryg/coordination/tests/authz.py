"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world (tests/helpers.world): an Aalborg case of `sagsbehandler`; an anonymous consultation by `fagperson`
(Aalborg) and one by the outsider (Hjørring, same region: the konsulent sees both); a named consultation about the
case, held by the konsulent; a meeting of `sagsbehandler` with the case on its agenda (the konsulent is not a
participant); an Aalborg actor of the coordinator's; a referral of the case to Sawa (the partner's unit).
POST rules send empty data: allowed roles get 400 (take and join change nothing harmful: 302 / a confirm page).
"""

from tryg.core.testing import Rule, expect

ASKERS = dict(fagperson=200, sagsbehandler=200, tovholder=200, partner=200, outsider=200)
ASKERS_400 = {k: 400 for k in ASKERS}
MEETING = dict(sagsbehandler=200, konsulent=200, outsider=200)
DIRECTORY = dict(fagperson=200, sagsbehandler=200, konsulent=200, tovholder=200, partner=200, outsider=200)
STAFF = dict(fagperson=200, sagsbehandler=200, konsulent=200, tovholder=200, partner=200, admin=200, outsider=200)


def setup(cast) -> dict:
    from .helpers import world

    return world(cast)


def _pk(key):
    return lambda w: {"pk": w[key].pk}


def _public(key):
    return lambda w: {"pk": w[key].public_id}


def page(name, default=404, kwargs=None, method="get", query="", **over):
    data = {} if method == "post" else None
    return Rule(name, expect(default, **over), kwargs=kwargs, method=method, data=data, query=query)


def api(name, default=404, kwargs=None, method="get", query="", **over):
    data = {} if method == "post" else None
    return Rule(
        name,
        expect(default, anonymous=401, **over),
        kwargs=kwargs,
        method=method,
        data=data,
        json=data is not None,
        query=query,
    )


RULES = [
    page("coordination:queue", konsulent=200),
    page("coordination:queue", query="status=bogus", konsulent=400),
    page("coordination:stats", konsulent=200),
    page("coordination:ask", **ASKERS),
    page("coordination:ask", method="post", **ASKERS_400),
    page("coordination:mine", **ASKERS),
    page("coordination:consultation-detail", kwargs=_pk("anon"), fagperson=200, konsulent=200),
    page("coordination:consultation-detail", kwargs=_pk("hjorring"), outsider=200, konsulent=200),
    page("coordination:consultation-detail", kwargs=_pk("named"), sagsbehandler=200, konsulent=200),
    page("coordination:consultation-message", kwargs=_pk("anon"), method="post", fagperson=400, konsulent=400),
    page("coordination:consultation-take", kwargs=_pk("anon"), method="post", konsulent=302),
    page("coordination:consultation-close", kwargs=_pk("anon"), method="post", konsulent=400),
    page("coordination:consultation-concern", kwargs=_pk("anon"), konsulent=200),
    page("coordination:consultation-concern", kwargs=_pk("hjorring"), method="post", konsulent=400),
    page("coordination:consultation-link-case", kwargs=_pk("named"), method="post", sagsbehandler=400),
    page("coordination:consultation-join-case", kwargs=_pk("named"), method="post", sagsbehandler=200),
    page("coordination:meeting-list", **MEETING),
    page("coordination:meeting-create", **MEETING),
    page("coordination:meeting-create", method="post", sagsbehandler=400, konsulent=400, outsider=400),
    page("coordination:meeting-detail", kwargs=_pk("meeting"), sagsbehandler=200),
    page("coordination:participant-add", kwargs=_pk("meeting"), method="post", sagsbehandler=400),
    page("coordination:agenda-add", kwargs=_pk("meeting"), method="post", sagsbehandler=400),
    page("coordination:item-decisions", kwargs=_public("item"), method="post", sagsbehandler=400),
    page("coordination:item-action-add", kwargs=_public("item"), method="post", sagsbehandler=400),
    page("coordination:item-family-invite", kwargs=_public("item"), method="post", sagsbehandler=400),
    page("coordination:case-refer", kwargs=_pk("case"), sagsbehandler=200),
    page("coordination:case-refer", kwargs=_pk("case"), method="post", sagsbehandler=400),
    page("coordination:inbox", **STAFF),
    page("coordination:referral-detail", kwargs=_public("referral"), partner=200),
    page("coordination:actor-list", **DIRECTORY),
    page("coordination:actor-create", tovholder=200),
    page("coordination:actor-create", method="post", tovholder=400),
    page("coordination:actor-edit", kwargs=_pk("actor"), tovholder=200),
    api("coordination-api:consultation-list", **ASKERS),
    api("coordination-api:consultation-list", query="scope=queue", konsulent=200),
    api("coordination-api:consultation-list", method="post", **ASKERS_400),
    api("coordination-api:consultation-detail", kwargs=_pk("anon"), fagperson=200, konsulent=200),
    api("coordination-api:consultation-detail", kwargs=_pk("named"), sagsbehandler=200, konsulent=200),
    api("coordination-api:consultation-messages", kwargs=_pk("anon"), method="post", fagperson=400, konsulent=400),
    api("coordination-api:consultation-close", kwargs=_pk("hjorring"), method="post", konsulent=400),
    api("coordination-api:actor-list", **DIRECTORY),
    api("coordination-api:meeting-list", **MEETING),
    api("coordination-api:meeting-list", method="post", sagsbehandler=400, konsulent=400, outsider=400),
    api("coordination-api:meeting-detail", kwargs=_pk("meeting"), sagsbehandler=200),
    api("coordination-api:meeting-agenda", kwargs=_pk("meeting"), method="post", sagsbehandler=400),
    api("coordination-api:agenda-actions", kwargs=_public("item"), method="post", sagsbehandler=400),
    api("coordination-api:referral-inbox", **STAFF),
    api("coordination-api:referral-answer", kwargs=_public("referral"), method="post", partner=400),
]
