"""Every write of the cases app. Keyword-only, atomic, validated, with its audit row in the same transaction.

One module per topic, the same topics as in `views/` and `api/`: intake (persons, concerns, triage), casefile
(timeline, tasks, team, status, links, safe contact), referrals, protection (break-the-glass, archive hold,
anonymisation) and settings. Each rule lives once, here: a refusal raises ValidationError with field names
(or a DomainError with a code), which the pages put on their form and the API turns into its error shape.
"""

from ..access import BREAK_GLASS_HOURS, PURPOSE
from .casefile import (
    DEFAULT_RETENTION_YEARS,
    MANUAL_KINDS,
    case_link_add,
    case_set_status,
    contact_block_reason,
    contact_channels,
    contact_record,
    contact_rules_set,
    entry_add,
    family_contact_block_reason,
    member_add,
    task_add,
    task_done,
)
from .intake import (
    DECISIONS,
    PersonData,
    RelatedPersonData,
    concern_close,
    concern_confirm_receipt,
    concern_create,
    concern_create_public,
    concern_decide,
    concern_feedback_set,
    concern_merge,
    concern_triage,
    person_index_tokens,
    person_refresh_tokens,
    person_token_rows,
)
from .protection import ANONYMISED, break_glass_grant, case_anonymise, case_set_archive_hold
from .referrals import referral_create, referral_decide
from .settings import intake_settings_save

__all__ = [
    "ANONYMISED",
    "BREAK_GLASS_HOURS",
    "DECISIONS",
    "DEFAULT_RETENTION_YEARS",
    "MANUAL_KINDS",
    "PURPOSE",
    "PersonData",
    "RelatedPersonData",
    "break_glass_grant",
    "case_anonymise",
    "case_link_add",
    "case_set_archive_hold",
    "case_set_status",
    "concern_close",
    "concern_confirm_receipt",
    "concern_create",
    "concern_create_public",
    "concern_decide",
    "concern_feedback_set",
    "concern_merge",
    "concern_triage",
    "contact_block_reason",
    "contact_channels",
    "contact_record",
    "contact_rules_set",
    "entry_add",
    "family_contact_block_reason",
    "intake_settings_save",
    "member_add",
    "person_index_tokens",
    "person_refresh_tokens",
    "person_token_rows",
    "referral_create",
    "referral_decide",
    "task_add",
    "task_done",
]
