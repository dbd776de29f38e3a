"""Tenants, units, users and roles.

A Municipality (kommune) is the tenant. Users belong to one municipality and hold Memberships
(unit + role). A security consultant's scope is every municipality of their municipality's region.
"""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FAGPERSON = "fagperson", _("Fagperson")
    SAGSBEHANDLER = "sagsbehandler", _("Sagsbehandler")
    SIKKERHEDSKONSULENT = "sikkerhedskonsulent", _("Sikkerhedskonsulent")
    TOVHOLDER = "tovholder", _("Tovholder")
    PARTNER = "partner", _("Partner")
    ADMINISTRATOR = "administrator", _("Administrator")


# Every role, for what every staff member may see (the knowledge base, the action cards, their own account).
ALL_ROLES: tuple[str, ...] = tuple(Role.values)


class Region(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    code = models.SlugField(_("kode"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """Kommune: the tenant. Every row of personal data belongs to exactly one municipality."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    code = models.CharField(_("kommunekode"), max_length=3, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="municipalities")
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    class Kind(models.TextChoices):
        CHILDREN_AUTHORITY = "children_authority", _("Myndighed, børn og unge")
        ADULT_AUTHORITY = "adult_authority", _("Myndighed, voksne")
        COORDINATION = "coordination", _("Koordinering (tovholder)")
        SCHOOL = "school", _("Skole")
        SSP = "ssp", _("SSP")
        HEALTH = "health", _("Sundhedspleje")
        JOB_CENTRE = "job_centre", _("Jobcenter")
        YOUTH_CLUB = "youth_club", _("Ungdomsklub")
        POLICE = "police", _("Politi (kontaktperson)")
        SECURITY_TEAM = "security_team", _("Sikkerhedskonsulenter")
        PARTNER = "partner", _("Civilsamfundspartner")
        ADMINISTRATION = "administration", _("Administration")
        OTHER = "other", _("Anden enhed")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="units")
    name = models.CharField(_("navn"), max_length=150)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("enhed")
        verbose_name_plural = _("enheder")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unit_unique_name_per_municipality")
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A staff user. `municipality` is the home tenant; superusers may have none."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("kommune")
    )
    is_demo = models.BooleanField(default=False, editable=False)
    deactivated_at = models.DateTimeField(null=True, blank=True, editable=False)
    must_change_password = models.BooleanField(
        _("skal skifte adgangskode"),
        default=False,
        help_text=_("Sat, når en administrator har givet brugeren en engangsadgangskode."),
    )

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        constraints = [
            # The Django admin is for superusers only: nobody else is ever staff.
            models.CheckConstraint(
                condition=models.Q(is_staff=False) | models.Q(is_superuser=True), name="user_staff_only_superuser"
            )
        ]

    @cached_property
    def memberships_cached(self) -> list["Membership"]:
        return list(self.memberships.select_related("unit").filter(unit__is_active=True))

    @cached_property
    def roles(self) -> set[str]:
        return {m.role for m in self.memberships_cached}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    def unit_ids_with_role(self, *roles: str) -> set[int]:
        return {m.unit_id for m in self.memberships_cached if m.role in roles}

    @cached_property
    def region_municipalities(self) -> list["Municipality"]:
        """The municipalities of the user's region, by name (one query a request, for lists and access alike)."""
        if self.municipality_id is None:
            return []
        return list(Municipality.objects.filter(region_id=self.municipality.region_id).order_by("name"))

    @cached_property
    def region_municipality_ids(self) -> set[int]:
        """Municipalities a security consultant covers: all of their region."""
        return {m.pk for m in self.region_municipalities}

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("rolle"), max_length=30, choices=Role.choices)
    on_duty = models.BooleanField(_("i vagt"), default=False, help_text=_("Modtager besked om akutte henvendelser."))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role"],
                name="membership_unique",
                violation_error_message=_("Brugeren har allerede denne rolle i enheden."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.unit} ({self.get_role_display()})"

    def clean(self) -> None:
        super().clean()
        if self.user_id and self.unit_id and self.unit.municipality_id != self.user.municipality_id:
            raise ValidationError({"unit": _("Enheden hører til en anden kommune end brugeren.")})


class UserSession(models.Model):
    """Which sessions belong to which user, so deactivation can end all of them."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tracked_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A bearer token for the API. Only a SHA-256 digest of the token is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="The first characters, to tell tokens apart.")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    @staticmethod
    def digest_for(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
