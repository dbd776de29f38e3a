"""The audit row of a risk write: about the case's person, filed under the case's municipality."""

from tryg.audit.services import audit_record


def audit_case(*, actor, action: str, obj, case, purpose: str, detail: str = "") -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        subject=("cases.person", case.person_id),
        purpose=purpose,
        detail=detail,
        municipality_id=case.municipality_id,
    )
