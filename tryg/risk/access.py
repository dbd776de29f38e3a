"""Who may do what in risk work: the ONLY way views and the API fetch risk objects for a user.

Everything hangs on the case: whoever may read a case (tryg.cases.access.visible_cases) reads its
assessments, flag, siblings, travel checklist and safety plans; whoever may change it (write=True: its team,
its case workers, a security consultant on its team) drafts, signs and plans. Setting the honour-related flag
is the case worker's decision (sagsbehandler). Anything else is a 404 with a "refused" row.
"""

from django.db.models import Q
from django.http import Http404

from tryg.accounts.models import Role
from tryg.cases.access import CASE_ROLES, CASEWORKER_ROLES, case_for_user, visible_cases
from tryg.core.errors import Refused

from .models import Assessment, Instrument, SafetyPlan

RISK_ROLES = CASE_ROLES
FLAG_ROLES = CASEWORKER_ROLES
PURPOSE = "Risikovurdering"
PLAN_PURPOSE = "Sikkerhedsplan"

__all__ = ["case_for_user", "RISK_ROLES", "FLAG_ROLES"]


def require_risk_role(user) -> None:
    if not getattr(user, "is_authenticated", False) or user.municipality_id is None or not user.has_role(*RISK_ROLES):
        raise Http404


def require_flag_role(user) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_role(*FLAG_ROLES):
        raise Http404


def is_consultant(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.has_role(Role.SIKKERHEDSKONSULENT)


def instrument_for_user(user, slug: str) -> Instrument:
    require_risk_role(user)
    instrument = Instrument.objects.filter(slug=slug).first()
    if instrument is None:
        raise Refused("risk.instrument", slug)
    return instrument


def _refused_via_case(model, object_type: str, pk) -> Refused:
    owner = model.objects.filter(pk=pk).values_list("case__municipality_id", flat=True).first()
    return Refused(object_type, pk, municipality_id=owner)


def _consultations_q(user) -> Q:
    """Named consultations of the consultant's region (the consultants assess; askers do not see assessments)."""
    if not is_consultant(user) or user.municipality_id is None:
        return Q(pk__in=[])
    return Q(consultation__region_id=user.municipality.region_id)


def assessment_for_user(user, pk, *, write: bool = False) -> Assessment:
    """An assessment of a case the user may read (or change, with write=True), or of a named consultation of a
    consultant's region; 404 otherwise."""
    assessment = (
        Assessment.objects.filter(Q(case__in=visible_cases(user, write=write)) | _consultations_q(user), pk=pk)
        .select_related(
            "case__person", "case__responsible_unit", "consultation", "version__instrument", "created_by", "signed_by"
        )
        .first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if assessment is None:
        owner = Assessment.objects.filter(pk=pk).values_list("case__municipality_id", "consultation__municipality_id")
        first = owner.first() or (None, None)
        raise Refused("risk.assessment", pk, municipality_id=first[0] or first[1])
    return assessment


def consultation_for_assessment(user, pk):
    """A named consultation of the consultant's region, to assess; 404 (and a refused row) otherwise."""
    from tryg.coordination.access import consultation_for_consultant

    return consultation_for_consultant(user, pk)


def may_change_assessment(user, assessment: Assessment) -> bool:
    if assessment.case_id:
        return may_change(user, assessment.case)
    return is_consultant(user) and assessment.consultation.region_id == user.municipality.region_id


def plan_for_user(user, pk) -> SafetyPlan:
    """A safety plan version of a case the user may read; 404 otherwise."""
    plan = (
        SafetyPlan.objects.filter(pk=pk, case__in=visible_cases(user))
        .select_related("case__person", "case__municipality", "created_by")
        .first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if plan is None:
        raise _refused_via_case(SafetyPlan, "risk.safetyplan", pk)
    return plan


def may_change(user, case) -> bool:
    return visible_cases(user, write=True).filter(pk=case.pk).exists()
