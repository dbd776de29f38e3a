"""Upskilling of professionals (*viden og opkvalificering*): courses (theme days, workshops, e-learning),
their sessions with a capacity and a waiting list, enrolments with attendance, and the units' training
managers (who may enrol their staff and are reminded when it is due again).

An enrolment is personal data of a staff member: writes and reads are in the access log.
"""

import calendar
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months (the 31st becomes the last day of a shorter month)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class TargetGroup(models.TextChoices):
    TEACHERS = "teachers", _("Lærere og pædagoger")
    SSP = "ssp", _("SSP-medarbejdere")
    HEALTH_VISITORS = "health_visitors", _("Sundhedsplejersker")
    CASE_WORKERS = "case_workers", _("Sagsbehandlere")
    YOUTH_WORKERS = "youth_workers", _("Klub- og ungdomsmedarbejdere")
    JOB_CENTRE = "job_centre", _("Jobcentermedarbejdere")
    LEADERS = "leaders", _("Ledere")


class Course(models.Model):
    class Kind(models.TextChoices):
        THEME_DAY = "theme_day", _("Temadag")
        WORKSHOP = "workshop", _("Workshop")
        E_LEARNING = "e_learning", _("E-læring")

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("titel"), max_length=150)
    kind = models.CharField(_("form"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beskrivelse"), blank=True)
    learning_goals = models.TextField(_("læringsmål"), help_text=_("Ét mål pr. linje."))
    target_groups = models.JSONField(_("målgrupper"), default=list)
    validity_months = models.PositiveSmallIntegerField(
        _("gyldighed (måneder)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Hvor længe kurset tæller som gennemført, før det skal tages igen."),
    )
    is_active = models.BooleanField(_("udbydes"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("kursus")
        verbose_name_plural = _("kurser")

    def __str__(self) -> str:
        return self.title

    @property
    def goals(self) -> list[str]:
        return [line.strip() for line in self.learning_goals.splitlines() if line.strip()]

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels[g]) for g in self.target_groups if g in labels]


class CourseSession(models.Model):
    """One date of a course: place, time and the number of seats."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200)
    capacity = models.PositiveIntegerField(
        _("antal pladser"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("kursusdato")
        verbose_name_plural = _("kursusdatoer")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="training_session_ends"),
        ]

    def __str__(self) -> str:
        return f"{self.course.title} {timezone.localtime(self.starts_at):%d.%m.%Y}"

    @property
    def municipality_id(self) -> int:
        return self.course.municipality_id

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Tilmeldt")
        WAITING = "waiting", _("På venteliste")
        CANCELLED = "cancelled", _("Afmeldt")

    session = models.ForeignKey(CourseSession, on_delete=models.PROTECT, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments")
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", help_text="The unit the person is counted under."
    )
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["enrolled", "waiting"]),
                name="training_one_active_enrolment",
                violation_error_message=_("Personen er allerede tilmeldt eller på venteliste."),
            ),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(status="enrolled"), name="training_attended_is_enrolled"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "attended_at"], name="training_attended")]

    def __str__(self) -> str:
        return f"{self.user} – {self.session}"

    @property
    def valid_until(self) -> date | None:
        """The day the training stops counting (attended session's day + the course's validity)."""
        if self.attended_at is None:
            return None
        return add_months(timezone.localdate(self.session.starts_at), self.session.course.validity_months)


class TrainingManager(models.Model):
    """A unit's manager for upskilling (*leder*): may enrol the unit's staff and is told when training is due.
    Chosen by the coordinator; there is no manager role in Tryg."""

    unit = models.ForeignKey("accounts.Unit", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_managed")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("leder for opkvalificering")
        verbose_name_plural = _("ledere for opkvalificering")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "user"],
                name="training_manager_unique",
                violation_error_message=_("Personen er allerede leder for enheden."),
            )
        ]
