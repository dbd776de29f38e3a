"""Referrals to an actor of the directory: the case's referral is made by cases (`referral_create`, with consent
or a legal basis, and a second case worker's approval for the police); coordination links it to the actor and
its unit, whose users accept, decline (with a reason) or report an outcome."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Membership
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.cases.models import Referral
from tryg.cases.notifications import notify
from tryg.cases.services import referral_create
from tryg.core.errors import DomainError

from ..models import Actor, ActorReferral

PURPOSE = "Henvisning til anden aktør"
ANSWERS = ("accept", "decline", "outcome")


def referral_actor_type(actor: Actor) -> str:
    if actor.slug == "red-safehouse":
        return Referral.ActorType.RED_SAFEHOUSE
    return {
        Actor.Kind.POLICE: Referral.ActorType.POLICE,
        Actor.Kind.SHELTER: Referral.ActorType.SHELTER,
        Actor.Kind.PARTNER: Referral.ActorType.PARTNER,
        Actor.Kind.MUNICIPAL_UNIT: Referral.ActorType.OTHER_MUNICIPALITY,
    }.get(actor.kind, Referral.ActorType.OTHER)


def _unit_users(unit_id) -> list:
    return [m.user for m in Membership.objects.filter(unit_id=unit_id, user__is_active=True).select_related("user")]


@transaction.atomic
def actor_referral_create(
    *,
    actor,
    case,
    recipient: Actor,
    text: str,
    consent_given: bool,
    consent_by: str = "",
    legal_basis: str = "",
) -> ActorReferral:
    """Refer `case` to `recipient` (an actor the caller has checked is in the case's directory) through cases'
    referral service, and link the referral to the actor and its unit."""
    referral = referral_create(
        actor=actor,
        case=case,
        actor_type=referral_actor_type(recipient),
        recipient=recipient.name,
        text=text,
        consent_given=consent_given,
        consent_by=consent_by,
        legal_basis=legal_basis,
    )
    link = ActorReferral.objects.create(referral=referral, actor=recipient, unit_id=recipient.unit_id)
    if recipient.unit_id and referral.status == Referral.Status.SENT:
        notify(
            _unit_users(recipient.unit_id),
            text=_("Ny henvisning til %(a)s.") % {"a": recipient.name},
            url=reverse("coordination:referral-detail", args=[link.public_id]),
        )
    return link


@transaction.atomic
def actor_referral_answer(*, actor, item: ActorReferral, answer: str, text: str = "") -> ActorReferral:
    """The recipient accepts, declines (with a reason) or reports the outcome (after accepting)."""
    item = ActorReferral.objects.select_for_update().select_related("referral", "referral__case").get(pk=item.pk)
    text = (text or "").strip()
    if answer not in ANSWERS:
        raise ValidationError({"answer": _("Vælg et svar.")})
    if len(text) > 10_000:
        raise ValidationError({"text": _("Højst %(n)s tegn.") % {"n": 10_000}})
    state = ActorReferral.State
    if answer in ("accept", "decline") and item.state != state.WAITING:
        raise DomainError(_("Henvisningen er allerede besvaret."), code="already_answered")
    if answer == "outcome" and item.state != state.ACCEPTED:
        raise DomainError(_("Udfaldet meldes, når henvisningen er modtaget."), code="not_accepted")
    if answer == "decline":
        if not text:
            raise ValidationError({"text": _("Skriv, hvorfor henvisningen afvises.")})
        item.state, item.reason = state.DECLINED, text
    elif answer == "outcome":
        if not text:
            raise ValidationError({"text": _("Beskriv udfaldet.")})
        item.state, item.outcome = state.COMPLETED, text
    else:
        item.state = state.ACCEPTED
        item.reason = text
    item.answered_by, item.answered_at = actor, timezone.now()
    item.save(update_fields=["state", "reason", "outcome", "answered_by", "answered_at"])
    case = item.referral.case
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=item,
        subject=("cases.person", case.person_id),
        purpose=PURPOSE,
        detail=item.state,
        municipality_id=case.municipality_id,
    )
    requester = item.referral.requested_by
    notify(
        [requester],
        text=_("Svar på henvisningen i sag %(n)s: %(s)s.") % {"n": case.number, "s": item.get_state_display()},
        url=reverse("cases:case-detail", args=[case.pk]),
    )
    return item
