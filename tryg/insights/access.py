"""Who sees what of the plan and the statistics: the ONLY gates of the insights app.

- The coordinator (tovholder) sees their own municipality's indicators, exports and annual report, and alone
  records plan versions, reviews affected sections and writes the commentary.
- The security consultant (sikkerhedskonsulent) sees the indicators of their region (aggregates over its
  municipalities, the consultation indicators once coordination provides them) and nothing of one municipality's
  plan administration.
- Everyone else gets 404. The public plan page (outside /app/) is open to all: the plan is a public document.
"""

from django.http import Http404

from tryg.accounts.models import Municipality, Role
from tryg.core.errors import Refused

from .models import PlanVersion

COORDINATOR_ROLES = (Role.TOVHOLDER,)
CONSULTANT_ROLES = (Role.SIKKERHEDSKONSULENT,)
STATISTICS_ROLES = (*COORDINATOR_ROLES, *CONSULTANT_ROLES)

PURPOSE = "Beredskabsplan og opfølgning"


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.municipality_id is not None


def _require(user, roles) -> None:
    if not _signed_in(user) or not user.has_role(*roles):
        raise Http404


def require_coordinator(user) -> None:
    """Indicators of the own municipality, exports, the plan's administration, the annual report."""
    _require(user, COORDINATOR_ROLES)


def require_consultant(user) -> None:
    """The region's indicators."""
    _require(user, CONSULTANT_ROLES)


def require_statistics_role(user) -> None:
    _require(user, STATISTICS_ROLES)


def is_coordinator(user) -> bool:
    return _signed_in(user) and user.has_role(*COORDINATOR_ROLES)


def region_municipality_ids(user) -> list[int]:
    """The municipalities of the consultant's region (the scope of the region's statistics)."""
    require_consultant(user)
    return sorted(user.region_municipality_ids)


def version_for_user(user, number: int) -> PlanVersion:
    """A version of the coordinator's own municipality's plan; anything else is a 404 and a refused row."""
    version = None
    if is_coordinator(user):
        version = (
            PlanVersion.objects.filter(municipality_id=user.municipality_id, number=number)
            .select_related("municipality", "created_by")
            .first()
        )
    if version is None:
        raise Refused(
            "insights.planversion", number, municipality_id=user.municipality_id if _signed_in(user) else None
        )
    return version


def public_municipality(code: str) -> Municipality | None:
    """The municipality whose public plan page is asked for (no login: the plan is public)."""
    return Municipality.objects.filter(code=code).first()


def section_for_user(user, pk: int):
    """A section of the coordinator's own municipality's current plan version, to review."""
    from .models import PlanSection

    section = None
    if is_coordinator(user):
        latest = PlanVersion.objects.filter(municipality_id=user.municipality_id).order_by("-number").values("pk")[:1]
        section = PlanSection.objects.filter(pk=pk, version_id__in=latest).select_related("version").first()
    if section is None:
        owner = PlanSection.objects.filter(pk=pk).values_list("version__municipality_id", flat=True).first()
        raise Refused("insights.plansection", pk, municipality_id=owner)
    return section
