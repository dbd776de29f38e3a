"""Every write of youth-to-youth dialogue. Keyword-only, atomic, validated; facilitator records (personal
data of young people) get their audit row in the same transaction.

Rules live here once: a refusal raises ValidationError with field names (or a DomainError with an API code),
which the pages put on their form and the API turns into its error shape.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Unit, User
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.errors import DomainError

from .access import PURPOSE
from .models import (
    AgeBand,
    DialogueSession,
    Evaluation,
    EvaluationSlip,
    Facilitator,
    Gender,
    ParticipantCount,
    Topic,
    age_on,
    new_slip_code,
)

MIN_FACILITATOR_AGE = 13
MAX_SLIPS_PER_SESSION = 500
MAX_SLIPS_AT_ONCE = 200
# A slip can be answered from the day of the session until this many days after it.
EVALUATION_OPEN_DAYS = 30


# --- facilitators ----------------------------------------------------------------------------------


@dataclass
class FacilitatorData:
    name: str
    birth_date: date
    consent_on: date
    phone: str = ""
    email: str = ""
    training_status: str = Facilitator.Training.IN_TRAINING
    trained_on: date | None = None
    guardian_name: str = ""
    guardian_consent_on: date | None = None
    user: User | None = None


def _check_facilitator(actor, data: FacilitatorData, *, instance: Facilitator | None = None) -> None:
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if data.birth_date and (data.birth_date >= today or age_on(data.birth_date, today) < MIN_FACILITATOR_AGE):
        errors["birth_date"] = _("En dialogskaber skal være mindst %(n)s år.") % {"n": MIN_FACILITATOR_AGE}
    if data.consent_on and data.consent_on > today:
        errors["consent_on"] = _("Samtykket kan ikke være givet i fremtiden.")
    minor = data.birth_date and age_on(data.birth_date, today) < 18
    if minor and not data.guardian_name.strip():
        errors["guardian_name"] = _("Under 18 år: skriv navnet på den forælder eller værge, der har givet samtykke.")
    if minor and data.guardian_consent_on is None:
        errors["guardian_consent_on"] = _("Under 18 år: forælderens eller værgens samtykke skal være givet.")
    if data.guardian_consent_on and data.guardian_consent_on > today:
        errors["guardian_consent_on"] = _("Samtykket kan ikke være givet i fremtiden.")
    if data.training_status == Facilitator.Training.TRAINED and data.trained_on is None:
        errors["trained_on"] = _("Skriv, hvornår dialogskaberen blev uddannet.")
    if data.trained_on and data.trained_on > today:
        errors["trained_on"] = _("Datoen kan ikke ligge i fremtiden.")
    if data.user is not None:
        if data.user.municipality_id != actor.municipality_id:
            errors["user"] = _("Brugeren hører til en anden kommune.")
        elif Facilitator.objects.filter(user=data.user).exclude(pk=getattr(instance, "pk", None)).exists():
            errors["user"] = _("Brugeren er allerede knyttet til en anden dialogskaber.")
    if errors:
        raise ValidationError(errors)


def _apply(facilitator: Facilitator, data: FacilitatorData) -> list[str]:
    changed = []
    values = {
        "name": data.name.strip(),
        "phone": data.phone.strip(),
        "email": data.email.strip(),
        "birth_date": data.birth_date,
        "training_status": data.training_status,
        "trained_on": data.trained_on,
        "consent_on": data.consent_on,
        "guardian_name": data.guardian_name.strip(),
        "guardian_consent_on": data.guardian_consent_on,
        "user": data.user,
    }
    for name, value in values.items():
        if getattr(facilitator, name) != value:
            setattr(facilitator, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def facilitator_create(*, actor, data: FacilitatorData) -> Facilitator:
    """Register a facilitator with their consent (and, under 18, the guardian's)."""
    _check_facilitator(actor, data)
    facilitator = Facilitator(municipality_id=actor.municipality_id)
    _apply(facilitator, data)
    facilitator.full_clean()
    facilitator.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=facilitator,
        subject=facilitator,
        purpose=_("Registrering af dialogskaber"),
    )
    return facilitator


@transaction.atomic
def facilitator_update(*, actor, facilitator: Facilitator, data: FacilitatorData) -> Facilitator:
    facilitator = Facilitator.objects.select_for_update().get(pk=facilitator.pk)
    _check_facilitator(actor, data, instance=facilitator)
    changed = _apply(facilitator, data)
    if not changed:
        return facilitator
    facilitator.full_clean()
    facilitator.save(update_fields=changed)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=facilitator,
        subject=facilitator,
        purpose=PURPOSE,
        detail=",".join(sorted(changed)),
    )
    return facilitator


# --- topics ----------------------------------------------------------------------------------------


@transaction.atomic
def topic_create(*, actor, name: str) -> Topic:
    topic = Topic(municipality_id=actor.municipality_id, name=(name or "").strip())
    topic.full_clean()
    topic.save()
    return topic


@transaction.atomic
def topic_set_active(*, actor, topic: Topic, active: bool) -> Topic:
    if topic.is_active != active:
        topic.is_active = active
        topic.save(update_fields=["is_active"])
    return topic


# --- sessions --------------------------------------------------------------------------------------


@dataclass
class SessionData:
    starts_at: datetime
    ends_at: datetime
    place_kind: str
    audience: str
    age_band: str
    topics: list[Topic] = field(default_factory=list)
    facilitators: list[Facilitator] = field(default_factory=list)
    place_unit: Unit | None = None
    place_name: str = ""
    note: str = ""


def _check_session(actor, data: SessionData) -> None:
    errors: dict[str, str] = {}
    municipality = actor.municipality_id
    if data.starts_at and data.ends_at and data.ends_at <= data.starts_at:
        errors["ends_at"] = _("Mødet skal slutte efter, at det er begyndt.")
    elif data.starts_at and data.ends_at and data.ends_at - data.starts_at > timedelta(hours=12):
        errors["ends_at"] = _("Et dialogmøde varer højst 12 timer.")
    if data.place_unit is None and not data.place_name.strip():
        errors["place_name"] = _("Vælg en enhed, eller skriv stedet.")
    if data.place_unit is not None and data.place_unit.municipality_id != municipality:
        errors["place_unit"] = _("Enheden hører til en anden kommune.")
    if not data.topics:
        errors["topics"] = _("Vælg mindst ét emne.")
    elif any(t.municipality_id != municipality or not t.is_active for t in data.topics):
        errors["topics"] = _("Vælg emner fra kommunens liste.")
    if not data.facilitators:
        errors["facilitators"] = _("Vælg mindst én dialogskaber.")
    elif any(f.municipality_id != municipality for f in data.facilitators):
        errors["facilitators"] = _("Vælg dialogskabere fra kommunen.")
    else:
        blocked = [f.name for f in data.facilitators if not f.may_facilitate]
        if blocked:
            errors["facilitators"] = _(
                "%(names)s kan ikke lede møder: ikke aktiv, eller forælderens samtykke mangler."
            ) % {"names": ", ".join(blocked)}
    if errors:
        raise ValidationError(errors)


def _session_values(data: SessionData) -> dict:
    return {
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "place_kind": data.place_kind,
        "place_unit": data.place_unit,
        "place_name": "" if data.place_unit is not None else data.place_name.strip(),
        "audience": data.audience.strip(),
        "age_band": data.age_band,
        "note": data.note.strip(),
    }


@transaction.atomic
def session_plan(*, actor, data: SessionData) -> DialogueSession:
    """Plan a dialogue session with topics from the managed list and facilitators who may lead it."""
    _check_session(actor, data)
    session = DialogueSession(municipality_id=actor.municipality_id, created_by=actor, **_session_values(data))
    session.full_clean()
    session.save()
    session.topics.set(data.topics)
    session.facilitators.set(data.facilitators)
    return session


@transaction.atomic
def session_update(*, actor, session: DialogueSession, data: SessionData) -> DialogueSession:
    session = DialogueSession.objects.select_for_update().get(pk=session.pk)
    if session.status == DialogueSession.Status.CANCELLED:
        raise DomainError(_("Mødet er aflyst."), code="cancelled")
    _check_session(actor, data)
    values = _session_values(data)
    for name, value in values.items():
        setattr(session, name, value)
    session.full_clean()
    session.save(update_fields=list(values))
    session.topics.set(data.topics)
    session.facilitators.set(data.facilitators)
    return session


@transaction.atomic
def session_cancel(*, actor, session: DialogueSession) -> DialogueSession:
    session = DialogueSession.objects.select_for_update().get(pk=session.pk)
    if session.status != DialogueSession.Status.PLANNED:
        raise DomainError(_("Kun et planlagt møde kan aflyses."), code="not_planned")
    session.status = DialogueSession.Status.CANCELLED
    session.save(update_fields=["status"])
    return session


@transaction.atomic
def session_record_participants(
    *, actor, session: DialogueSession, counts: dict[tuple[str, str], int]
) -> DialogueSession:
    """Record how many took part, by (age band, gender), and mark the session held. Replaces earlier counts."""
    session = DialogueSession.objects.select_for_update().get(pk=session.pk)
    if session.status == DialogueSession.Status.CANCELLED:
        raise DomainError(_("Mødet er aflyst."), code="cancelled")
    if session.starts_at > timezone.now():
        raise DomainError(_("Deltagerne kan registreres, når mødet er begyndt."), code="not_started")
    rows = []
    for (band, gender), count in counts.items():
        if band not in AgeBand.values or gender not in Gender.values:
            raise ValidationError({"counts": _("Ukendt aldersgruppe eller køn.")})
        if count is None or count < 0 or count > 10_000:
            raise ValidationError({"counts": _("Skriv et antal mellem 0 og 10.000.")})
        if count:
            rows.append(ParticipantCount(session=session, age_band=band, gender=gender, count=count))
    if not rows:
        raise ValidationError({"counts": _("Skriv, hvor mange der deltog.")})
    session.counts.all().delete()
    ParticipantCount.objects.bulk_create(rows)
    if session.status != DialogueSession.Status.HELD:
        session.status = DialogueSession.Status.HELD
        session.save(update_fields=["status"])
    return session


# --- evaluation slips and anonymous answers --------------------------------------------------------


@transaction.atomic
def slips_create(*, actor, session: DialogueSession, count: int) -> list[EvaluationSlip]:
    """Print-ready slips, each with its own code: one answer per slip."""
    session = DialogueSession.objects.select_for_update().get(pk=session.pk)
    if session.status == DialogueSession.Status.CANCELLED:
        raise DomainError(_("Mødet er aflyst."), code="cancelled")
    if not 1 <= count <= MAX_SLIPS_AT_ONCE:
        raise ValidationError({"count": _("Lav mellem 1 og %(n)s sedler ad gangen.") % {"n": MAX_SLIPS_AT_ONCE}})
    if session.slips.count() + count > MAX_SLIPS_PER_SESSION:
        raise ValidationError({"count": _("Et møde kan højst have %(n)s sedler.") % {"n": MAX_SLIPS_PER_SESSION}})
    codes: set[str] = set()
    while len(codes) < count:
        codes |= {new_slip_code() for _ in range(count - len(codes))}
        codes -= set(EvaluationSlip.objects.filter(code__in=codes).values_list("code", flat=True))
    slips = [EvaluationSlip(session=session, code=code) for code in sorted(codes)]
    EvaluationSlip.objects.bulk_create(slips)
    return list(session.slips.filter(code__in=codes).order_by("id"))


def evaluation_is_open(session: DialogueSession, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    held_on = timezone.localdate(session.starts_at)
    return session.status != DialogueSession.Status.CANCELLED and held_on <= today <= held_on + timedelta(
        days=EVALUATION_OPEN_DAYS
    )


@transaction.atomic
def evaluation_submit(
    *, slip: EvaluationSlip, score_voice: int, score_learned: int, score_relevant: int, reflection: str = ""
) -> Evaluation:
    """The participant's anonymous answer. One per slip; nothing about the participant is stored."""
    slip = EvaluationSlip.objects.select_for_update().select_related("session").get(pk=slip.pk)
    if slip.used_on is not None:
        raise DomainError(_("Denne seddel er allerede brugt. Tak for dit svar!"), code="slip_used")
    if not evaluation_is_open(slip.session):
        raise DomainError(_("Evalueringen af dette møde er ikke åben."), code="not_open")
    evaluation = Evaluation(
        slip=slip,
        session=slip.session,
        score_voice=score_voice,
        score_learned=score_learned,
        score_relevant=score_relevant,
        reflection=(reflection or "").strip(),
    )
    evaluation.full_clean()
    evaluation.save()
    slip.used_on = timezone.localdate()
    slip.save(update_fields=["used_on"])
    return evaluation
