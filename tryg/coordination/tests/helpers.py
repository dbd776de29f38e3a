"""Builders for the coordination tests (through the services, like the pages do)."""

from tryg.cases.tests.helpers import make_case  # noqa: F401 - re-exported for the tests
from tryg.coordination import services
from tryg.coordination.models import Actor, Consultation


def ask_anonymous(cast, role="fagperson", **kw):
    data = {"topic": "Pige på 15 må ikke gå i klub", "text": "Hvordan taler jeg med hende?", **kw}
    return services.consultation_create(actor=cast[role], target_group=Consultation.TargetGroup.CHILD, **data)


def ask_about_case(cast, case, **kw):
    return services.consultation_create(
        actor=cast["sagsbehandler"],
        case=case,
        topic="Risiko for udrejse",
        text="Hvad anbefaler I?",
        target_group=Consultation.TargetGroup.CHILD,
        basis=Consultation.Basis.CHILD_172C,
        **kw,
    )


def sawa_actor(cast) -> Actor:
    partner = cast["partner"]
    unit = partner.memberships_cached[0].unit
    actor, _ = Actor.objects.get_or_create(
        municipality=partner.municipality, name="Sawa", defaults={"kind": Actor.Kind.PARTNER, "unit": unit}
    )
    return actor


def world(cast) -> dict:
    from tryg.cases.demo import ensure_routing

    ensure_routing()
    case = make_case(cast, name="Matrix Koordinering")
    named = ask_about_case(cast, case)
    services.consultation_assign(actor=cast["konsulent"], consultation=named)
    meeting = services.meeting_create(actor=cast["sagsbehandler"], title="Matrix-møde", starts_at=case.opened_at)
    item = services.agenda_add(actor=cast["sagsbehandler"], meeting=meeting, case=case)
    own = services.actor_save(actor=cast["tovholder"], name="Matrix-aktør", kind=Actor.Kind.OTHER)
    referral = services.actor_referral_create(
        actor=cast["sagsbehandler"],
        case=case,
        recipient=sawa_actor(cast),
        text="Matrix.",
        consent_given=True,
        consent_by="Personen selv",
    )
    return {
        "case": case,
        "anon": ask_anonymous(cast),
        "hjorring": ask_anonymous(cast, role="outsider", topic="Ung i Hjørring"),
        "named": named,
        "meeting": meeting,
        "item": item,
        "actor": own,
        "referral": referral,
    }
