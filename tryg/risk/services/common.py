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


def audit_assessment(*, actor, action: str, assessment, purpose: str, detail: str = "") -> None:
    """An assessment's row: about the case's person, or about the named consultation."""
    if assessment.case_id:
        audit_case(actor=actor, action=action, obj=assessment, case=assessment.case, purpose=purpose, detail=detail)
        return
    consultation = assessment.consultation
    audit_record(
        actor=actor,
        action=action,
        obj=assessment,
        subject=consultation,
        purpose=purpose,
        detail=detail,
        municipality_id=consultation.municipality_id,
    )
