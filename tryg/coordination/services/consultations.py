"""Consultations: a request for advice, its two-way thread, the consultant's work on it, and how it ends.

The public site calls the three citizen functions without a logged-in actor (`consultation_from_citizen`,
`citizen_message_add`, `consultation_delete`); everything else has an `actor`.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Membership, Role
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.cases.models import Concern, TargetGroup
from tryg.cases.notifications import notify
from tryg.cases.services import PersonData, concern_create, member_add
from tryg.core.errors import DomainError

from ..anonymity import check_anonymous, check_no_cpr
from ..models import Consultation, Message

PURPOSE = "Rådgivning fra sikkerhedskonsulenterne"
MAX_TEXT = 10_000
CONSENT_BASES = (Consultation.Basis.CONSENT_ADULT, Consultation.Basis.CONSENT_GUARDIAN)


def _subject(consultation: Consultation):
    """The data subject of a consultation's rows: the person of its case, else the consultation itself."""
    if consultation.case_id:
        return ("cases.person", consultation.case.person_id)
    return consultation


def _audit(consultation: Consultation, *, actor, action: str, purpose: str = PURPOSE, detail: str = "") -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=consultation,
        subject=_subject(consultation) if not consultation.is_anonymous else None,
        purpose=purpose,
        detail=detail,
        municipality_id=consultation.municipality_id,
    )


def region_consultants(region_id: int) -> list:
    memberships = Membership.objects.filter(
        role=Role.SIKKERHEDSKONSULENT, unit__municipality__region_id=region_id, user__is_active=True
    ).select_related("user")
    return [m.user for m in memberships]


def _text(value: str, field: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Skriv en besked.") if field == "text" else _("Udfyld feltet.")})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: _("Højst %(n)s tegn.") % {"n": MAX_TEXT}})
    return value


def asker_type_for(user) -> str:
    if user.has_role(Role.SAGSBEHANDLER):
        return Consultation.AskerType.CASEWORKER
    if user.has_role(Role.PARTNER) and not user.has_role(Role.FAGPERSON):
        return Consultation.AskerType.PARTNER
    return Consultation.AskerType.PROFESSIONAL


def _asker_unit(actor, unit_id):
    units = [m.unit for m in actor.memberships_cached]
    if unit_id in (None, ""):
        return units[0] if units else None
    unit = next((u for u in units if str(u.pk) == str(unit_id)), None)
    if unit is None:
        raise ValidationError({"unit": _("Vælg en af dine enheder.")})
    return unit


def _check_basis(*, basis, consent_by, consent_on, consent_scope, consent_form, target_group) -> dict:
    """The legal basis for advice on a named person: consent (who, when, scope, how) or barnets lov § 172 c."""
    errors = {}
    if basis not in Consultation.Basis.values:
        raise ValidationError({"basis": _("Vælg hjemlen for at dele oplysninger om personen.")})
    if basis in CONSENT_BASES:
        if not (consent_by or "").strip():
            errors["consent_by"] = [_("Skriv, hvem der har givet samtykke.")]
        if consent_on is None:
            errors["consent_on"] = [_("Angiv datoen for samtykket.")]
        elif consent_on > timezone.localdate():
            errors["consent_on"] = [_("Datoen kan ikke ligge i fremtiden.")]
        if not (consent_scope or "").strip():
            errors["consent_scope"] = [_("Skriv, hvad samtykket omfatter.")]
        if consent_form not in Consultation.ConsentForm.values:
            errors["consent_form"] = [_("Vælg, hvordan samtykket er givet.")]
        if basis == Consultation.Basis.CONSENT_GUARDIAN and target_group == Consultation.TargetGroup.ADULT:
            errors["basis"] = [_("En voksen giver selv samtykke.")]
    elif target_group != Consultation.TargetGroup.CHILD:
        errors["basis"] = [_("Barnets lov § 172 c gælder kun sager om børn og unge under 18.")]
    if errors:
        raise ValidationError(errors)
    if basis in CONSENT_BASES:
        return {
            "consent_by": consent_by.strip(),
            "consent_on": consent_on,
            "consent_scope": consent_scope.strip(),
            "consent_form": consent_form,
        }
    return {"consent_by": "", "consent_on": None, "consent_scope": "", "consent_form": ""}


@transaction.atomic
def consultation_create(
    *,
    actor,
    topic: str,
    text: str,
    is_anonymous: bool = True,
    target_group: str = Consultation.TargetGroup.UNKNOWN,
    urgency: str = Consultation.Urgency.NORMAL,
    unit_id=None,
    case=None,
    basis: str = "",
    consent_by: str = "",
    consent_on: date | None = None,
    consent_scope: str = "",
    consent_form: str = "",
    person_name: str = "",
    person_details: str = "",
) -> Consultation:
    """Ask the region's consultants. Anonymous: no personal data anywhere (a CPR number or a full name is refused).
    Named (or about a case, which the caller has checked the actor may change): the legal basis first."""
    if actor.municipality_id is None:
        raise ValidationError(_("Du skal høre til en kommune for at spørge."))
    if target_group not in Consultation.TargetGroup.values:
        raise ValidationError({"target_group": _("Vælg, hvem forespørgslen handler om.")})
    if urgency not in Consultation.Urgency.values:
        raise ValidationError({"urgency": _("Vælg hastegrad.")})
    topic = _text(topic, "topic")
    if len(topic) > 200:
        raise ValidationError({"topic": _("Højst %(n)s tegn.") % {"n": 200}})
    text = _text(text, "text")
    unit = _asker_unit(actor, unit_id)
    if case is not None:
        is_anonymous = False
    consent = {}
    if is_anonymous:
        if (person_name or "").strip() or (person_details or "").strip() or basis:
            raise ValidationError(
                {"person_name": _("En anonym forespørgsel har ingen personoplysninger. Vælg navngiven person.")}
            )
        check_anonymous({"topic": topic, "text": text})
    else:
        consent = _check_basis(
            basis=basis,
            consent_by=consent_by,
            consent_on=consent_on,
            consent_scope=consent_scope,
            consent_form=consent_form,
            target_group=target_group,
        )
        person_name = (person_name or "").strip()
        if case is None and not person_name:
            raise ValidationError({"person_name": _("Skriv personens navn, eller vælg en anonym forespørgsel.")})
        check_no_cpr({"topic": topic, "text": text, "person_details": person_details})
    municipality = case.municipality if case is not None else actor.municipality
    now = timezone.now()
    consultation = Consultation(
        region_id=municipality.region_id,
        municipality=municipality,
        unit=unit,
        asker=actor,
        asker_type=asker_type_for(actor),
        case=case,
        is_anonymous=is_anonymous,
        target_group=target_group,
        urgency=urgency,
        topic=topic,
        basis="" if is_anonymous else basis,
        basis_recorded_by=None if is_anonymous else actor,
        basis_recorded_at=None if is_anonymous else now,
        person_name="" if is_anonymous else person_name[:200],
        person_details="" if is_anonymous else (person_details or "").strip(),
        created_at=now,
        updated_at=now,
        **consent,
    )
    consultation.full_clean()
    consultation.save()
    Message.objects.create(consultation=consultation, from_asker=True, author=actor, text=text, created_at=now)
    _audit(consultation, actor=actor, action=Action.CREATE, detail=consultation.basis or "anonymous")
    notify(
        region_consultants(consultation.region_id),
        text=_("Ny forespørgsel til sikkerhedskonsulenterne fra %(m)s.") % {"m": municipality.name},
        url=reverse("coordination:consultation-detail", args=[consultation.pk]),
    )
    return consultation


def _check_message(consultation: Consultation, text: str) -> str:
    if consultation.is_closed:
        raise DomainError(_("Forespørgslen er lukket."), code="closed")
    text = _text(text, "text")
    if consultation.is_anonymous:
        check_anonymous({"text": text})
    else:
        check_no_cpr({"text": text})
    return text


@transaction.atomic
def message_add(*, actor, consultation: Consultation, text: str) -> Message:
    """Write in the thread: the asker (back to the consultants) or a consultant (then awaiting the asker's answer;
    the first consultant to answer holds the consultation)."""
    consultation = Consultation.objects.select_for_update(of=("self",)).select_related("case").get(pk=consultation.pk)
    text = _check_message(consultation, text)
    from_asker = consultation.asker_id == actor.pk
    fields = ["status", "updated_at"]
    if from_asker:
        consultation.status = Consultation.Status.IN_PROGRESS if consultation.holder_id else Consultation.Status.NEW
    else:
        consultation.status = Consultation.Status.AWAITING_ANSWER
        if consultation.holder_id is None:
            consultation.holder = actor
            fields.append("holder")
    consultation.updated_at = timezone.now()
    consultation.save(update_fields=fields)
    message = Message.objects.create(consultation=consultation, from_asker=from_asker, author=actor, text=text)
    _audit(consultation, actor=actor, action=Action.UPDATE, detail="message")
    url = reverse("coordination:consultation-detail", args=[consultation.pk])
    if from_asker:
        recipients = [consultation.holder] if consultation.holder_id else region_consultants(consultation.region_id)
        notify(recipients, text=_("Nyt svar i en forespørgsel til sikkerhedskonsulenterne."), url=url)
    elif consultation.asker_id:
        notify([consultation.asker], text=_("Sikkerhedskonsulenterne har svaret på din forespørgsel."), url=url)
    return message


@transaction.atomic
def consultation_from_citizen(
    *, region, municipality=None, text: str, involved: str = "", age_band: str = "", contact: str = ""
) -> Consultation:
    """A citizen's anonymous request from the public site: no actor, lands in the region's queue."""
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError({"municipality": _("Kommunen ligger ikke i regionen.")})
    text = _text(text, "text")
    involved = _text(involved, "involved", required=False)
    contact = (contact or "").strip()
    if len(contact) > 200:
        raise ValidationError({"contact": _("Højst %(n)s tegn.") % {"n": 200}})
    check_anonymous({"text": text, "involved": involved})
    check_no_cpr({"contact": contact})
    now = timezone.now()
    consultation = Consultation(
        region=region,
        municipality=municipality,
        asker_type=Consultation.AskerType.CITIZEN,
        is_anonymous=True,
        involved=involved,
        age_band=(age_band or "").strip()[:20],
        contact=contact,
        created_at=now,
        updated_at=now,
    )
    consultation.full_clean()
    consultation.save()
    Message.objects.create(consultation=consultation, from_asker=True, author=None, text=text, created_at=now)
    _audit(consultation, actor=None, action=Action.CREATE, detail="citizen")
    notify(
        region_consultants(region.pk),
        text=_("Ny anonym henvendelse fra en borger."),
        url=reverse("coordination:consultation-detail", args=[consultation.pk]),
    )
    return consultation


@transaction.atomic
def citizen_message_add(*, consultation: Consultation, text: str) -> Message:
    """The citizen writes again in their anonymous thread; it goes back to the consultants."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    text = _check_message(consultation, text)
    consultation.status = Consultation.Status.IN_PROGRESS if consultation.holder_id else Consultation.Status.NEW
    consultation.updated_at = timezone.now()
    consultation.save(update_fields=["status", "updated_at"])
    message = Message.objects.create(consultation=consultation, from_asker=True, author=None, text=text)
    _audit(consultation, actor=None, action=Action.UPDATE, detail="citizen message")
    url = reverse("coordination:consultation-detail", args=[consultation.pk])
    recipients = [consultation.holder] if consultation.holder_id else region_consultants(consultation.region_id)
    notify(recipients, text=_("Ny besked fra en borger i en anonym henvendelse."), url=url)
    return message


@transaction.atomic
def consultation_delete(*, consultation: Consultation) -> None:
    """Delete a consultation and its thread (the public site's expiry); the access log keeps a row, no content."""
    audit_record(
        actor=None,
        action=Action.DELETE,
        obj=("coordination.consultation", consultation.pk),
        purpose=_("Udløbet henvendelse slettet"),
        municipality_id=consultation.municipality_id,
    )
    Consultation.objects.filter(pk=consultation.pk).delete()


@transaction.atomic
def consultation_assign(*, actor, consultation: Consultation, holder=None) -> Consultation:
    """A consultant takes the consultation (or hands it to a colleague of the region)."""
    holder = holder or actor
    if not holder.has_role(Role.SIKKERHEDSKONSULENT) or holder.municipality.region_id != consultation.region_id:
        raise ValidationError({"holder": _("Vælg en sikkerhedskonsulent i regionen.")})
    if consultation.is_closed:
        raise DomainError(_("Forespørgslen er lukket."), code="closed")
    consultation.holder = holder
    if consultation.status == Consultation.Status.NEW:
        consultation.status = Consultation.Status.IN_PROGRESS
    consultation.updated_at = timezone.now()
    consultation.save(update_fields=["holder", "status", "updated_at"])
    _audit(consultation, actor=actor, action=Action.UPDATE, detail=f"holder {holder.username}")
    return consultation


@transaction.atomic
def consultation_close(*, actor, consultation: Consultation, advice: str, follow_up: str = "") -> Consultation:
    """End the consultation with the advice given and the follow-ups agreed."""
    if consultation.is_closed:
        raise DomainError(_("Forespørgslen er allerede lukket."), code="closed")
    advice = _text(advice, "advice")
    follow_up = _text(follow_up, "follow_up", required=False)
    if consultation.is_anonymous:
        check_anonymous({"advice": advice, "follow_up": follow_up})
    else:
        check_no_cpr({"advice": advice, "follow_up": follow_up})
    consultation.advice, consultation.follow_up = advice, follow_up
    consultation.status = Consultation.Status.CLOSED
    consultation.closed_at = consultation.updated_at = timezone.now()
    if consultation.holder_id is None:
        consultation.holder = actor
    consultation.save(update_fields=["advice", "follow_up", "status", "closed_at", "updated_at", "holder"])
    _audit(consultation, actor=actor, action=Action.UPDATE, detail="closed")
    if consultation.asker_id:
        notify(
            [consultation.asker],
            text=_("Sikkerhedskonsulenterne har afsluttet din forespørgsel med deres råd."),
            url=reverse("coordination:consultation-detail", args=[consultation.pk]),
        )
    return consultation


@transaction.atomic
def consultation_link_case(*, actor, consultation: Consultation, case) -> Consultation:
    """Link a named consultation to a case of the requesting municipality. The caller has checked that the actor
    may change the case (a case worker of it)."""
    if consultation.is_anonymous:
        raise DomainError(
            _("En anonym forespørgsel kan ikke knyttes til en sag. Stil en ny forespørgsel fra sagen."),
            code="anonymous",
            field="number",
        )
    if consultation.municipality_id != case.municipality_id:
        raise ValidationError({"number": _("Sagen skal høre til den kommune, der har spurgt.")})
    consultation.case = case
    consultation.updated_at = timezone.now()
    consultation.save(update_fields=["case", "updated_at"])
    _audit(consultation, actor=actor, action=Action.UPDATE, detail=f"case {case.number}")
    return consultation


def consultant_join_case(*, actor, consultation: Consultation):
    """The case worker adds the consultant holding the consultation to the linked case's team (cases' member_add,
    after the page's confirmation naming what the consultant will see)."""
    from tryg.cases.models import CaseMember

    if consultation.case_id is None or consultation.holder_id is None:
        raise DomainError(_("Forespørgslen har ingen sag eller ingen konsulent endnu."), code="not_ready")
    return member_add(
        actor=actor, case=consultation.case, user=consultation.holder, role=CaseMember.Role.SECURITY_CONSULTANT
    )


@transaction.atomic
def consultation_to_concern(
    *, actor, consultation: Consultation, description: str, person_name: str = "", urgency: str = "normal"
) -> Concern:
    """The consultant notifies the requesting municipality (underretning) through the cases intake; for a child the
    24-hour clock starts there."""
    if consultation.municipality_id is None:
        raise DomainError(
            _("Borgeren har ikke valgt en kommune, så der kan ikke underrettes herfra."), code="no_municipality"
        )
    if consultation.concern_id:
        raise DomainError(_("Der er allerede underrettet fra denne forespørgsel."), code="already_notified")
    name = (person_name or "").strip() or consultation.person_name
    if not name:
        raise ValidationError({"person_name": _("Skriv personens navn, eller en beskrivelse, hvis navnet er ukendt.")})
    target = TargetGroup.ADULT if consultation.target_group == Consultation.TargetGroup.ADULT else TargetGroup.CHILD
    concern = concern_create(
        actor=actor,
        person=PersonData(name=name),
        target_group=target,
        description=description,
        urgency=urgency,
        municipality_id=consultation.municipality_id,
    )
    consultation.concern = concern
    consultation.updated_at = timezone.now()
    consultation.save(update_fields=["concern", "updated_at"])
    _audit(consultation, actor=actor, action=Action.UPDATE, detail=f"concern {concern.reference}")
    return concern
