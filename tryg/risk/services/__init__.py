"""Every write of risk work. Keyword-only with `actor`, atomic, validated, with its audit row in the same
transaction. One module per topic: instruments, assessments, casework (flag, siblings, travel), safety plans."""

from .assessments import (
    assessment_save,
    assessment_sign,
    assessment_start,
    checklist_level,
    floor_level,
)
from .casework import TRAVEL_STEPS, flag_set, sibling_consider, travel_save
from .instruments import SEED_FILES, ensure_seed_instruments, instrument_import
from .safety import ActionData, PlanData, safety_plan_save

__all__ = [
    "SEED_FILES",
    "TRAVEL_STEPS",
    "ActionData",
    "PlanData",
    "assessment_save",
    "assessment_sign",
    "assessment_start",
    "checklist_level",
    "ensure_seed_instruments",
    "flag_set",
    "floor_level",
    "instrument_import",
    "safety_plan_save",
    "sibling_consider",
    "travel_save",
]
