"""Demo data for coordination: a few consultations across Aalborg and Hjørring, the municipalities' own actors,
a referral answered by a partner, and one multi-agency meeting. Made-up content. Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tryg.accounts.models import Unit
from tryg.cases.models import Case, CaseMember, Concern

from . import services
from .models import Actor, Consultation

OWN_ACTORS = [
    # (municipality code, name, kind, offers, unit name or None)
    ("851", "Sawa", Actor.Kind.PARTNER, "Forening, hvor kvinder med arabisk baggrund kan mødes.", "Sawa"),
    (
        "851",
        "Foreningen for Kvinders Vækst",
        Actor.Kind.PARTNER,
        "Netværk for kvinder på tværs af etnisk herkomst, kultur og religion.",
        None,
    ),
    ("851", "Elsk Aalborg International", Actor.Kind.PARTNER, "Fællesskab, der byder alle velkomne.", None),
    ("851", "Integrationsrådet", Actor.Kind.OTHER, "Kommunens samarbejde med Integrationsrådet.", None),
    ("851", "SSP Aalborg", Actor.Kind.OTHER, "Samarbejde mellem skole, socialforvaltning og politi.", "SSP Aalborg"),
    (
        "860",
        "Familieafdelingen Hjørring",
        Actor.Kind.MUNICIPAL_UNIT,
        "Myndighed for børn og unge i Hjørring Kommune.",
        "Familieafdelingen Hjørring",
    ),
]


def _own_actors(users) -> dict[str, Actor]:
    out = {}
    municipalities = {u.municipality.code: u.municipality for u in users.values() if u.municipality_id}
    for code, name, kind, offers, unit_name in OWN_ACTORS:
        municipality = municipalities[code]
        unit = Unit.objects.filter(municipality=municipality, name=unit_name).first() if unit_name else None
        out[name], _ = Actor.objects.get_or_create(
            municipality=municipality, name=name, defaults={"kind": kind, "offers": offers, "unit": unit}
        )
    return out


@transaction.atomic
def demo_seed(*, users) -> None:
    actors = _own_actors(users)
    fagperson, worker, consultant = users["fagperson"], users["sagsbehandler"], users["konsulent"]
    if Consultation.objects.filter(asker=fagperson).exists():
        return
    anonymous = services.consultation_create(
        actor=fagperson,
        topic="Pige i 8. klasse må ikke deltage i lejrskole",
        text="En elev på 14 år fortæller, at hun ikke må tage med på lejrskole, og at hendes bror følger hende "
        "til og fra skole. Hvordan taler jeg med hende uden at gøre det værre? (Fiktivt eksempel.)",
        target_group=Consultation.TargetGroup.CHILD,
    )
    services.message_add(
        actor=consultant,
        consultation=anonymous,
        text="Tak for din henvendelse. Tal med eleven alene og et sted, hvor hun føler sig tryg. Gå ikke til "
        "familien med det, hun fortæller. Skriv ned, hvad hun siger. Vil du ringe til os i morgen?",
    )
    services.consultation_create(
        actor=users["sagsbehandler2"],
        topic="Ung mand frygter at blive giftet bort",
        text="En ung mand på 19 år har fortalt sin jobkonsulent, at familien planlægger et ægteskab. Hvad kan "
        "vi tilbyde? (Fiktivt eksempel.)",
        target_group=Consultation.TargetGroup.ADULT,
        urgency=Consultation.Urgency.URGENT,
    )
    region = users["sagsbehandler2"].municipality.region
    services.consultation_from_citizen(
        region=region,
        municipality=users["sagsbehandler2"].municipality,
        text="Min veninde må ikke have en telefon, og hun siger, at hun skal giftes til sommer. Hvad gør jeg?",
        involved="Min veninde, 17 år",
        age_band="15-17",
    )
    sara_case = Case.objects.filter(
        members__user=consultant, members__role=CaseMember.Role.SECURITY_CONSULTANT, municipality=worker.municipality
    ).first()
    if sara_case is not None:
        named = services.consultation_create(
            actor=worker,
            case=sara_case,
            topic="Risiko for udrejse – hvordan sikrer vi pigen?",
            text="Pigen frygter at blive sendt ud af landet. Vi overvejer en sikkerhedsplan og et netværksmøde med "
            "politiet. Hvad anbefaler I? (Fiktivt eksempel.)",
            target_group=Consultation.TargetGroup.CHILD,
            urgency=Consultation.Urgency.URGENT,
            basis=Consultation.Basis.CHILD_172C,
        )
        services.consultation_assign(actor=consultant, consultation=named)
        meeting = services.meeting_create(
            actor=consultant,
            title="Netværksmøde om udrejserisiko",
            starts_at=timezone.now() - timedelta(days=1),
            place="Sønderbro 12, 9000 Aalborg",
        )
        services.participant_add(actor=consultant, meeting=meeting, user=worker)
        police = Actor.objects.filter(slug="nordjyllands-politi", municipality=None).first()
        if police is not None:
            services.participant_add(actor=consultant, meeting=meeting, external=police)
        item = services.agenda_add(actor=worker, meeting=meeting, case=sara_case)
        services.meeting_decisions_set(
            actor=worker,
            item=item,
            decisions="Politiet orienteres om risikoen for udrejse. Skolen kontakter pigen dagligt. (Fiktivt.)",
        )
        services.meeting_action_add(
            actor=worker,
            item=item,
            title="Lav sikkerhedsplan med pigen",
            owner=worker,
            due_date=timezone.localdate() + timedelta(days=3),
        )
    closed = services.consultation_create(
        actor=users["partner"],
        topic="Kvinde i foreningen kontrolleres økonomisk",
        text="En kvinde fortæller, at hendes mand har hendes bankkort og NemID. Hvordan hjælper vi? (Fiktivt.)",
        target_group=Consultation.TargetGroup.ADULT,
    )
    services.consultation_close(
        actor=consultant,
        consultation=closed,
        advice="Foreningen kan hjælpe kvinden med at kontakte kommunens rådgivning efter serviceloven § 12 a.",
        follow_up="Foreningen vender tilbage, hvis kvinden ønsker et møde med en konsulent.",
    )
    adult_case = Case.objects.filter(concerns__source=Concern.Source.PARTNER, municipality=worker.municipality).first()
    sawa = actors.get("Sawa")
    if adult_case is not None and sawa is not None:
        link = services.actor_referral_create(
            actor=worker,
            case=adult_case,
            recipient=sawa,
            text="Kvinden ønsker at deltage i foreningens netværksgruppe. (Fiktivt.)",
            consent_given=True,
            consent_by="Kvinden selv",
        )
        services.actor_referral_answer(actor=users["partner"], item=link, answer="accept", text="Vi ringer hende op.")
