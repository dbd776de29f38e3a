"""Need-to-know access: the ONLY way views and the API fetch a concern or a case for a user.

A case is visible to
- its case team (CaseMember) within the user's own municipality,
- the case workers (sagsbehandler) of its responsible unit or of the receiving unit of one of its concerns,
- security consultants on the case team whose region covers the case's municipality,
- a case worker of the same municipality holding an unexpired break-the-glass grant (read only).
Everyone else gets 404 (not 403), so existence does not leak: tovholder, administrator, partner,
fagperson and users of other municipalities included.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Role
from tryg.core.errors import Refused

from .models import BreakGlassAccess, Case, CaseMember, Concern, Referral, Task

# Who may do what, defined once. Pages, API and navigation use these tuples.
NOTIFIER_ROLES = (Role.FAGPERSON, Role.SAGSBEHANDLER, Role.TOVHOLDER, Role.PARTNER, Role.SIKKERHEDSKONSULENT)
CASE_ROLES = (Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT)
CASEWORKER_ROLES = (Role.SAGSBEHANDLER,)
COORDINATOR_ROLES = (Role.TOVHOLDER,)
NOTIFICATION_ROLES = (*NOTIFIER_ROLES, Role.ADMINISTRATOR)
ADMINISTRATOR_ROLES = (Role.ADMINISTRATOR,)
# Whose main menu has "Mine underretninger" (case workers find their concerns in the queue instead).
OUTSIDE_NOTIFIER_ROLES = (Role.FAGPERSON, Role.PARTNER)

# The purpose written in the access log for ordinary case work, and for reads through an emergency grant.
PURPOSE = "Sagsbehandling"
BREAK_GLASS_HOURS = 8


# --- role gates (404, not 403: the page does not exist for the user) ------------------------------


def _require(user, roles) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_role(*roles):
        raise Http404


def require_notifier(user) -> None:
    """Send concerns and follow their status."""
    _require(user, NOTIFIER_ROLES)


def require_case_role(user) -> None:
    """Search and open cases (case workers and security consultants)."""
    _require(user, CASE_ROLES)


def require_caseworker(user) -> None:
    """Decisions reserved to a case worker with authority: team, approvals, break-the-glass."""
    _require(user, CASEWORKER_ROLES)


def require_coordinator(user) -> None:
    """The municipality's coordinator (tovholder): a person's access-history export."""
    _require(user, COORDINATOR_ROLES)


def queue_units(user) -> set[int]:
    """The receiving units whose queue the user works; 404 for a user with none."""
    units = caseworker_unit_ids(user)
    if not units:
        raise Http404
    return units


def caseworker_unit_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False) or user.municipality_id is None:
        return set()
    return user.unit_ids_with_role(Role.SAGSBEHANDLER)


def _team_qs(user) -> list[Q]:
    """Team membership that counts: own municipality, or the region's for a security consultant."""
    member = CaseMember.objects.filter(case_id=OuterRef("pk"), user=user)
    out = [Q(Exists(member), municipality_id=user.municipality_id)]
    if user.has_role(Role.SIKKERHEDSKONSULENT):
        consultant = member.filter(role=CaseMember.Role.SECURITY_CONSULTANT)
        out.append(Q(Exists(consultant), municipality_id__in=user.region_municipality_ids))
    return out


def _branches(user, *, write: bool) -> list[Q] | None:
    """The access rule as its branches, each a condition on Case; a case is visible when any of them holds (None:
    the user sees no case). The one definition of the rule: `_visibility_q` joins the branches with OR, and
    `recent_visible_case_ids` reads each off its own index.

    The cheap test comes first: PostgreSQL evaluates an OR in the order written, and "responsible unit is one
    of mine" is a column test, while the team test hashes all of the user's memberships (measured in the name
    search at 100,000 cases: 69 ms team first, 3 ms unit first, same result)."""
    if not getattr(user, "is_authenticated", False) or user.municipality_id is None:
        return None
    if not user.has_role(Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT):
        # Other roles (tovholder, administrator, partner, fagperson) never see case content, even if
        # someone added them to a team by mistake.
        return None
    units = caseworker_unit_ids(user)
    muni = user.municipality_id
    if not units:
        return _team_qs(user)
    from_concern = Concern.objects.filter(case_id=OuterRef("pk"), receiving_unit_id__in=units)
    branches = [Q(municipality_id=muni, responsible_unit_id__in=units), *_team_qs(user)]
    branches.append(Q(Exists(from_concern), municipality_id=muni))
    if not write:
        grant = BreakGlassAccess.objects.filter(case_id=OuterRef("pk"), user=user, expires_at__gt=timezone.now())
        branches.append(Q(Exists(grant), municipality_id=muni))
    return branches


def _visibility_q(user, *, write: bool) -> Q | None:
    """The access rule as one condition on Case (None: the user sees no case)."""
    branches = _branches(user, write=write)
    if branches is None:
        return None
    q = branches[0]
    for branch in branches[1:]:
        q |= branch
    return q


def visible_cases(user, *, write: bool = False) -> QuerySet[Case]:
    """Cases the user may see (or change, with write=True)."""
    q = _visibility_q(user, write=write)
    return Case.objects.none() if q is None else Case.objects.filter(q)


def recent_visible_case_ids(user, limit: int, *, status: str = "") -> list:
    """The ids of the `limit` most recently opened cases the user may read (of `status`, when given), newest first.

    Each branch of the access rule is read off its own index (newest first, at most `limit` rows) and the branches
    are merged here. As one OR, PostgreSQL hashes every team membership of the user before it can keep the first
    rows (38 ms for a case worker on 100,000 teams, growing with the data); a branch alone stops after `limit`."""
    branches = _branches(user, write=False)
    if branches is None:
        return []
    rows: dict = {}  # case id -> opened_at
    for branch in branches:
        qs = Case.objects.filter(branch)
        if status:
            qs = qs.filter(status=status)
        rows.update(qs.order_by("-opened_at", "-id").values_list("pk", "opened_at")[:limit])
    return sorted(rows, key=lambda pk: (rows[pk], pk), reverse=True)[:limit]


def _refused(model, object_type: str, pk) -> Refused:
    """The 404 for `pk`, naming the municipality that holds it (when it exists) for the access log."""
    owner = model.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
    return Refused(object_type, pk, municipality_id=owner)


def _responsible_unit_of(user, case: Case) -> bool:
    """The first test of the access rule, on a loaded case: a case worker of its responsible unit, in its
    municipality. True means read and write access; False means the whole rule must be asked."""
    return _first_test(user, case.municipality_id, case.responsible_unit_id, caseworker_unit_ids(user))


def _first_test(user, municipality_id, responsible_unit_id, units: set[int]) -> bool:
    """The rule's first branch (`_branches`) on a row's values: `units` are the user's case-worker units."""
    return municipality_id == user.municipality_id and responsible_unit_id in units


def readable_ids(user, rows) -> set:
    """Which of the cases `rows` ((id, municipality_id, responsible_unit_id) each) the user may read: the rule's
    first test answers on the rows, and the whole rule is asked (one query) only of those it does not admit."""
    units = caseworker_unit_ids(user)
    admitted = {pk for pk, muni, unit in rows if _first_test(user, muni, unit, units)}
    rest = {pk for pk, _, _ in rows} - admitted
    if rest:
        admitted |= set(visible_cases(user).filter(pk__in=rest).values_list("pk", flat=True))
    return admitted


def case_for_user(user, pk, *, write: bool = False) -> Case:
    """The case if the user may read it (or change it, with write=True); 404 and a refused row otherwise.

    The case is read by its key first: for a case worker of its responsible unit (the everyday case) the rule's
    first test answers on the row, and no access query is built. Otherwise the whole rule is asked, and a
    read also answers whether the user may change the case, so `has_break_glass_only` costs nothing more."""
    case = Case.objects.select_related("person", "responsible_unit").filter(pk=pk).first()
    if case is None:
        raise Refused("cases.case", pk, municipality_id=None)
    if not _responsible_unit_of(user, case):
        qs = visible_cases(user, write=write).select_related("person", "responsible_unit").filter(pk=pk)
        if not write and (writable := _visibility_q(user, write=True)) is not None:
            qs = qs.annotate(tryg_writable=ExpressionWrapper(writable, output_field=BooleanField()))
        case = qs.first()
        if case is None:
            raise _refused(Case, "cases.case", pk)
    if write or not hasattr(case, "tryg_writable"):
        case.tryg_writable = True
    case.tryg_checked_for = user.pk
    return case


def task_for_user(user, public_id) -> Task:
    """A task (by its public id) of a case the user may change; 404 otherwise."""
    tasks = Task.objects.filter(public_id=public_id)
    task = tasks.filter(case__in=visible_cases(user, write=True)).select_related("case").first()
    if task is None:
        owner = tasks.values_list("case__municipality_id", flat=True).first()
        raise Refused("cases.task", public_id, municipality_id=owner)
    return task


def referral_for_decision(user, public_id) -> Referral:
    """A referral (by its public id) a case worker may decide on: in a case they may change; 404 otherwise."""
    require_caseworker(user)
    referrals = Referral.objects.filter(public_id=public_id)
    referral = referrals.filter(case__in=visible_cases(user, write=True)).select_related("case").first()
    if referral is None:
        owner = referrals.values_list("case__municipality_id", flat=True).first()
        raise Refused("cases.referral", public_id, municipality_id=owner)
    return referral


def linkable_case(user, case: Case, number: str) -> Case | None:
    """The case numbered `number` in `case`'s municipality, if the user may change it too (else None)."""
    return visible_cases(user, write=True).filter(municipality_id=case.municipality_id, number=number.strip()).first()


def has_break_glass_only(user, case: Case) -> bool:
    """True when the user sees the case only through an emergency grant (shown on the page). Free for a case
    fetched by `case_for_user` for this user (answered in that query); otherwise one query."""
    writable = getattr(case, "tryg_writable", None)
    if writable is None or getattr(case, "tryg_checked_for", None) != user.pk:
        writable = visible_cases(user, write=True).filter(pk=case.pk).exists()
    return not writable


def reading_purpose(user, case: Case, *, readonly: bool | None = None) -> str:
    """The purpose of a read for the access log: emergency access when the user holds only a grant.
    Pass `readonly` when it is already known, so the check runs once per request."""
    if readonly is None:
        readonly = has_break_glass_only(user, case)
    return _("Nødadgang") if readonly else PURPOSE


def case_for_break_glass(user, number: str) -> Case | None:
    """The case numbered `number` in the case worker's own municipality, for an emergency grant (None if there
    is none). Only a case worker qualifies (404 otherwise); whether they already see it is `is_visible`."""
    require_caseworker(user)
    return Case.objects.filter(municipality_id=user.municipality_id, number=number.strip()).first()


def is_visible(user, case: Case) -> bool:
    return visible_cases(user).filter(pk=case.pk).exists()


def case_for_access_export(user, number: str) -> Case | None:
    """The coordinator's way to a person: the case numbered `number` in their municipality (None if none).
    The coordinator never reads the case itself, only the person's access history."""
    require_coordinator(user)
    return Case.objects.filter(municipality_id=user.municipality_id, number=number.strip()).first()


def visible_concerns(user) -> QuerySet[Concern]:
    """Concerns routed to the user's case-worker unit, or belonging to a case the user works on."""
    if not getattr(user, "is_authenticated", False) or user.municipality_id is None:
        return Concern.objects.none()
    units = caseworker_unit_ids(user)
    on_my_cases = Q(case__in=visible_cases(user, write=True))
    if not units:
        # A security consultant on the case team reads the concerns of that case.
        return Concern.objects.filter(on_my_cases)
    return Concern.objects.filter(Q(municipality_id=user.municipality_id, receiving_unit_id__in=units) | on_my_cases)


def concern_for_user(user, pk, *, write: bool = False) -> Concern:
    """A concern the user may read; with write=True (confirm receipt, triage) only a case worker with
    authority (sagsbehandler) qualifies: security consultants advise but do not decide."""
    if write and not caseworker_unit_ids(user):
        raise _refused(Concern, "cases.concern", pk)
    concern = visible_concerns(user).select_related("person", "receiving_unit", "case").filter(pk=pk).first()
    if concern is None:
        raise _refused(Concern, "cases.concern", pk)
    return concern


def concern_for_notifier(user, pk) -> Concern:
    """The notifier's own concern, for its status only (never its content)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    concern = Concern.objects.filter(pk=pk, notifier=user).only("id", "status", "received_at", "target_group").first()
    if concern is None:
        raise Http404
    return concern
