"""Referrals to other actors, and the second case worker's decision on a disclosure to the police."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.errors import DomainError

from ..models import Case, Referral
from ..notifications import notify, unit_caseworkers


@transaction.atomic
def referral_create(
    *,
    actor,
    case: Case,
    actor_type: str,
    recipient: str,
    text: str,
    consent_given: bool,
    consent_by: str = "",
    legal_basis: str = "",
) -> Referral:
    """Refer to another actor, with the consent (who gave it) or the legal basis of a disclosure without it.
    Police disclosures wait for a second case worker's approval."""
    consent_by, legal_basis = (consent_by or "").strip(), (legal_basis or "").strip()
    if consent_given and not consent_by:
        raise ValidationError({"consent_by": _("Skriv, hvem der har givet samtykke.")})
    if not consent_given and not legal_basis:
        raise ValidationError({"legal_basis": _("Uden samtykke skal hjemlen til videregivelsen angives.")})
    police = actor_type == Referral.ActorType.POLICE
    referral = Referral(
        case=case,
        actor_type=actor_type,
        recipient=(recipient or "").strip(),
        text=(text or "").strip(),
        consent_given=consent_given,
        consent_by=consent_by if consent_given else "",
        legal_basis="" if consent_given else legal_basis,
        legal_basis_decided_by=None if consent_given else actor,
        status=Referral.Status.PENDING_APPROVAL if police else Referral.Status.SENT,
        requested_by=actor,
    )
    referral.full_clean()
    referral.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=referral,
        subject=("cases.person", case.person_id),
        purpose=_("Henvisning til anden aktør"),
        detail=actor_type,
    )
    if police:
        approvers = [u for u in unit_caseworkers(case.responsible_unit) if u.pk != actor.pk]
        notify(
            approvers,
            text=_("En videregivelse til politiet i sag %(n)s afventer godkendelse.") % {"n": case.number},
            url=reverse("cases:approvals"),
        )
    return referral


@transaction.atomic
def referral_decide(*, actor, referral: Referral, approve: bool) -> Referral:
    """A case worker other than the requester approves or rejects a disclosure to the police."""
    referral = Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
    if referral.status != Referral.Status.PENDING_APPROVAL:
        raise DomainError(_("Henvisningen afventer ikke godkendelse."), code="not_pending")
    if referral.requested_by_id == actor.pk:
        raise DomainError(
            _("En anden sagsbehandler end den, der bad om videregivelsen, skal godkende den."),
            code="second_person_required",
        )
    referral.status = Referral.Status.APPROVED if approve else Referral.Status.REJECTED
    referral.decided_by = actor
    referral.decided_at = timezone.now()
    referral.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=referral,
        subject=("cases.person", referral.case.person_id),
        purpose=_("Godkendelse af videregivelse til politiet"),
        detail=referral.status,
    )
    return referral
