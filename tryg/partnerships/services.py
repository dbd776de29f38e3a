"""Every write of the partnerships app. Keyword-only, atomic, validated (`full_clean()`), with an access-log row
in the same transaction where personal data is written (contact persons) or a file a partner sent (attachments).

Rules live once, here: a refusal raises ValidationError with field names (or a DomainError with a code), which the
pages put on their form and the API turns into its error shape.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Unit
from tryg.accounts.services import unit_create
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.errors import DomainError

from . import uploads
from .models import (
    Activity,
    Agreement,
    Application,
    Attachment,
    BudgetLine,
    ContactPerson,
    Grant,
    GrantPool,
    Partner,
    Payment,
    ReportDeadline,
)

ZERO = Decimal("0")


def _sum(queryset, field: str = "amount") -> Decimal:
    return queryset.aggregate(total=Sum(field))["total"] or ZERO


def _locked(grant: Grant) -> Grant:
    """The grant row locked for the rest of the transaction, so two sums checked at once cannot both pass."""
    return Grant.objects.select_for_update().select_related("partner", "pool").get(pk=grant.pk)


# --- partners ----------------------------------------------------------------------------------


@transaction.atomic
def partner_create(
    *,
    actor,
    municipality,
    name: str,
    kind: str = Partner.Kind.ASSOCIATION,
    cvr: str = "",
    target_groups: str = "",
    description: str = "",
    unit: Unit | None = None,
) -> Partner:
    """A partner of the municipality, with a unit of kind "partner" for its users (an existing unit of that name
    and kind that no partner holds yet is used; otherwise one is created)."""
    name = (name or "").strip()
    partner = Partner(
        municipality=municipality,
        name=name,
        kind=kind,
        cvr=(cvr or "").replace(" ", ""),
        target_groups=(target_groups or "").strip(),
        description=(description or "").strip(),
    )
    partner.full_clean()
    if unit is None:
        unit = Unit.objects.filter(municipality=municipality, name=name, partner__isnull=True).first()
        if unit is None:
            unit = unit_create(actor=actor, municipality=municipality, name=name, kind=Unit.Kind.PARTNER)
    if unit.municipality_id != municipality.pk or unit.kind != Unit.Kind.PARTNER:
        raise ValidationError({"unit": _("Enheden skal være en partnerenhed i kommunen.")})
    partner.unit = unit
    partner.full_clean()
    partner.save()
    audit_record(actor=actor, action=Action.CREATE, obj=partner, purpose=_("Partnerskaber"))
    return partner


@transaction.atomic
def contact_add(
    *, actor, partner: Partner, name: str, title: str = "", email: str = "", phone: str = ""
) -> ContactPerson:
    contact = ContactPerson(
        partner=partner, name=(name or "").strip(), title=title.strip(), email=email.strip(), phone=phone.strip()
    )
    contact.full_clean()
    contact.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=contact,
        subject=contact,
        purpose=_("Kontaktperson hos partner"),
        municipality_id=partner.municipality_id,
    )
    return contact


# --- pools, applications, grants -----------------------------------------------------------------


@transaction.atomic
def pool_create(
    *,
    actor,
    name: str,
    grantor: str,
    total: Decimal,
    period_start: date,
    period_end: date | None = None,
    municipalities=(),
    applications_received: int = 0,
    description: str = "",
) -> GrantPool:
    pool = GrantPool(
        name=name.strip(),
        grantor=grantor.strip(),
        total=total,
        period_start=period_start,
        period_end=period_end,
        applications_received=applications_received,
        description=description.strip(),
    )
    pool.full_clean()
    pool.save()
    pool.eligible_municipalities.set(municipalities)
    audit_record(actor=actor, action=Action.CREATE, obj=pool, purpose=_("Partnerskaber"))
    return pool


@transaction.atomic
def application_add(
    *,
    actor,
    pool: GrantPool,
    municipality,
    title: str,
    submitted_on: date | None = None,
    amount_applied: Decimal | None = None,
    status: str = Application.Status.RECEIVED,
    is_demo: bool = False,
) -> Application:
    if not pool.eligible_municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": _("Kommunen kan ikke søge denne pulje.")})
    application = Application(
        pool=pool,
        municipality=municipality,
        title=title.strip(),
        submitted_on=submitted_on,
        amount_applied=amount_applied,
        status=status,
        is_demo=is_demo,
    )
    application.full_clean()
    application.save()
    audit_record(actor=actor, action=Action.CREATE, obj=application, municipality_id=municipality.pk)
    return application


@transaction.atomic
def grant_create(
    *,
    actor,
    pool: GrantPool,
    partner: Partner,
    title: str,
    amount: Decimal,
    starts_on: date,
    ends_on: date,
    application: Application | None = None,
    is_demo: bool = False,
) -> Grant:
    """A grant from a pool to a partner of a municipality the pool is open to, within the pool's total."""
    pool = GrantPool.objects.select_for_update().get(pk=pool.pk)
    if not pool.eligible_municipalities.filter(pk=partner.municipality_id).exists():
        raise ValidationError({"pool": _("Partnerens kommune kan ikke få tilskud fra denne pulje.")})
    if application is not None and (
        application.pool_id != pool.pk or application.municipality_id != partner.municipality_id
    ):
        raise ValidationError({"application": _("Ansøgningen hører til en anden pulje eller kommune.")})
    if starts_on and starts_on < pool.period_start or (pool.period_end and ends_on and ends_on > pool.period_end):
        raise ValidationError({"starts_on": _("Bevillingens periode skal ligge inden for puljens periode.")})
    if amount is not None and _sum(pool.grants.all()) + amount > pool.total:
        raise DomainError(
            _("Bevillingerne fra puljen ville overstige puljens samlede beløb."), code="over_pool_total", field="amount"
        )
    grant = Grant(
        pool=pool,
        partner=partner,
        application=application,
        title=(title or "").strip(),
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        is_demo=is_demo,
    )
    grant.full_clean()
    grant.save()
    audit_record(actor=actor, action=Action.CREATE, obj=grant, municipality_id=partner.municipality_id)
    return grant


@transaction.atomic
def budget_line_add(*, actor, grant: Grant, label: str, amount: Decimal) -> BudgetLine:
    """A budget line; together the lines may not exceed the grant."""
    grant = _locked(grant)
    line = BudgetLine(grant=grant, label=(label or "").strip(), amount=amount)
    line.full_clean()
    if _sum(grant.budget_lines.all()) + amount > grant.amount:
        raise DomainError(
            _("Budgetlinjerne ville tilsammen overstige det bevilgede beløb."), code="over_grant", field="amount"
        )
    line.save()
    audit_record(actor=actor, action=Action.CREATE, obj=line, municipality_id=grant.partner.municipality_id)
    return line


@transaction.atomic
def payment_add(*, actor, grant: Grant, paid_on: date, amount: Decimal, note: str = "") -> Payment:
    """A payment to the partner; together the payments may not exceed the grant."""
    grant = _locked(grant)
    payment = Payment(grant=grant, paid_on=paid_on, amount=amount, note=(note or "").strip())
    payment.full_clean()
    if _sum(grant.payments.all()) + amount > grant.amount:
        raise DomainError(
            _("Udbetalingerne ville tilsammen overstige det bevilgede beløb."), code="over_grant", field="amount"
        )
    payment.save()
    audit_record(actor=actor, action=Action.CREATE, obj=payment, municipality_id=grant.partner.municipality_id)
    return payment


@transaction.atomic
def agreement_add(
    *, actor, grant: Grant, title: str, signed_on: date, valid_from: date, valid_to: date | None = None
) -> Agreement:
    if signed_on and signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("En aftale kan ikke være underskrevet i fremtiden.")})
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": _("Slutdatoen ligger før startdatoen.")})
    agreement = Agreement(
        grant=grant, title=(title or "").strip(), signed_on=signed_on, valid_from=valid_from, valid_to=valid_to
    )
    agreement.full_clean()
    agreement.save()
    audit_record(actor=actor, action=Action.CREATE, obj=agreement, municipality_id=grant.partner.municipality_id)
    return agreement


@transaction.atomic
def deadline_add(*, actor, grant: Grant, title: str, due_on: date) -> ReportDeadline:
    deadline = ReportDeadline(grant=grant, title=(title or "").strip(), due_on=due_on)
    deadline.full_clean()
    deadline.save()
    audit_record(actor=actor, action=Action.CREATE, obj=deadline, municipality_id=grant.partner.municipality_id)
    return deadline


@transaction.atomic
def deadline_submit(*, actor, deadline: ReportDeadline) -> ReportDeadline:
    """The partner submits the report due: the activities reported so far make it up. Once only."""
    deadline = ReportDeadline.objects.select_for_update().select_related("grant__partner").get(pk=deadline.pk)
    if deadline.submitted_at is not None:
        raise DomainError(_("Rapporten er allerede indsendt."), code="already_submitted")
    deadline.submitted_at = timezone.now()
    deadline.submitted_by = actor
    deadline.save(update_fields=["submitted_at", "submitted_by"])
    audit_record(
        actor=actor, action=Action.UPDATE, obj=deadline, municipality_id=deadline.grant.partner.municipality_id
    )
    return deadline


# --- activities and attachments ------------------------------------------------------------------


@transaction.atomic
def activity_report(
    *,
    actor,
    grant: Grant,
    title: str,
    held_on: date,
    participants: int,
    volunteers: int = 0,
    description: str = "",
    budget_line: BudgetLine | int | None = None,
    cost: Decimal = ZERO,
    attachment=None,
    is_demo: bool = False,
) -> Activity:
    """An activity the partner held, with its reach and cost (against one of the grant's budget lines), and
    optionally one attachment."""
    if held_on and held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Aktiviteten kan ikke ligge i fremtiden. Indberet den, når den er holdt.")})
    if budget_line is not None and not isinstance(budget_line, BudgetLine):
        budget_line = BudgetLine.objects.filter(grant=grant, pk=budget_line).first()
        if budget_line is None:
            raise ValidationError({"budget_line": _("Vælg en af bevillingens budgetlinjer.")})
    if budget_line is not None and budget_line.grant_id != grant.pk:
        raise ValidationError({"budget_line": _("Vælg en af bevillingens budgetlinjer.")})
    cost = cost or ZERO
    if cost > 0 and budget_line is None:
        raise ValidationError({"budget_line": _("Vælg den budgetlinje, udgiften hører til.")})
    activity = Activity(
        grant=grant,
        title=(title or "").strip(),
        held_on=held_on,
        description=(description or "").strip(),
        participants=participants,
        volunteers=volunteers or 0,
        budget_line=budget_line,
        cost=cost,
        reported_by=actor,
        is_demo=is_demo,
    )
    activity.full_clean()
    kind = uploads.check(attachment) if attachment is not None else None
    activity.save()
    audit_record(actor=actor, action=Action.CREATE, obj=activity, municipality_id=grant.partner.municipality_id)
    if attachment is not None:
        _attachment_store(actor=actor, activity=activity, uploaded=attachment, kind=kind)
    return activity


def _attachment_store(*, actor, activity: Activity, uploaded, kind) -> Attachment:
    stored = uploads.save(uploaded, kind)
    try:
        attachment = Attachment(
            activity=activity,
            original_name=uploads.clean_name(uploaded.name, kind.extension),
            stored_name=stored,
            content_type=kind.content_type,
            size=uploaded.size,
            uploaded_by=actor,
        )
        attachment.full_clean()
        attachment.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            obj=attachment,
            municipality_id=activity.grant.partner.municipality_id,
            purpose=_("Bilag til aktivitet"),
        )
    except BaseException:
        uploads.delete(stored)  # no file is left behind under a generated name when the row is not written
        raise
    return attachment


@transaction.atomic
def attachment_add(*, actor, activity: Activity, uploaded) -> Attachment:
    kind = uploads.check(uploaded)
    return _attachment_store(actor=actor, activity=activity, uploaded=uploaded, kind=kind)
