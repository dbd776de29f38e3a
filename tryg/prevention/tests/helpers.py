"""Small builders for the prevention tests (through the services, like the pages do)."""

from datetime import date, timedelta

from django.utils import timezone

from tryg.prevention import services


def make_topic(cast, name="Digital kontrol"):
    return services.topic_create(actor=cast["tovholder"], name=name)


def make_facilitator(cast, *, name="Test Dialogskaber", birth_date=date(2000, 5, 1), **kw):
    return services.facilitator_create(
        actor=cast["tovholder"],
        data=services.FacilitatorData(name=name, birth_date=birth_date, consent_on=date(2024, 1, 1), **kw),
    )


def make_session(cast, *, starts_at=None, topics=None, facilitators=None, place_name="Testskolen", **kw):
    starts_at = starts_at or timezone.now() - timedelta(hours=1)
    return services.session_plan(
        actor=cast["tovholder"],
        data=services.SessionData(
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            place_kind=kw.pop("place_kind", "school"),
            place_name=place_name,
            audience=kw.pop("audience", "8.A"),
            age_band=kw.pop("age_band", "13-15"),
            topics=topics if topics is not None else [make_topic(cast, name=f"Emne {timezone.now().timestamp()}")],
            facilitators=facilitators or [make_facilitator(cast)],
            **kw,
        ),
    )
