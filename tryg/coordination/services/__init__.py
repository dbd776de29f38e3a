"""Every write of the coordination app. Keyword-only, atomic, validated, with its audit row in the same transaction.

One module per topic: consultations (requests, the thread, the citizen's contact), meetings (agenda, minutes,
actions into case tasks, family invitations behind the cases guard), referrals (to an actor of the directory,
and the recipient's answers) and actors (the directory).
"""

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

__all__ = [
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
