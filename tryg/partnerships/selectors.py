"""Every read of the partnerships app that crosses relations: the coordinator's overview of spending against
budget, the partner's own page, a grant's file and its report for the grantor, what is due.

Callers pass a user whose access is already checked (`access.py`) or an object fetched through it. None of these
writes to the access log: the view or endpoint that shows personal data calls `audit_read` itself.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from tryg.accounts.models import Membership, Role
from tryg.core.paging import Page, offset_for

from .access import visible_grants, visible_partners
from .models import Activity, Application, BudgetLine, Grant, GrantPool, Partner, Payment, ReportDeadline

ZERO = Decimal("0")
OVERVIEW_PAGE = 50
PARTNERS_PAGE = 50
ACTIVITIES_PAGE = 25
DUE_WITHIN_DAYS = 30
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def _sum_per_grant(model, column: str, *, output=_MONEY, link: str = "grant"):
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(t=Sum(column)).values("t")
    zero = Value(ZERO, output_field=output) if output is _MONEY else Value(0, output_field=output)
    return Coalesce(Subquery(rows, output_field=output), zero)


def with_sums(grants):
    """Grants annotated with what the coordinator compares: budgeted, paid, spent, activities and reach.
    One query whatever the number of grants (a subquery per figure, never a join that multiplies rows)."""
    count = IntegerField()
    return grants.annotate(
        budgeted=_sum_per_grant(BudgetLine, "amount"),
        paid=_sum_per_grant(Payment, "amount"),
        spent=_sum_per_grant(Activity, "cost"),
        participants_total=_sum_per_grant(Activity, "participants", output=count),
        activity_count=Coalesce(
            Subquery(
                Activity.objects.filter(grant=OuterRef("pk"))
                .order_by()
                .values("grant")
                .annotate(n=Count("id"))
                .values("n"),
                output_field=count,
            ),
            Value(0, output_field=count),
        ),
    )


def share(part: Decimal, whole: Decimal) -> int:
    """Whole percent of `whole` that `part` is (0 when there is no whole)."""
    return int((part * 100 / whole).to_integral_value()) if whole else 0


# --- the coordinator ---------------------------------------------------------------------------


def grants_overview_page(user, number: int) -> tuple[list[Grant], Page, dict]:
    """The coordinator's overview: every grant of the municipality with spending against budget, paged, and the
    totals over all of them."""
    grants = visible_grants(user)
    totals = {
        "amount": grants.aggregate(t=Sum("amount"))["t"] or ZERO,
        "budgeted": BudgetLine.objects.filter(grant__in=grants).aggregate(t=Sum("amount"))["t"] or ZERO,
        "paid": Payment.objects.filter(grant__in=grants).aggregate(t=Sum("amount"))["t"] or ZERO,
        "spent": Activity.objects.filter(grant__in=grants).aggregate(t=Sum("cost"))["t"] or ZERO,
    }
    totals["spent_share"] = share(totals["spent"], totals["amount"])
    total = grants.count()
    offset = offset_for(number, OVERVIEW_PAGE)
    rows = list(
        with_sums(grants)
        .select_related("partner", "pool")
        .order_by("partner__name", "title")[offset : offset + OVERVIEW_PAGE]
    )
    for grant in rows:
        grant.spent_share = share(grant.spent, grant.amount)
        grant.remaining = grant.amount - grant.spent
    return rows, Page(number=number, size=OVERVIEW_PAGE, shown=len(rows), total=total), totals


def partners_page(user, number: int) -> tuple[list[Partner], Page]:
    partners = visible_partners(user)
    total = partners.count()
    offset = offset_for(number, PARTNERS_PAGE)
    rows = list(partners.annotate(grant_count=Count("grants")).order_by("name")[offset : offset + PARTNERS_PAGE])
    return rows, Page(number=number, size=PARTNERS_PAGE, shown=len(rows), total=total)


def partner_file(partner: Partner) -> dict:
    """The partner page: contact persons, the partner's users, its grants with their sums."""
    users = []
    if partner.unit_id:
        users = [
            m.user
            for m in Membership.objects.filter(unit_id=partner.unit_id, role=Role.PARTNER, user__is_active=True)
            .select_related("user")
            .order_by("user__first_name", "user__username")
        ]
    grants = list(with_sums(partner.grants.all()).select_related("pool").order_by("-starts_on"))
    return {"partner": partner, "contacts": list(partner.contacts.all()), "users": users, "grants": grants}


def pools_for(user, pools) -> list[GrantPool]:
    """The pools with the number of eligible municipalities and of the user's municipality's grants."""
    own = Grant.objects.filter(pool=OuterRef("pk"), partner__municipality_id=user.municipality_id)
    return list(
        pools.annotate(
            municipality_count=Count("eligible_municipalities", distinct=True),
            own_granted=Coalesce(
                Subquery(own.order_by().values("pool").annotate(t=Sum("amount")).values("t"), output_field=_MONEY),
                Value(ZERO, output_field=_MONEY),
            ),
        ).order_by("-period_start", "name")
    )


def pool_file(user, pool: GrantPool) -> dict:
    """A pool: its facts, the eligible municipalities, and the user's own municipality's applications and grants
    (other municipalities' grants stay theirs)."""
    grants = list(
        with_sums(pool.grants.filter(partner__municipality_id=user.municipality_id))
        .select_related("partner")
        .order_by("partner__name")
    )
    return {
        "pool": pool,
        "municipalities": list(pool.eligible_municipalities.order_by("name")),
        "applications": list(
            Application.objects.filter(pool=pool, municipality_id=user.municipality_id).order_by("title")
        ),
        "grants": grants,
        "granted_total": sum((g.amount for g in grants), ZERO),
        "is_demo": any(g.is_demo for g in grants),
    }


# --- the partner -------------------------------------------------------------------------------


def partner_home(user) -> dict:
    """The partner's own page: their partnership(s), the grants with sums, what is due, recent activities."""
    partners = list(visible_partners(user).order_by("name"))
    grants = list(with_sums(visible_grants(user)).select_related("partner", "pool").order_by("-starts_on"))
    for grant in grants:
        grant.spent_share = share(grant.spent, grant.amount)
    return {"partners": partners, "grants": grants, "due": due_reports(user)}


def due_reports(user, *, within_days: int = DUE_WITHIN_DAYS) -> list[ReportDeadline]:
    """Reports not yet submitted for the user's visible grants, overdue or due within `within_days`."""
    horizon = timezone.localdate() + timedelta(days=within_days)
    return list(
        ReportDeadline.objects.filter(grant__in=visible_grants(user), submitted_at__isnull=True, due_on__lte=horizon)
        .select_related("grant", "grant__partner")
        .order_by("due_on")[:20]
    )


# --- a grant -----------------------------------------------------------------------------------


@dataclass
class ReportLine:
    label: str
    budget: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent

    @property
    def spent_share(self) -> int:
        return share(self.spent, self.budget)


@dataclass
class GrantReport:
    """What the grantor is told about one grant: the same figures on the grant page, the printable report, the XLSX
    file and the API. The totals are aggregates; `activities` is filled for the full report only."""

    grant: Grant
    lines: list[ReportLine]
    payments: list[Payment]
    agreements: list
    deadlines: list
    spent: Decimal
    activity_count: int
    participants: int
    volunteers: int
    any_demo_activity: bool
    activities: list[Activity] = field(default_factory=list)

    @property
    def budgeted(self) -> Decimal:
        return sum((line.budget for line in self.lines), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.grant.amount - self.spent

    @property
    def unpaid(self) -> Decimal:
        return self.grant.amount - self.paid

    @property
    def budget_remaining(self) -> Decimal:
        return self.budgeted - sum((line.spent for line in self.lines), ZERO)

    @property
    def unbudgeted(self) -> Decimal:
        return self.grant.amount - self.budgeted

    @property
    def spent_share(self) -> int:
        return share(self.spent, self.grant.amount)

    @property
    def is_demo(self) -> bool:
        return self.grant.is_demo or self.any_demo_activity


def grant_report(grant: Grant, *, with_activities: bool = True) -> GrantReport:
    """The grant's budget lines with what was spent on each, payments, agreements, report deadlines, the totals of
    its activities and (with_activities) every activity: a fixed number of queries however many there are."""
    lines = (
        BudgetLine.objects.filter(grant=grant)
        .annotate(spent=Coalesce(Sum("activities__cost"), Value(ZERO, output_field=_MONEY)))
        .order_by("id")
    )
    sums = grant.activities.aggregate(
        spent=Sum("cost"), n=Count("id"), participants=Sum("participants"), volunteers=Sum("volunteers")
    )
    activities = []
    if with_activities:
        activities = list(
            grant.activities.select_related("budget_line")
            .prefetch_related("attachments")
            .order_by("held_on", "reported_at")
        )
    return GrantReport(
        grant=grant,
        lines=[ReportLine(line.label, line.amount, line.spent) for line in lines],
        payments=list(grant.payments.order_by("paid_on", "id")),
        agreements=list(grant.agreements.order_by("signed_on", "id")),
        deadlines=list(grant.deadlines.order_by("due_on", "id")),
        spent=sums["spent"] or ZERO,
        activity_count=sums["n"] or 0,
        participants=sums["participants"] or 0,
        volunteers=sums["volunteers"] or 0,
        any_demo_activity=grant.activities.filter(is_demo=True).exists(),
        activities=activities,
    )


def activities_page(grant: Grant, number: int) -> tuple[list[Activity], Page]:
    """The grant's activities, newest first, ACTIVITIES_PAGE a page, with their budget lines and attachments."""
    activities = grant.activities.all()
    total = activities.count()
    offset = offset_for(number, ACTIVITIES_PAGE)
    rows = list(
        activities.select_related("budget_line")
        .prefetch_related("attachments")
        .order_by("-held_on", "-reported_at")[offset : offset + ACTIVITIES_PAGE]
    )
    return rows, Page(number=number, size=ACTIVITIES_PAGE, shown=len(rows), total=total)


def budget_lines_of(grant: Grant) -> list[BudgetLine]:
    return list(BudgetLine.objects.filter(grant=grant).order_by("id"))
