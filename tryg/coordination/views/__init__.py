"""Pages of the coordination app, one module per topic: consultations, meetings, referrals and the directory."""

from .actors import actor_create, actor_edit, actor_list
from .consultations import (
    ask,
    consultation_close,
    consultation_detail,
    consultation_join_case,
    consultation_link_case,
    consultation_message,
    consultation_take,
    consultation_to_concern,
    mine,
    queue,
    stats,
)
from .meetings import (
    agenda_add,
    item_action_add,
    item_decisions,
    item_family_invite,
    meeting_create,
    meeting_detail,
    meeting_list,
    participant_add,
)
from .referrals import case_refer, inbox, referral_detail

__all__ = [
    "actor_create",
    "actor_edit",
    "actor_list",
    "agenda_add",
    "ask",
    "case_refer",
    "consultation_close",
    "consultation_detail",
    "consultation_join_case",
    "consultation_link_case",
    "consultation_message",
    "consultation_take",
    "consultation_to_concern",
    "inbox",
    "item_action_add",
    "item_decisions",
    "item_family_invite",
    "meeting_create",
    "meeting_detail",
    "meeting_list",
    "mine",
    "participant_add",
    "queue",
    "referral_detail",
    "stats",
]
