"""This app's rows of the authorization matrix (see tryg/core/testing.py).

The world: Aalborg's topic, a facilitator linked to the `fagperson` login, a planned session that began an hour
ago with a slip, and a cancelled session. POST rules send invalid data: allowed roles get 400 and nothing changes. The
public evaluation (outside /app/) answers everyone alike, logged in or not.
"""

import dataclasses
from datetime import date, timedelta

from django.utils import timezone

from tryg.core.testing import Rule, expect

COORDINATOR = dict(tovholder=200)


def setup(cast) -> dict:
    from tryg.prevention import services

    coordinator = cast["tovholder"]
    topic = services.topic_create(actor=coordinator, name="Matrix-emne")
    facilitator = services.facilitator_create(
        actor=coordinator,
        data=services.FacilitatorData(
            name="Matrix Dialogskaber", birth_date=date(2000, 1, 1), consent_on=date(2024, 1, 1), user=cast["fagperson"]
        ),
    )
    starts = timezone.now() - timedelta(hours=1)  # begun: the slip can be answered, counts can be given

    def plan():
        return services.session_plan(
            actor=coordinator,
            data=services.SessionData(
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                place_kind="school",
                place_name="Matrix Skole",
                audience="8.A",
                age_band="13-15",
                topics=[topic],
                facilitators=[facilitator],
            ),
        )

    session = plan()
    cancelled = services.session_cancel(actor=coordinator, session=plan())
    slip = services.slips_create(actor=coordinator, session=session, count=1)[0]
    return {"topic": topic, "facilitator": facilitator, "session": session, "cancelled": cancelled, "slip": slip}


def _session(w):
    return {"pk": w["session"].pk}


def _facilitator(w):
    return {"pk": w["facilitator"].pk}


def _slip(w):
    return {"code": w["slip"].code}


def page(name, default=404, kwargs=None, method="get", **over):
    return Rule(name, expect(default, **over), kwargs=kwargs, method=method, data={} if method == "post" else None)


def api(name, default=404, kwargs=None, method="get", **over):
    json = method in ("post", "put")
    return Rule(
        name, expect(default, anonymous=401, **over), kwargs=kwargs, method=method, data={} if json else None, json=json
    )


def public(name, status, kwargs=None, method="get"):
    return Rule(
        name, expect(status, anonymous=status), kwargs=kwargs, method=method, data={} if method == "post" else None
    )


RULES = [
    page("prevention:session-list", **COORDINATOR),
    page("prevention:session-calendar", **COORDINATOR),
    page("prevention:session-create", **COORDINATOR),
    page("prevention:session-create", method="post", tovholder=400),
    page("prevention:session-detail", kwargs=_session, **COORDINATOR),
    page("prevention:session-edit", kwargs=_session, **COORDINATOR),
    page("prevention:session-edit", kwargs=_session, method="post", tovholder=400),
    page("prevention:session-cancel", kwargs=_session, method="post", tovholder=400),
    page("prevention:session-participants", kwargs=_session, method="post", tovholder=400),
    page("prevention:session-slips", kwargs=_session, **COORDINATOR),
    page("prevention:session-slips", kwargs=_session, method="post", tovholder=400),
    page("prevention:statistics", **COORDINATOR),
    # The fagperson's login is linked to the world's facilitator: their own sessions.
    page("prevention:my-sessions", fagperson=200),
    page("prevention:facilitator-list", **COORDINATOR),
    page("prevention:facilitator-create", **COORDINATOR),
    page("prevention:facilitator-create", method="post", tovholder=400),
    page("prevention:facilitator-detail", kwargs=_facilitator, **COORDINATOR),
    page("prevention:facilitator-detail", kwargs=_facilitator, method="post", tovholder=400),
    page("prevention:topic-list", **COORDINATOR),
    page("prevention:topic-list", method="post", tovholder=400),
    page("prevention:topic-active", kwargs=lambda w: {"pk": w["topic"].pk}, method="post", tovholder=400),
    public("evaluation:start", 200),
    public("evaluation:form", 200, kwargs=_slip),
    public("evaluation:form", 400, kwargs=_slip, method="post"),
    api("prevention-api:facilitator-list", **COORDINATOR),
    api("prevention-api:facilitator-list", method="post", tovholder=400),
    api("prevention-api:facilitator-detail", kwargs=_facilitator, **COORDINATOR),
    dataclasses.replace(api("prevention-api:facilitator-detail", kwargs=_facilitator, method="put", tovholder=400)),
    api("prevention-api:topic-list", **COORDINATOR),
    api("prevention-api:topic-list", method="post", tovholder=400),
    api("prevention-api:session-list", **COORDINATOR),
    api("prevention-api:session-list", method="post", tovholder=400),
    api("prevention-api:session-detail", kwargs=_session, **COORDINATOR),
    api("prevention-api:session-participants", kwargs=_session, method="put", tovholder=400),
    # Cancelling the already cancelled session: 400 for the coordinator, and nothing changes.
    api("prevention-api:session-cancel", kwargs=lambda w: {"pk": w["cancelled"].pk}, method="post", tovholder=400),
    api("prevention-api:session-slips", kwargs=_session, **COORDINATOR),
    api("prevention-api:session-slips", kwargs=_session, method="post", tovholder=400),
    api("prevention-api:statistics", **COORDINATOR),
    api("prevention-api:my-sessions", fagperson=200),
]
