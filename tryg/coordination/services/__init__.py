"""Every write of the coordination app. Keyword-only, atomic, validated, with its audit row in the same transaction.

One module per topic: consultations (requests, the thread, the citizen's contact), meetings (agenda, minutes,
actions into case tasks, family invitations behind the cases guard), referrals (to an actor of the directory,
and the recipient's answers) and actors (the directory).
"""

from .actors import actor_save
from .consultations import (
    citizen_message_add,
    consultant_join_case,
    consultation_assign,
    consultation_close,
    consultation_create,
    consultation_delete,
    consultation_from_citizen,
    consultation_link_case,
    consultation_to_concern,
    message_add,
)
from .meetings import (
    agenda_add,
    family_invite,
    meeting_action_add,
    meeting_create,
    meeting_decisions_set,
    participant_add,
)
from .referrals import actor_referral_answer, actor_referral_create

__all__ = [
    "actor_referral_answer",
    "actor_referral_create",
    "actor_save",
    "agenda_add",
    "family_invite",
    "meeting_action_add",
    "meeting_create",
    "meeting_decisions_set",
    "participant_add",
    "citizen_message_add",
    "consultant_join_case",
    "consultation_assign",
    "consultation_close",
    "consultation_create",
    "consultation_delete",
    "consultation_from_citizen",
    "consultation_link_case",
    "consultation_to_concern",
    "message_add",
]
