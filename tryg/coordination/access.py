"""Who sees what in coordination: the ONLY way views and the API fetch a consultation, meeting, actor or referral.

- A consultation is visible to the security consultants of its region (all its municipalities), to case workers
  who may see its case (cases' need-to-know), and to its asker (their own thread). A citizen's thread is reached
  only through the public site.
- A meeting is visible to its participants (users) and to whoever created it. The minutes of one case on its
  agenda are shown only to those of them who may also see that case; external actors appear by name only.
- An actor referral is answered by the users of the recipient unit (the actor's `unit`); the case team sees it
  on the case.
- The directory of actors: every staff role reads national entries and their own municipality's; a consultant
  those of the whole region; the coordinator (tovholder) keeps their municipality's own entries.
Everyone else gets 404 (Refused: a "refused" row in the access log).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from tryg.accounts.models import Role
from tryg.cases.access import case_for_user, visible_cases
from tryg.core.errors import Refused

from .models import Actor, ActorReferral, AgendaItem, Consultation, Meeting, Participant

CONSULTANT_ROLES = (Role.SIKKERHEDSKONSULENT,)
# Who may ask the consultants (a partner too; a citizen through the public site).
ASKER_ROLES = (Role.FAGPERSON, Role.SAGSBEHANDLER, Role.PARTNER, Role.TOVHOLDER)
MEETING_ROLES = (Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT)
DIRECTORY_ROLES = (Role.FAGPERSON, Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT, Role.TOVHOLDER, Role.PARTNER)
DIRECTORY_EDITOR_ROLES = (Role.TOVHOLDER,)
REFERRAL_ROLES = (Role.SAGSBEHANDLER,)

PURPOSE = "Rådgivning fra sikkerhedskonsulenterne"
MEETING_PURPOSE = "Netværksmøde"
REFERRAL_PURPOSE = "Henvisning til anden aktør"


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.municipality_id is not None


def _require(user, roles) -> None:
    if not _signed_in(user) or not user.has_role(*roles):
        raise Http404


def require_consultant(user) -> None:
    _require(user, CONSULTANT_ROLES)


def require_asker(user) -> None:
    _require(user, ASKER_ROLES)


def require_meeting_role(user) -> None:
    _require(user, MEETING_ROLES)


def require_directory(user) -> None:
    _require(user, DIRECTORY_ROLES)


def require_directory_editor(user) -> None:
    _require(user, DIRECTORY_EDITOR_ROLES)


def is_consultant(user) -> bool:
    return _signed_in(user) and user.has_role(*CONSULTANT_ROLES)


def consultant_region_id(user) -> int | None:
    return user.municipality.region_id if is_consultant(user) else None


def optional_case_for_writer(user, pk):
    """The case `pk` the user may change (404 and a "refused" row otherwise), or None when no case was given: the
    optional case a consultation or a meeting starts from."""
    return case_for_user(user, pk, write=True) if pk else None


# --- consultations ----------------------------------------------------------------------------------


def visible_consultations(user, *, readable_case=None) -> QuerySet[Consultation]:
    """The region's for a consultant; a case worker's cases'; the asker's own. With `readable_case` (a case the
    caller has already found the user may read, as the case page has), only that case's, without asking the
    case access rule again."""
    if not _signed_in(user):
        return Consultation.objects.none()
    q = Q(asker=user)
    if is_consultant(user):
        q |= Q(region_id=user.municipality.region_id)
    if user.has_role(Role.SAGSBEHANDLER):
        q |= Q(case=readable_case) if readable_case is not None else Q(case__in=visible_cases(user))
    consultations = Consultation.objects.filter(q)
    return consultations.filter(case=readable_case) if readable_case is not None else consultations


def _refused_consultation(pk) -> Refused:
    owner = Consultation.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
    return Refused("coordination.consultation", pk, municipality_id=owner)


def consultation_for_user(user, pk) -> Consultation:
    consultation = (
        visible_consultations(user)
        .select_related("municipality", "unit", "asker", "holder", "case", "concern", "region")
        .filter(pk=pk)
        .first()
    )
    if consultation is None:
        raise _refused_consultation(pk)
    return consultation


def consultation_for_consultant(user, pk) -> Consultation:
    """A consultation the consultant works on (take, answer, close, notify): their region's only."""
    if not is_consultant(user):
        raise _refused_consultation(pk)
    consultation = consultation_for_user(user, pk)
    if consultation.region_id != user.municipality.region_id:
        raise _refused_consultation(pk)
    return consultation


def consultation_for_asker(user, pk) -> Consultation:
    """The asker's own consultation (link it to a case, add the consultant to the case team)."""
    consultation = consultation_for_user(user, pk)
    if consultation.asker_id != user.pk:
        raise _refused_consultation(pk)
    return consultation


def consultation_for_writer(user, pk) -> Consultation:
    """A consultation whose thread the user may write in (its asker, the region's consultants); 404 otherwise."""
    consultation = consultation_for_user(user, pk)
    if not may_write(user, consultation):
        raise _refused_consultation(pk)
    return consultation


def may_write(user, consultation: Consultation) -> bool:
    """The asker and the region's consultants write in the thread; a case worker who only sees the case reads."""
    if consultation.asker_id == user.pk:
        return True
    return is_consultant(user) and consultation.region_id == user.municipality.region_id


# --- meetings ---------------------------------------------------------------------------------------


def visible_meetings(user) -> QuerySet[Meeting]:
    if not _signed_in(user) or not user.has_role(*MEETING_ROLES):
        return Meeting.objects.none()
    participant = Participant.objects.filter(meeting_id=OuterRef("pk"), user=user)
    return Meeting.objects.filter(Q(created_by=user) | Q(Exists(participant)))


def meeting_for_user(user, pk) -> Meeting:
    meeting = visible_meetings(user).select_related("municipality", "created_by").filter(pk=pk).first()
    if meeting is None:
        owner = Meeting.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
        raise Refused("coordination.meeting", pk, municipality_id=owner)
    return meeting


def agenda_item_for_user(user, pk, *, write: bool = False) -> AgendaItem:
    """An agenda item (by its public id) of a meeting the user takes part in, whose case the user may see (change,
    with write)."""
    item = (
        AgendaItem.objects.filter(
            public_id=pk, meeting__in=visible_meetings(user), case__in=visible_cases(user, write=write)
        )
        .select_related("meeting", "case", "case__person", "case__responsible_unit")
        .first()
    )
    if item is None:
        owner = AgendaItem.objects.filter(public_id=pk).values_list("case__municipality_id", flat=True).first()
        raise Refused("coordination.agendaitem", pk, municipality_id=owner)
    return item


# --- the directory and referrals --------------------------------------------------------------------


def visible_actors(user) -> QuerySet[Actor]:
    if not _signed_in(user) or not user.has_role(*DIRECTORY_ROLES):
        return Actor.objects.none()
    municipalities = user.region_municipality_ids if is_consultant(user) else {user.municipality_id}
    return Actor.objects.filter(Q(municipality__isnull=True) | Q(municipality_id__in=municipalities), is_active=True)


def actors_for_case(case) -> QuerySet[Actor]:
    """The actors a case can be referred to: national ones and those of the case's region."""
    return Actor.objects.filter(
        Q(municipality__isnull=True) | Q(municipality__region_id=case.municipality.region_id), is_active=True
    )


def actor_for_editor(user, pk) -> Actor:
    require_directory_editor(user)
    actor = Actor.objects.filter(pk=pk, municipality_id=user.municipality_id).first()
    if actor is None:
        owner = Actor.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
        raise Refused("coordination.actor", pk, municipality_id=owner)
    return actor


def inbox_referrals(user) -> QuerySet[ActorReferral]:
    """Referrals to the user's units that were sent (a disclosure to the police only once approved)."""
    if not _signed_in(user):
        return ActorReferral.objects.none()
    units = {m.unit_id for m in user.memberships_cached}
    return ActorReferral.objects.filter(unit_id__in=units, referral__status__in=("sent", "approved"))


def actor_referral_for_recipient(user, pk) -> ActorReferral:
    """A referral (by its public id) sent to one of the user's units."""
    item = (
        inbox_referrals(user)
        .select_related("referral", "referral__case", "referral__case__municipality", "actor", "unit")
        .filter(public_id=pk)
        .first()
    )
    if item is None:
        owner = (
            ActorReferral.objects.filter(public_id=pk).values_list("referral__case__municipality_id", flat=True).first()
        )
        raise Refused("coordination.actorreferral", pk, municipality_id=owner)
    return item
