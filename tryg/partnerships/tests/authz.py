"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world: the demo partnerships. Sawa (Aalborg) is the `partner` user's own partner; Foreningen for Kvinders Vækst
is another Aalborg partner (its grant is a 404 for Sawa's user). POST rules send empty data: allowed roles get 400.
"""

from tryg.core.testing import Rule, expect

COORDINATOR = dict(tovholder=200)
BOTH = dict(tovholder=200, partner=200)


def setup(cast) -> dict:
    from tryg.partnerships import services
    from tryg.partnerships.uploads import as_file

    from .helpers import PDF, demo_world

    world = demo_world(cast)
    grant = world["sawa_grant"]
    activity = services.activity_report(
        actor=cast["partner"],
        grant=grant,
        title="Matrix-aktivitet",
        held_on=grant.starts_on,
        participants=3,
        attachment=as_file(PDF, "matrix.pdf"),
    )
    world["activity"] = activity
    world["attachment"] = activity.attachments.get()
    world["deadline"] = grant.deadlines.order_by("due_on").first()
    return world


def _sawa(w):
    return {"pk": w["sawa_grant"].pk}


def _fkv(w):
    return {"pk": w["fkv_grant"].pk}


def page(name, default=404, kwargs=None, method="get", **over):
    return Rule(name, expect(default, **over), kwargs=kwargs, method=method, data={} if method == "post" else None)


def api(name, default=404, kwargs=None, method="get", json=True, **over):
    data = {} if method == "post" else None
    return Rule(
        name,
        expect(default, anonymous=401, **over),
        kwargs=kwargs,
        method=method,
        data=data,
        json=json and bool(data is not None),
    )


RULES = [
    page("partnerships:overview", **COORDINATOR),
    page("partnerships:mine", partner=200),
    page("partnerships:partner-list", **COORDINATOR),
    page("partnerships:partner-create", **COORDINATOR),
    page("partnerships:partner-create", method="post", tovholder=400),
    page("partnerships:partner-detail", kwargs=lambda w: {"pk": w["sawa"].pk}, **BOTH),
    page("partnerships:partner-detail", kwargs=lambda w: {"pk": w["fkv"].pk}, **COORDINATOR),
    page("partnerships:contact-add", kwargs=lambda w: {"pk": w["sawa"].pk}, method="post", tovholder=400),
    page("partnerships:pool-list", **COORDINATOR),
    page("partnerships:pool-detail", kwargs=lambda w: {"pk": w["pool"].pk}, **COORDINATOR),
    page("partnerships:grant-create", kwargs=lambda w: {"pk": w["pool"].pk}, method="post", tovholder=400),
    page("partnerships:grant-detail", kwargs=_sawa, **BOTH),
    page("partnerships:grant-detail", kwargs=_fkv, **COORDINATOR),
    page("partnerships:budget-line-add", kwargs=_sawa, method="post", tovholder=400),
    page("partnerships:payment-add", kwargs=_sawa, method="post", tovholder=400),
    page("partnerships:agreement-add", kwargs=_sawa, method="post", tovholder=400),
    page("partnerships:deadline-add", kwargs=_sawa, method="post", tovholder=400),
    page("partnerships:activity-create", kwargs=_sawa, partner=200),
    page("partnerships:activity-create", kwargs=_sawa, method="post", partner=400),
    page("partnerships:activity-create", kwargs=_fkv),
    page("partnerships:grant-report", kwargs=_sawa, **BOTH),
    page("partnerships:grant-report", kwargs=_fkv, **COORDINATOR),
    # The export asks for the password again first: 302 to accounts:reauth for those who may have it.
    page("partnerships:grant-report-xlsx", kwargs=_sawa, tovholder=302, partner=302),
    page("partnerships:grant-report-xlsx", kwargs=_fkv, tovholder=302),
    page("partnerships:deadline-submit", kwargs=lambda w: {"pk": w["deadline"].pk}, method="post", partner=400),
    page("partnerships:attachment-download", kwargs=lambda w: {"pk": w["attachment"].pk}, **BOTH),
    api("partnerships-api:partner-list", **BOTH),
    api("partnerships-api:partner-detail", kwargs=lambda w: {"pk": w["sawa"].pk}, **BOTH),
    api("partnerships-api:partner-detail", kwargs=lambda w: {"pk": w["fkv"].pk}, **COORDINATOR),
    api("partnerships-api:pool-list", **COORDINATOR),
    api("partnerships-api:grant-list", **BOTH),
    api("partnerships-api:grant-detail", kwargs=_sawa, **BOTH),
    api("partnerships-api:grant-detail", kwargs=_fkv, **COORDINATOR),
    api("partnerships-api:grant-budget-lines", kwargs=_sawa, method="post", tovholder=400),
    api("partnerships-api:grant-payments", kwargs=_sawa, method="post", tovholder=400),
    api("partnerships-api:grant-activities", kwargs=_sawa, **BOTH),
    api("partnerships-api:grant-activities", kwargs=_sawa, method="post", partner=400),
    api("partnerships-api:grant-activities", kwargs=_fkv, method="post"),
    api(
        "partnerships-api:activity-attachments",
        kwargs=lambda w: {"pk": w["activity"].pk},
        method="post",
        json=False,
        partner=400,
    ),
    api("partnerships-api:due-reports", **BOTH),
]
