"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world: a triaged case whose team is `sagsbehandler` (the konsulent is NOT on it), a pending concern,
a task and a police referral awaiting approval. POST rules send invalid data: allowed roles get 400.
"""

from datetime import timedelta

from django.utils import timezone

from tryg.core.testing import Rule, expect

NOTIFIERS = dict(fagperson=200, sagsbehandler=200, konsulent=200, tovholder=200, partner=200, outsider=200)
CASEWORKERS = dict(sagsbehandler=200, outsider=200)
CASE_ROLES = dict(sagsbehandler=200, konsulent=200, outsider=200)


def setup(cast) -> dict:
    from tryg.cases import services
    from tryg.cases.demo import ensure_routing
    from tryg.cases.models import Referral

    ensure_routing()
    worker = cast["sagsbehandler"]

    def concern(name):
        return services.concern_create(
            actor=cast["fagperson"],
            person=services.PersonData(name=name),
            target_group="child",
            description="Matrix.",
        )

    case = services.concern_triage(actor=worker, concern=concern("Matrix Sag"))
    pending = concern("Matrix Ventende")
    task = services.task_add(
        actor=worker, case=case, title="Matrix-opgave", owner=worker, due_date=timezone.localdate() + timedelta(days=1)
    )
    referral = services.referral_create(
        actor=worker,
        case=case,
        actor_type=Referral.ActorType.POLICE,
        recipient="Nordjyllands Politi",
        text="Matrix.",
        consent_given=False,
        legal_basis="Matrix-hjemmel.",
    )
    return {"case": case, "pending": pending, "task": task, "referral": referral}


def _case(w):
    return {"pk": w["case"].pk}


def _pending(w):
    return {"pk": w["pending"].pk}


def page(name, default=404, kwargs=None, method="get", **over):
    status = expect(default, **over)
    return Rule(name, status, kwargs=kwargs, method=method, data={} if method == "post" else None)


def api(name, default=404, kwargs=None, method="get", data=None, **over):
    status = expect(default, anonymous=401, **over)
    if method == "post" and data is None:
        data = {}
    return Rule(name, status, kwargs=kwargs, method=method, data=data, json=method == "post")


RULES = [
    page("cases:concern-create", **NOTIFIERS),
    page("cases:my-concerns", **NOTIFIERS),
    page("cases:queue", **CASEWORKERS),
    page("cases:concern-detail", kwargs=_pending, sagsbehandler=200),
    page("cases:concern-confirm", kwargs=_pending, method="post", sagsbehandler=400),
    page("cases:concern-triage", kwargs=_pending, method="post", sagsbehandler=400),
    page("cases:concern-feedback", kwargs=_pending, method="post", sagsbehandler=400),
    page("cases:case-list", **CASE_ROLES),
    page("cases:my-tasks", **CASE_ROLES),
    page("cases:task-done", kwargs=lambda w: {"task_id": w["task"].public_id}, method="post", sagsbehandler=400),
    page("cases:notifications", default=200),
    page("cases:break-glass", **CASEWORKERS),
    page("cases:approvals", **CASEWORKERS),
    page(
        "cases:referral-decide",
        kwargs=lambda w: {"referral_id": w["referral"].public_id},
        method="post",
        sagsbehandler=400,
    ),
    # The tovholder is first sent to re-authenticate (302); everyone else gets 404.
    page("cases:person-access-export", tovholder=302),
    page("cases:case-detail", kwargs=_case, sagsbehandler=200),
    page("cases:entry-add", kwargs=_case, method="post", sagsbehandler=400),
    page("cases:task-add", kwargs=_case, method="post", sagsbehandler=400),
    page("cases:member-add", kwargs=_case, method="post", sagsbehandler=400),
    page("cases:case-status", kwargs=_case, method="post", sagsbehandler=400),
    page("cases:link-add", kwargs=_case, method="post", sagsbehandler=400),
    page("cases:archive-hold", kwargs=_case, method="post", sagsbehandler=400),
    page("cases:intake-settings", admin=200),
    page("cases:intake-settings", method="post", admin=400),
    page("cases:safe-contact", kwargs=_case, sagsbehandler=200),
    page("cases:contact", kwargs=_case, sagsbehandler=200),
    page("cases:referral-add", kwargs=_case, sagsbehandler=200),
    api("cases-api:concern-list", method="post", **{k: 400 for k in NOTIFIERS}),
    # The notifier (fagperson) gets the status only; the receiving unit's case worker gets the concern.
    api("cases-api:concern-detail", kwargs=_pending, sagsbehandler=200, fagperson=200),
    api("cases-api:concern-confirm-receipt", kwargs=_pending, method="post", sagsbehandler=400),
    api("cases-api:concern-triage", kwargs=_pending, method="post", sagsbehandler=400),
    api("cases-api:concern-feedback", kwargs=_pending, method="post", sagsbehandler=400),
    api("cases-api:case-list", **CASE_ROLES),
    api("cases-api:case-search", method="post", data={"status": "bogus"}, **{r: 400 for r in CASE_ROLES}),
    api("cases-api:case-detail", kwargs=_case, sagsbehandler=200),
    api("cases-api:case-entries", kwargs=_case, method="post", sagsbehandler=400),
    api("cases-api:case-tasks", kwargs=_case, method="post", sagsbehandler=400),
]


# --- The API's case actions (status, team, safe contact, contacts, referrals, links, tasks) ----------


def _api_put(name, **kw):
    """An api() rule sent as PUT with an empty JSON body (invalid: every field is required)."""
    import dataclasses

    return dataclasses.replace(api(name, **kw), method="put", data={}, json=True)


RULES += [
    api("cases-api:case-status", kwargs=_case, method="post", sagsbehandler=400),
    api("cases-api:case-members", kwargs=_case, method="post", sagsbehandler=400),
    api("cases-api:case-safe-contact", kwargs=_case, sagsbehandler=200),
    _api_put("cases-api:case-safe-contact", kwargs=_case, sagsbehandler=400),
    api("cases-api:case-contacts", kwargs=_case, method="post", sagsbehandler=400),
    api("cases-api:case-referrals", kwargs=_case, method="post", sagsbehandler=400),
    api("cases-api:case-links", kwargs=_case, method="post", sagsbehandler=400),
    api(
        "cases-api:referral-decision",
        kwargs=lambda w: {"pk": w["referral"].public_id},
        method="post",
        sagsbehandler=400,
    ),
    api("cases-api:task-done", kwargs=lambda w: {"pk": w["task"].public_id}, method="post", sagsbehandler=400),
    api("cases-api:case-archive-hold", kwargs=_case, method="post", sagsbehandler=400),
    api("cases-api:case-referrals", kwargs=_case, sagsbehandler=200),
    api("cases-api:referral-pending", **CASEWORKERS),
]
