"""The honour-related flag, the siblings considered, and the travel-risk checklist."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tryg.audit.models import Action
from tryg.cases import services as case_services
from tryg.cases.models import Case, RelatedPerson, TimelineEntry

from ..models import CaseRiskProfile, SiblingConsideration, TravelChecklist
from .common import audit_case


@dataclass(frozen=True)
class TravelStep:
    key: str
    label: str
    slugs: tuple[str, ...]  # knowledge entries that say more (shown as links)


# The steps the knowledge base names before a planned journey (redskab-tjekliste-udlandsrejse,
# tegn-lang-rejse, straffeloven-215-a); the text is ours, the provisions are the knowledge base's.
TRAVEL_STEPS = (
    TravelStep(
        "talk-alone",
        gettext_lazy("Tal med barnet eller den unge alene om rejsen: formål, varighed, hvem der rejser med"),
        ("redskab-tjekliste-udlandsrejse",),
    ),
    TravelStep(
        "consultants",
        gettext_lazy("Rådfør dig med sikkerhedskonsulenterne om risikoen"),
        ("sikkerhedskonsulenterne",),
    ),
    TravelStep(
        "passport",
        gettext_lazy("Overvej pasforanstaltninger: inddragelse eller nægtelse af pas (udrejseforbud for børn)"),
        ("redskab-tjekliste-udlandsrejse",),
    ),
    TravelStep(
        "police",
        gettext_lazy("Kontakt politiet før afrejsen, hvis der er risiko for tvang eller tilbageholdelse"),
        ("straffeloven-215-a",),
    ),
    TravelStep(
        "215a",
        gettext_lazy(
            "Vurdér, om rejsen kan være strafbar efter straffeloven § 215 a (at føre et barn ud af landet til "
            "forhold, der bringer det i alvorlig fare)"
        ),
        ("straffeloven-215-a",),
    ),
    TravelStep(
        "safety-info",
        gettext_lazy("Giv barnet oplysninger om, hvor der kan søges hjælp i udlandet (ambassade, 112)"),
        ("redskab-tjekliste-udlandsrejse",),
    ),
)
TRAVEL_KEYS = tuple(step.key for step in TRAVEL_STEPS)
MAX_TEXT = 5000


def _text(value: str, field: str, *, required: bool = False) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise ValidationError({field: _("Højst %(n)s tegn.") % {"n": MAX_TEXT}})
    if required and not value:
        raise ValidationError({field: _("Skriv en begrundelse.")})
    return value


@transaction.atomic
def flag_set(*, actor, case: Case, honour_related: bool, reason: str) -> CaseRiskProfile:
    """Flag the case as honour-related (or lift the flag), with the reason; who and when are kept."""
    reason = _text(reason, "reason", required=True)
    profile, _created = CaseRiskProfile.objects.select_for_update().get_or_create(case=case)
    profile.honour_related = bool(honour_related)
    profile.reason = reason
    profile.set_by = actor
    profile.set_at = timezone.now()
    profile.save()
    text = (
        _(
            "Sagen er markeret som æresrelateret. Kontakt til forældre og netværk kræver en underskrevet "
            "risikovurdering."
        )
        if honour_related
        else _("Markeringen som æresrelateret sag er fjernet.")
    )
    TimelineEntry.objects.create(case=case, kind=TimelineEntry.Kind.EVENT, author=actor, text=text)
    audit_case(actor=actor, action=Action.UPDATE, obj=profile, case=case, purpose=_("Æresrelateret sag"))
    return profile


@transaction.atomic
def sibling_consider(
    *, actor, case: Case, related_person: RelatedPerson, decision: str, reason: str = "", due_date: date | None = None
) -> SiblingConsideration:
    """Consider a sibling named on one of the case's concerns: a task for the actor, a concern about the
    sibling (linked through this record), or no action with a reason. Once per sibling."""
    if related_person.relation != RelatedPerson.Relation.SIBLING or related_person.concern.case_id != case.pk:
        raise ValidationError({"related_person": _("Vælg en søskende fra sagens underretninger.")})
    if decision not in SiblingConsideration.Decision.values:
        raise ValidationError({"decision": _("Vælg, hvad der skal ske.")})
    if SiblingConsideration.objects.filter(case=case, related_person=related_person).exists():
        raise ValidationError({"decision": _("Søskende er allerede overvejet.")})
    reason = _text(reason, "reason", required=decision == SiblingConsideration.Decision.NO_ACTION)
    record = SiblingConsideration(
        case=case, related_person=related_person, decision=decision, reason=reason, decided_by=actor
    )
    if decision == SiblingConsideration.Decision.TASK:
        record.task = case_services.task_add(
            actor=actor,
            case=case,
            title=(_("Vurdér søskendes situation: %(name)s") % {"name": related_person.name})[:150],
            owner=actor,
            due_date=due_date or timezone.localdate() + timedelta(days=7),
        )
    elif decision == SiblingConsideration.Decision.CONCERN:
        source = related_person.concern
        record.concern = case_services.concern_create(
            actor=actor,
            person=case_services.PersonData(name=related_person.name),
            target_group=source.target_group,
            description=_("Søskende til personen i sag %(n)s. %(r)s") % {"n": case.number, "r": reason},
            municipality_id=case.municipality_id,
        )
    record.save()
    audit_case(
        actor=actor, action=Action.CREATE, obj=record, case=case, purpose=_("Søskende overvejet"), detail=decision
    )
    return record


@transaction.atomic
def travel_save(
    *, actor, case: Case, departure_date: date | None, destination: str = "", steps_done=(), notes: str = ""
) -> TravelChecklist:
    """Open or update the travel-risk checklist: the departure date, the steps taken, notes."""
    unknown = [s for s in steps_done if s not in TRAVEL_KEYS]
    if unknown:
        raise ValidationError({"steps_done": _("Ukendt trin.")})
    if len(destination or "") > 200:
        raise ValidationError({"destination": _("Højst 200 tegn.")})
    checklist, _created = TravelChecklist.objects.select_for_update().get_or_create(case=case)
    checklist.departure_date = departure_date
    checklist.destination = (destination or "").strip()
    checklist.steps_done = [k for k in TRAVEL_KEYS if k in steps_done]
    checklist.notes = _text(notes, "notes")
    checklist.updated_by = actor
    checklist.updated_at = timezone.now()
    checklist.save()
    audit_case(actor=actor, action=Action.UPDATE, obj=checklist, case=case, purpose=_("Rejserisiko"))
    return checklist
