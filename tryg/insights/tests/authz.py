"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world: the demo plan of Aalborg (the coordinator's municipality). The statistics pages are the coordinator's
(own municipality) and the consultant's (region); everyone else gets 404. The public plan page answers everyone
alike. POST rules send empty data: allowed roles get 400 (the review is a plain POST: 302).
"""

from tryg.core.testing import Rule, expect

COORDINATOR = dict(tovholder=200)
CONSULTANT = dict(konsulent=200)


def setup(cast) -> dict:
    from tryg.insights.demo import demo_seed
    from tryg.insights.models import PlanSection, PlanVersion

    demo_seed(users={"tovholder": cast["tovholder"]})
    version = PlanVersion.objects.filter(municipality_id=cast["tovholder"].municipality_id).order_by("-number").first()
    return {
        "version": version,
        "section": PlanSection.objects.filter(version=version).order_by("position").first(),
        "code": cast["tovholder"].municipality.code,
        "year": version.adopted_on.year,
    }


def page(name, default=404, kwargs=None, method="get", **over):
    return Rule(name, expect(default, **over), kwargs=kwargs, method=method, data={} if method == "post" else None)


def api(name, default=404, kwargs=None, **over):
    return Rule(name, expect(default, anonymous=401, **over), kwargs=kwargs)


def public(name, status, kwargs=None):
    return Rule(name, expect(status, anonymous=status), kwargs=kwargs)


def _version(w):
    return {"number": w["version"].number}


RULES = [
    page("insights:overview", **COORDINATOR),
    page("insights:export-csv", tovholder=302),  # exports: the password again first (302 to accounts:reauth)
    page("insights:export-xlsx", tovholder=302),
    page("insights:region", **CONSULTANT),
    page("insights:region-export-csv", konsulent=302),
    page("insights:region-export-xlsx", konsulent=302),
    page("insights:plan", **COORDINATOR),
    page("insights:version-create", **COORDINATOR),
    page("insights:version-create", method="post", tovholder=400),
    page("insights:version-detail", kwargs=_version, **COORDINATOR),
    page("insights:version-diff", kwargs=_version, **COORDINATOR),
    page("insights:section-review", kwargs=lambda w: {"pk": w["section"].pk}, method="post", tovholder=302),
    page("insights:annual-report", kwargs=lambda w: {"year": w["year"]}, **COORDINATOR),
    page("insights:annual-report", kwargs=lambda w: {"year": w["year"]}, method="post", tovholder=302),
    page("insights:annual-report-xlsx", kwargs=lambda w: {"year": w["year"]}, tovholder=302),
    public("beredskab:plan", 200, kwargs=lambda w: {"code": w["code"]}),
    api("insights-api:indicators", **COORDINATOR),
    api("insights-api:region-indicators", **CONSULTANT),
    api("insights-api:plan", **COORDINATOR),
]
