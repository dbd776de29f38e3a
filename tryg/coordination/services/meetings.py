"""Multi-agency meetings (netværksmøder): participants, the agenda of cases, decisions, and actions that become
tasks of the case (cases' task_add). An invitation of the person's parents or network asks the cases guard first
(barnets lov § 18, stk. 3, filled by the risk app)."""

from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Role
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.cases.registry import family_action_block_reason
from tryg.cases.services import task_add
from tryg.core.errors import DomainError

from ..models import AgendaItem, FamilyInvitation, Meeting, MeetingAction, Participant
from ..selectors import is_repeat_referral

PURPOSE = "Netværksmøde"


def _sane_time(when: datetime) -> bool:
    """A meeting between 2000 and five years ahead: anything else is a typing error (and a date from before
    standard time would be written with a local mean time offset no client can read)."""
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    latest = timezone.now() + timedelta(days=5 * 366)
    return datetime(2000, 1, 1, tzinfo=UTC) <= when <= latest


@transaction.atomic
def meeting_create(*, actor, title: str, starts_at: datetime, place: str = "") -> Meeting:
    """A meeting of the actor's region; the actor takes part."""
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Giv mødet en titel.")})
    if starts_at is None:
        raise ValidationError({"starts_at": _("Angiv tidspunktet.")})
    if not _sane_time(starts_at):
        raise ValidationError({"starts_at": _("Tidspunktet skal ligge mellem år 2000 og fem år frem.")})
    meeting = Meeting(
        region_id=actor.municipality.region_id,
        municipality_id=actor.municipality_id,
        title=title,
        starts_at=starts_at,
        place=(place or "").strip(),
        created_by=actor,
    )
    meeting.full_clean()
    meeting.save()
    Participant.objects.create(meeting=meeting, user=actor)
    audit_record(actor=actor, action=Action.CREATE, obj=meeting, purpose=PURPOSE)
    return meeting


@transaction.atomic
def participant_add(*, actor, meeting: Meeting, user=None, external=None) -> Participant:
    """Add a Tryg user of the region (case worker or consultant) or an external actor of the directory."""
    if (user is None) == (external is None):
        raise ValidationError({"user": _("Vælg en bruger eller en aktør.")})
    if user is not None:
        if (
            not user.has_role(Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT)
            or user.municipality is None
            or user.municipality.region_id != meeting.region_id
        ):
            raise ValidationError({"user": _("Vælg en sagsbehandler eller konsulent i regionen.")})
    try:
        with transaction.atomic():
            participant = Participant.objects.create(meeting=meeting, user=user, actor=external)
    except IntegrityError:
        raise ValidationError({"user": _("Deltageren er allerede med.")}) from None
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=meeting,
        purpose=PURPOSE,
        detail=f"+{user.username}" if user else f"+actor {external.pk}",
    )
    return participant


@transaction.atomic
def agenda_add(*, actor, meeting: Meeting, case) -> AgendaItem:
    """Put a case (which the caller has checked the actor may change) on the agenda; flag it "gentagelse" when it
    was referred to a meeting within the last 12 months."""
    if AgendaItem.objects.filter(meeting=meeting, case=case).exists():
        raise ValidationError({"case": _("Sagen er allerede på dagsordenen.")})
    if case.municipality.region_id != meeting.region_id:
        raise ValidationError({"case": _("Sagen hører ikke til mødets region.")})
    item = AgendaItem(meeting=meeting, case=case, is_repeat=is_repeat_referral(case), added_by=actor)
    item.save()
    if not Participant.objects.filter(meeting=meeting, user=actor).exists():
        Participant.objects.create(meeting=meeting, user=actor)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=meeting,
        subject=("cases.person", case.person_id),
        purpose=PURPOSE,
        detail=f"agenda {case.number}" + (" gentagelse" if item.is_repeat else ""),
        municipality_id=case.municipality_id,
    )
    return item


@transaction.atomic
def meeting_decisions_set(*, actor, item: AgendaItem, decisions: str) -> AgendaItem:
    decisions = (decisions or "").strip()
    if not decisions:
        raise ValidationError({"decisions": _("Skriv mødets beslutninger for sagen.")})
    if len(decisions) > 10_000:
        raise ValidationError({"decisions": _("Højst %(n)s tegn.") % {"n": 10_000}})
    item.decisions = decisions
    item.save(update_fields=["decisions"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=item,
        subject=("cases.person", item.case.person_id),
        purpose=PURPOSE,
        detail="decisions",
        municipality_id=item.case.municipality_id,
    )
    return item


@transaction.atomic
def meeting_action_add(*, actor, item: AgendaItem, title: str, owner, due_date: date) -> MeetingAction:
    """An action (owner, deadline) decided at the meeting: it becomes a task of the case through cases."""
    task = task_add(actor=actor, case=item.case, title=title, owner=owner, due_date=due_date)
    return MeetingAction.objects.create(item=item, task=task)


@transaction.atomic
def family_invite(*, actor, item: AgendaItem, name: str, relation: str) -> FamilyInvitation:
    """Invite the person's parents or network to the meeting, unless a guard of cases blocks it (then the reason)."""
    reason = family_action_block_reason(item.case)
    if reason:
        raise DomainError(reason, code="family_action_blocked")
    name, relation = (name or "").strip(), (relation or "").strip()
    errors = {}
    if not name:
        errors["name"] = [_("Skriv navnet.")]
    if not relation:
        errors["relation"] = [_("Skriv relationen til personen.")]
    if errors:
        raise ValidationError(errors)
    invitation = FamilyInvitation(item=item, name=name[:200], relation=relation[:100], invited_by=actor)
    invitation.full_clean()
    invitation.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=invitation,
        subject=("cases.person", item.case.person_id),
        purpose=PURPOSE,
        detail="family invitation",
        municipality_id=item.case.municipality_id,
    )
    return invitation


def default_start() -> datetime:
    return timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + timezone.timedelta(days=7)
