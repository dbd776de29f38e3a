"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world: an honour-related case whose team is the sagsbehandler and the konsulent (security consultant),
with a draft screening and a safety plan. Everyone else (also the outsider of Hjørring) gets 404. POST/PUT
rules send invalid data: allowed roles get 400 and nothing changes.
"""

from datetime import timedelta

from django.utils import timezone

from tryg.core.testing import Rule, expect

TEAM = dict(sagsbehandler=200, konsulent=200)
TEAM_400 = dict(sagsbehandler=400, konsulent=400)
RISK_ROLES = dict(sagsbehandler=200, konsulent=200, outsider=200)


def setup(cast) -> dict:
    from tryg.risk import services
    from tryg.risk.tests.helpers import instrument, make_case

    case = make_case(cast, name="Matrix Risiko")
    draft = services.assessment_start(actor=cast["konsulent"], case=case, instrument=instrument("tryg-screening"))
    plan = services.safety_plan_save(
        actor=cast["sagsbehandler"],
        case=case,
        data=services.PlanData(
            escalation="Ring 112.", contacts="Politiet 114.", review_date=timezone.localdate() + timedelta(days=9)
        ),
    )
    from tryg.risk.tests.helpers import named_consultation

    consultation = named_consultation(cast)
    return {"risk_case": case, "risk_draft": draft, "risk_plan": plan, "risk_consultation": consultation}


def _case(w):
    return {"pk": w["risk_case"].pk}


def _draft(w):
    return {"pk": w["risk_draft"].pk}


def page(name, default=404, kwargs=None, method="get", **over):
    return Rule(name, expect(default, **over), kwargs=kwargs, method=method, data={} if method == "post" else None)


def api(name, default=404, kwargs=None, method="get", **over):
    return Rule(
        name,
        expect(default, anonymous=401, **over),
        kwargs=kwargs,
        method=method,
        data={} if method in ("post", "put") else None,
        json=method in ("post", "put"),
    )


RULES = [
    page("risk:reassessment", **RISK_ROLES),
    page("risk:case", kwargs=_case, **TEAM),
    page("risk:flag", kwargs=_case, method="post", sagsbehandler=400),
    page("risk:assessment-start", kwargs=_case, method="post", **TEAM_400),
    page("risk:sibling", kwargs=_case, method="post", **TEAM_400),
    page("risk:travel", kwargs=_case, **TEAM),
    page("risk:travel", kwargs=_case, method="post", **TEAM_400),
    page("risk:safety-plan", kwargs=_case, **TEAM),
    page("risk:safety-plan", kwargs=_case, method="post", **TEAM_400),
    page("risk:assessment", kwargs=_draft, **TEAM),
    page("risk:assessment", kwargs=_draft, method="post", **TEAM_400),
    page("risk:consultation", kwargs=lambda w: {"pk": w["risk_consultation"].pk}, konsulent=200),
    page("risk:consultation", kwargs=lambda w: {"pk": w["risk_consultation"].pk}, method="post", konsulent=400),
    api("risk-api:consultation-assessments", kwargs=lambda w: {"pk": w["risk_consultation"].pk}, konsulent=200),
    api(
        "risk-api:consultation-assessments",
        kwargs=lambda w: {"pk": w["risk_consultation"].pk},
        method="post",
        konsulent=400,
    ),
    page("risk:safety-plan-print", kwargs=lambda w: {"pk": w["risk_plan"].pk}, **TEAM),
    api("risk-api:instrument-list", **RISK_ROLES),
    api("risk-api:instrument-detail", kwargs=lambda w: {"slug": "tryg-screening"}, **RISK_ROLES),
    api("risk-api:case-assessments", kwargs=_case, **TEAM),
    api("risk-api:case-assessments", kwargs=_case, method="post", **TEAM_400),
    api("risk-api:case-flag", kwargs=_case, **TEAM),
    api("risk-api:case-flag", kwargs=_case, method="put", sagsbehandler=400),
    api("risk-api:case-safety-plans", kwargs=_case, **TEAM),
    api("risk-api:case-safety-plans", kwargs=_case, method="post", **TEAM_400),
    api("risk-api:assessment-detail", kwargs=_draft, **TEAM),
    api("risk-api:assessment-detail", kwargs=_draft, method="put", **TEAM_400),
]
