"""Who sees which partnership: the ONLY way views and the API fetch a partner, pool, grant or attachment.

- The municipality's coordinator (tovholder) sees every partner and grant of their own municipality, the pools
  their municipality may apply to, and alone changes them (partners, contact persons, grants, budget lines,
  payments, agreements, deadlines).
- A partner user (role `partner`) sees only the partner whose unit they are a member of (in their own
  municipality), that partner's grants and activities; they alone report activities and submit reports.
- Everyone else (case workers, consultants, professionals, administrators, other municipalities) gets 404.
"""

from django.db.models import QuerySet
from django.http import Http404

from tryg.accounts.models import Role
from tryg.core.errors import Refused

from .models import Activity, Attachment, Grant, GrantPool, Partner, ReportDeadline

# Who may do what, defined once. Pages, API and navigation use these tuples.
COORDINATOR_ROLES = (Role.TOVHOLDER,)
PARTNER_ROLES = (Role.PARTNER,)
PARTNERSHIP_ROLES = (*COORDINATOR_ROLES, *PARTNER_ROLES)

PURPOSE = "Partnerskaber og tilskud"


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.municipality_id is not None


def _require(user, roles) -> None:
    if not _signed_in(user) or not user.has_role(*roles):
        raise Http404


def require_coordinator(user) -> None:
    """The coordinator's pages: the overview of spending, partners, pools, grant administration."""
    _require(user, COORDINATOR_ROLES)


def require_partner(user) -> None:
    """The partner's own page."""
    _require(user, PARTNER_ROLES)


def require_partnership_role(user) -> None:
    _require(user, PARTNERSHIP_ROLES)


def is_coordinator(user) -> bool:
    return _signed_in(user) and user.has_role(*COORDINATOR_ROLES)


def visible_partners(user, *, write: bool = False) -> QuerySet[Partner]:
    """Partners the user may see (or change, with write=True: the coordinator only)."""
    if not _signed_in(user):
        return Partner.objects.none()
    own = Partner.objects.filter(municipality_id=user.municipality_id)
    if user.has_role(*COORDINATOR_ROLES):
        return own
    if write or not user.has_role(*PARTNER_ROLES):
        return Partner.objects.none()
    return own.filter(unit_id__in=user.unit_ids_with_role(Role.PARTNER))


def visible_grants(user, *, write: bool = False) -> QuerySet[Grant]:
    return Grant.objects.filter(partner__in=visible_partners(user, write=write))


def visible_pools(user) -> QuerySet[GrantPool]:
    """The pools the coordinator's municipality may apply to."""
    if not is_coordinator(user):
        return GrantPool.objects.none()
    # A subquery, not a join: counting a pool's municipalities afterwards must see all of them.
    eligible = GrantPool.eligible_municipalities.through.objects.filter(municipality_id=user.municipality_id)
    return GrantPool.objects.filter(pk__in=eligible.values("grantpool_id"))


def partner_for_user(user, pk, *, write: bool = False) -> Partner:
    partner = visible_partners(user, write=write).select_related("municipality", "unit").filter(pk=pk).first()
    if partner is None:
        owner = Partner.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
        raise Refused("partnerships.partner", pk, municipality_id=owner)
    return partner


def pool_for_user(user, pk) -> GrantPool:
    pool = visible_pools(user).filter(pk=pk).first()
    if pool is None:
        raise Refused("partnerships.grantpool", pk, municipality_id=user.municipality_id if _signed_in(user) else None)
    return pool


def grant_for_user(user, pk, *, write: bool = False) -> Grant:
    """A grant the user sees; with write=True one the coordinator administers."""
    grant = visible_grants(user, write=write).select_related("partner", "pool", "application").filter(pk=pk).first()
    if grant is None:
        owner = Grant.objects.filter(pk=pk).values_list("partner__municipality_id", flat=True).first()
        raise Refused("partnerships.grant", pk, municipality_id=owner)
    return grant


def grant_for_reporting(user, pk) -> Grant:
    """A grant of the partner's own, to report an activity against (only the partner reports)."""
    if not (_signed_in(user) and user.has_role(*PARTNER_ROLES)) or is_coordinator(user):
        owner = Grant.objects.filter(pk=pk).values_list("partner__municipality_id", flat=True).first()
        raise Refused("partnerships.grant", pk, municipality_id=owner)
    return grant_for_user(user, pk)


def deadline_for_partner(user, pk) -> ReportDeadline:
    """A report deadline of the partner's own grant, to submit the report."""
    deadline = None
    if _signed_in(user) and user.has_role(*PARTNER_ROLES) and not is_coordinator(user):
        deadline = ReportDeadline.objects.filter(pk=pk, grant__in=visible_grants(user)).select_related("grant").first()
    if deadline is None:
        owner = ReportDeadline.objects.filter(pk=pk).values_list("grant__partner__municipality_id", flat=True).first()
        raise Refused("partnerships.reportdeadline", pk, municipality_id=owner)
    return deadline


def activity_for_reporting(user, pk) -> Activity:
    """An activity of the partner's own grant, to attach a file to."""
    activity = None
    if _signed_in(user) and user.has_role(*PARTNER_ROLES) and not is_coordinator(user):
        activity = Activity.objects.filter(pk=pk, grant__in=visible_grants(user)).select_related("grant").first()
    if activity is None:
        owner = Activity.objects.filter(pk=pk).values_list("grant__partner__municipality_id", flat=True).first()
        raise Refused("partnerships.activity", pk, municipality_id=owner)
    return activity


def attachment_for_user(user, pk) -> Attachment:
    attachment = (
        Attachment.objects.filter(pk=pk, activity__grant__in=visible_grants(user))
        .select_related("activity", "activity__grant")
        .first()
    )
    if attachment is None:
        owner = (
            Attachment.objects.filter(pk=pk).values_list("activity__grant__partner__municipality_id", flat=True).first()
        )
        raise Refused("partnerships.attachment", pk, municipality_id=owner)
    return attachment
