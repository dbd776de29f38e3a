"""Who may do what in youth-to-youth dialogue: the ONLY way views and the API fetch its objects for a user.

- The municipality's coordinator (tovholder) manages facilitators, topics, sessions and slips, and reads the
  evaluations and the reach statistics of their own municipality.
- A staff user linked to a facilitator record (any role) sees the sessions that facilitator leads.
- Participants evaluate anonymously through a slip's code (no login; `slip_for_code`).
Everything else is a 404, so existence does not leak: other roles and other municipalities included.
"""

from django.http import Http404

from tryg.accounts.models import Role
from tryg.core.errors import Refused

from .models import DialogueSession, EvaluationSlip, Facilitator, Topic

COORDINATOR_ROLES = (Role.TOVHOLDER,)
PURPOSE = "Planlægning af dialogmøder"


def _authenticated(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.municipality_id is not None


def require_coordinator(user) -> None:
    """Manage facilitators, topics and sessions; read evaluations and statistics."""
    if not _authenticated(user) or not user.has_role(*COORDINATOR_ROLES):
        raise Http404


def _refused(model, object_type: str, pk) -> Refused:
    owner = model.objects.filter(pk=pk).values_list("municipality_id", flat=True).first() if str(pk).isdigit() else None
    return Refused(object_type, pk, municipality_id=owner)


def facilitator_for_user(user, pk) -> Facilitator:
    require_coordinator(user)
    facilitator = Facilitator.objects.filter(pk=pk, municipality_id=user.municipality_id).select_related("user").first()
    if facilitator is None:
        raise _refused(Facilitator, "prevention.facilitator", pk)
    return facilitator


def session_for_user(user, pk) -> DialogueSession:
    """A session of the coordinator's municipality; 404 otherwise."""
    require_coordinator(user)
    session = (
        DialogueSession.objects.filter(pk=pk, municipality_id=user.municipality_id)
        .select_related("place_unit", "created_by")
        .first()
    )
    if session is None:
        raise _refused(DialogueSession, "prevention.dialoguesession", pk)
    return session


def topic_for_user(user, pk) -> Topic:
    require_coordinator(user)
    topic = Topic.objects.filter(pk=pk, municipality_id=user.municipality_id).first()
    if topic is None:
        raise _refused(Topic, "prevention.topic", pk)
    return topic


def own_facilitator(user) -> Facilitator:
    """The facilitator record linked to the user's login; 404 for a user who is not a facilitator."""
    if not _authenticated(user):
        raise Http404
    facilitator = Facilitator.objects.filter(user=user, municipality_id=user.municipality_id).first()
    if facilitator is None:
        raise Http404
    return facilitator


def is_facilitator(user) -> bool:
    return _authenticated(user) and Facilitator.objects.filter(user=user, municipality_id=user.municipality_id).exists()


def slip_for_code(code: str) -> EvaluationSlip | None:
    """The slip with `code` (already normalised), for the public evaluation; None when there is none."""
    if not code:
        return None
    return EvaluationSlip.objects.filter(code=code).select_related("session").first()
