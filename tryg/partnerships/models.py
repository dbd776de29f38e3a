"""Partnerships with civil-society associations (*partnerskaber med civilsamfundsaktører*) funded by grant pools.

A `Partner` is one municipality's partnership with an association (the same association partnering with three
municipalities is three partners, each belonging to its municipality, the tenant). The partner's users are the
members of its `unit` (a unit of kind "partner") holding the role `partner`. A `GrantPool` (*pulje*) is a
national pool; municipalities apply (`Application`) and grant money to a partner (`Grant`), with budget lines,
payments, agreements and report deadlines. The partner reports `Activity` rows (with reach, cost against a
budget line and `Attachment`s). No citizen is ever named: reach is counts only.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 12, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0.01"))]
CVR_VALIDATOR = RegexValidator(r"^\d{8}$", _("Et CVR-nummer er 8 cifre."))


class GrantPool(models.Model):
    """Pulje: a grantor's pool that municipalities apply to."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    grantor = models.CharField(_("tilskudsgiver"), max_length=200)
    total = models.DecimalField(_("samlet beløb (kr.)"), validators=POSITIVE, **MONEY)
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til"), null=True, blank=True)
    eligible_municipalities = models.ManyToManyField(
        "accounts.Municipality", related_name="grant_pools", verbose_name=_("kommuner, der kan få tilskud")
    )
    applications_received = models.PositiveIntegerField(_("antal modtagne ansøgninger"), default=0)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["-period_start", "name"]
        verbose_name = _("pulje")
        verbose_name_plural = _("puljer")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=models.F("period_start")),
                name="grantpool_period_order",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    """One municipality's partnership with an association (or a cooperation with a council)."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Forening")
        COOPERATION = "cooperation", _("Samarbejde")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="partners")
    unit = models.OneToOneField(
        "accounts.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner",
        verbose_name=_("enhed for partnerens brugere"),
    )
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.ASSOCIATION)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True, validators=[CVR_VALIDATOR])
    target_groups = models.CharField(_("målgrupper"), max_length=500, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=5000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partnere")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="partner_unique_name_per_municipality",
                violation_error_message=_("Kommunen har allerede en partner med det navn."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """Kontaktperson hos partneren (personal data: reads and writes are logged)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("rolle i foreningen"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    """Ansøgning: a municipality's application to a pool."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        GRANTED = "granted", _("Bevilget")
        REJECTED = "rejected", _("Afslået")

    pool = models.ForeignKey(GrantPool, on_delete=models.PROTECT, related_name="applications")
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("titel"), max_length=200)
    submitted_on = models.DateField(_("indsendt"), null=True, blank=True)
    amount_applied = models.DecimalField(_("ansøgt beløb (kr.)"), null=True, blank=True, validators=POSITIVE, **MONEY)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    is_demo = models.BooleanField(_("demodata"), default=False, editable=False)

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        constraints = [
            models.UniqueConstraint(fields=["pool", "municipality", "title"], name="application_unique_title")
        ]

    def __str__(self) -> str:
        return self.title


class Grant(models.Model):
    """Bevilling: money from a pool to one partner, with its period."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pool = models.ForeignKey(GrantPool, on_delete=models.PROTECT, related_name="grants", verbose_name=_("pulje"))
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, null=True, blank=True, related_name="grants", verbose_name=_("ansøgning")
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="grants", verbose_name=_("partner"))
    title = models.CharField(_("titel"), max_length=200)
    amount = models.DecimalField(_("bevilget beløb (kr.)"), validators=POSITIVE, **MONEY)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("slut"))
    is_demo = models.BooleanField(_("demodata"), default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["partner__name", "title"]
        verbose_name = _("bevilling")
        verbose_name_plural = _("bevillinger")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="grant_period_order"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.partner.name}: {self.title}"

    @property
    def municipality_id(self) -> int:
        return self.partner.municipality_id


class BudgetLine(models.Model):
    """Budgetlinje: what part of the grant is meant for what."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="budget_lines")
    label = models.CharField(_("post"), max_length=200)
    amount = models.DecimalField(_("budget (kr.)"), validators=POSITIVE, **MONEY)

    class Meta:
        ordering = ["id"]
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        constraints = [models.UniqueConstraint(fields=["grant", "label"], name="budgetline_unique_label")]

    def __str__(self) -> str:
        return self.label


class Payment(models.Model):
    """Udbetaling of grant money to the partner."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="payments")
    paid_on = models.DateField(_("udbetalt"))
    amount = models.DecimalField(_("beløb (kr.)"), validators=POSITIVE, **MONEY)
    note = models.CharField(_("bemærkning"), max_length=200, blank=True)

    class Meta:
        ordering = ["paid_on", "id"]
        verbose_name = _("udbetaling")
        verbose_name_plural = _("udbetalinger")


class Agreement(models.Model):
    """Aftale: the partnership agreement (or an addendum), with its dates."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="agreements")
    title = models.CharField(_("titel"), max_length=200)
    signed_on = models.DateField(_("underskrevet"))
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til"), null=True, blank=True)

    class Meta:
        ordering = ["signed_on", "id"]
        verbose_name = _("aftale")
        verbose_name_plural = _("aftaler")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="agreement_period_order",
            )
        ]


class ReportDeadline(models.Model):
    """A report the partner owes (status report, final report) by a date; submitted once."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="deadlines")
    title = models.CharField(_("titel"), max_length=200)
    due_on = models.DateField(_("frist"))
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("rapportfrist")
        verbose_name_plural = _("rapportfrister")
        indexes = [models.Index(fields=["due_on"], name="deadline_due", condition=Q(submitted_at__isnull=True))]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.submitted_at is None and self.due_on < timezone.localdate()


class Activity(models.Model):
    """An activity the partner held under a grant, with its reach (counts, never names) and cost."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("titel"), max_length=200)
    held_on = models.DateField(_("dato"))
    description = models.TextField(_("beskrivelse"), blank=True, max_length=5000)
    participants = models.PositiveIntegerField(_("deltagere"))
    volunteers = models.PositiveIntegerField(_("frivillige"), default=0)
    budget_line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, null=True, blank=True, related_name="activities", verbose_name=_("post")
    )
    cost = models.DecimalField(_("udgift (kr.)"), default=Decimal("0"), validators=[MinValueValidator(0)], **MONEY)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(default=timezone.now, editable=False)
    is_demo = models.BooleanField(_("demodata"), default=False, editable=False)

    class Meta:
        ordering = ["-held_on", "-reported_at"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        constraints = [models.CheckConstraint(condition=Q(cost__gte=0), name="activity_cost_not_negative")]

    def __str__(self) -> str:
        return self.title


class Attachment(models.Model):
    """A file attached to an activity. Stored under `stored_name` (generated) outside any served folder; only the
    access-checked download view reads it back, always as an attachment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    original_name = models.CharField(_("filnavn"), max_length=150)
    stored_name = models.CharField(max_length=80, unique=True, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self) -> str:
        return self.original_name
