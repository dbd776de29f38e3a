"""Demo data for youth-to-youth dialogue (fictional facilitators and made-up figures). Idempotent."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from tryg.accounts.models import Municipality, Unit

from . import services
from .models import AgeBand, Facilitator, Gender, PlaceKind, Topic

TOPICS = [
    "Frihed til at vælge partner",
    "Digital kontrol",
    "Fordomme",
    "Kønsroller",
    "Familiens forventninger",
]


def _at(day: date, hour: int, minutes: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minutes)))


@transaction.atomic
def demo_seed(*, users) -> None:
    coordinator = users.get("tovholder")
    if coordinator is None:
        return
    municipality = Municipality.objects.get(pk=coordinator.municipality_id)
    if Topic.objects.filter(municipality=municipality).exists():
        return  # already seeded
    topics = {name: services.topic_create(actor=coordinator, name=name) for name in TOPICS}
    today = timezone.localdate()
    amira = services.facilitator_create(
        actor=coordinator,
        data=services.FacilitatorData(
            name="Amira Demo",
            birth_date=date(today.year - 17, 3, 14),
            consent_on=today - timedelta(days=200),
            guardian_name="Forælder til Amira (demo)",
            guardian_consent_on=today - timedelta(days=200),
            training_status=Facilitator.Training.TRAINED,
            trained_on=today - timedelta(days=150),
            phone="20 00 00 01",
        ),
    )
    jonas = services.facilitator_create(
        actor=coordinator,
        data=services.FacilitatorData(
            name="Jonas Demo",
            birth_date=date(today.year - 21, 8, 2),
            consent_on=today - timedelta(days=400),
            training_status=Facilitator.Training.TRAINED,
            trained_on=today - timedelta(days=380),
            email="jonas@demo.invalid",
        ),
    )
    services.facilitator_create(
        actor=coordinator,
        data=services.FacilitatorData(
            name="Sofie Demo",
            birth_date=date(today.year - 19, 11, 20),
            consent_on=today - timedelta(days=20),
        ),
    )
    school = Unit.objects.filter(municipality=municipality, kind=Unit.Kind.SCHOOL).first()
    plans = [
        # (days from today, place unit, free-text place, kind, audience, band, topics, held counts)
        (-60, school, "", PlaceKind.SCHOOL, "8.A", AgeBand.AGE_13_15, ["Digital kontrol", "Fordomme"], (12, 11, 1)),
        (
            -30,
            None,
            "Ungdomsklubben Øst (demo)",
            PlaceKind.YOUTH_CLUB,
            "Klubbens ældste",
            AgeBand.AGE_16_17,
            ["Frihed til at vælge partner"],
            (6, 9, 0),
        ),
        (
            -9,
            school,
            "",
            PlaceKind.SCHOOL,
            "9.B",
            AgeBand.AGE_13_15,
            ["Kønsroller", "Familiens forventninger"],
            (10, 12, 2),
        ),
        (1, school, "", PlaceKind.SCHOOL, "7.C", AgeBand.AGE_13_15, ["Digital kontrol"], None),
        (
            12,
            None,
            "Foreningshuset (demo)",
            PlaceKind.ASSOCIATION,
            "Pigegruppen",
            AgeBand.AGE_16_17,
            ["Frihed til at vælge partner", "Fordomme"],
            None,
        ),
    ]
    for offset, unit, name, kind, audience, band, topic_names, held in plans:
        day = today + timedelta(days=offset)
        session = services.session_plan(
            actor=coordinator,
            data=services.SessionData(
                starts_at=_at(day, 10),
                ends_at=_at(day, 11, 30),
                place_kind=kind,
                place_unit=unit,
                place_name=name,
                audience=audience,
                age_band=band,
                topics=[topics[t] for t in topic_names],
                facilitators=[amira, jonas],
            ),
        )
        if held:
            girls, boys, unstated = held
            services.session_record_participants(
                actor=coordinator,
                session=session,
                counts={(band, Gender.GIRLS): girls, (band, Gender.BOYS): boys, (band, Gender.UNSTATED): unstated},
            )
        slips = services.slips_create(actor=coordinator, session=session, count=30 if not held else 8)
        if held and offset >= -services.EVALUATION_OPEN_DAYS:
            for index, slip in enumerate(slips[:5]):
                services.evaluation_submit(
                    slip=slip,
                    score_voice=4 + index % 2,
                    score_learned=3 + index % 3,
                    score_relevant=4,
                    reflection="At man må sige fra, også over for dem man holder af. (demo)" if index == 0 else "",
                )
