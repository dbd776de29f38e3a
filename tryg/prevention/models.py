"""Youth-to-youth dialogue (*ung-til-ung dialog*): facilitators, dialogue sessions, topics, participant
counts, and the anonymous evaluation slips.

Facilitators are young people: their name and contact details are encrypted at rest. Sessions hold only
counts of participants (by age band and gender), never names. An evaluation belongs to one slip (one answer
per slip) and holds no personal data; the free reflection is encrypted like any free text.
"""

import secrets
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tryg.core.fields import EncryptedCharField, EncryptedTextField

# Slip codes: 8 characters without the look-alikes 0/O, 1/I/L (31 symbols, about 40 bits), shown as ABCD-EFGH.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_slip_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What a participant typed (spaces, dashes, lower case) as a stored code; '' when it cannot be one."""
    code = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return ""
    return code


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class Topic(models.Model):
    """An entry of the municipality's managed list of dialogue topics (e.g. digital control)."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("emne"), max_length=100)
    is_active = models.BooleanField(_("i brug"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="prevention_topic_unique_name",
                violation_error_message=_("Emnet findes allerede."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Facilitator(models.Model):
    """Dialogskaber: a young person trained to lead dialogue sessions. A record, not necessarily a user;
    `user` links a staff login (any role) so that the person sees their own sessions."""

    class Training(models.TextChoices):
        IN_TRAINING = "in_training", _("Under uddannelse")
        TRAINED = "trained", _("Uddannet")
        INACTIVE = "inactive", _("Ikke aktiv")

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    name = EncryptedCharField(_("navn"), max_length=150)
    phone = EncryptedCharField(_("telefon"), max_length=30, blank=True)
    email = EncryptedCharField(_("e-mail"), max_length=200, blank=True)
    birth_date = models.DateField(_("fødselsdato"))
    training_status = models.CharField(
        _("uddannelse"), max_length=20, choices=Training.choices, default=Training.IN_TRAINING
    )
    trained_on = models.DateField(_("uddannet den"), null=True, blank=True)
    consent_on = models.DateField(_("samtykke til registrering givet den"))
    guardian_name = EncryptedCharField(_("forælder eller værge"), max_length=150, blank=True)
    guardian_consent_on = models.DateField(_("forælderens samtykke givet den"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitator_records",
        verbose_name=_("login i Tryg"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dialogskaber")
        verbose_name_plural = _("dialogskabere")
        constraints = [
            models.CheckConstraint(
                condition=~Q(training_status="trained") | Q(trained_on__isnull=False),
                name="prevention_facilitator_trained_has_date",
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(user__isnull=False), name="prevention_facilitator_one_per_user"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def age(self, day: date | None = None) -> int:
        return age_on(self.birth_date, day or timezone.localdate())

    @property
    def is_minor(self) -> bool:
        return self.age() < 18

    @property
    def may_facilitate(self) -> bool:
        """Registered with consent (and, under 18, the guardian's) and not marked inactive."""
        if self.training_status == self.Training.INACTIVE:
            return False
        return not self.is_minor or self.guardian_consent_on is not None


class AgeBand(models.TextChoices):
    UNDER_13 = "u13", _("Under 13 år")
    AGE_13_15 = "13-15", _("13–15 år")
    AGE_16_17 = "16-17", _("16–17 år")
    AGE_18_PLUS = "18+", _("18 år eller derover")


class Gender(models.TextChoices):
    GIRLS = "girls", _("Piger")
    BOYS = "boys", _("Drenge")
    UNSTATED = "unstated", _("Andet eller ikke oplyst")


class PlaceKind(models.TextChoices):
    SCHOOL = "school", _("Skole")
    YOUTH_CLUB = "youth_club", _("Ungdomsklub")
    ASSOCIATION = "association", _("Forening")
    OTHER = "other", _("Andet sted")


class SessionQuerySet(models.QuerySet):
    def in_month(self, year: int, month: int):
        return self.filter(starts_at__year=year, starts_at__month=month)

    def not_cancelled(self):
        return self.exclude(status=DialogueSession.Status.CANCELLED)


class DialogueSession(models.Model):
    """Dialogmøde: a planned session at a school, club or association, led by facilitators."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        HELD = "held", _("Afholdt")
        CANCELLED = "cancelled", _("Aflyst")

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place_kind = models.CharField(_("type af sted"), max_length=20, choices=PlaceKind.choices)
    place_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("enhed")
    )
    place_name = models.CharField(_("sted"), max_length=150, blank=True)
    audience = models.CharField(_("målgruppe"), max_length=150, help_text=_("Fx klasse, hold eller gruppe."))
    age_band = models.CharField(_("aldersgruppe"), max_length=10, choices=AgeBand.choices)
    topics = models.ManyToManyField(Topic, related_name="sessions", verbose_name=_("emner"))
    facilitators = models.ManyToManyField(Facilitator, related_name="sessions", verbose_name=_("dialogskabere"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    note = models.CharField(_("praktisk note"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("dialogmøde")
        verbose_name_plural = _("dialogmøder")
        indexes = [models.Index(fields=["municipality", "starts_at"], name="prevention_session_month")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="prevention_session_ends"),
            models.CheckConstraint(
                condition=Q(place_unit__isnull=False) | ~Q(place_name=""), name="prevention_session_has_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"

    @property
    def place(self) -> str:
        return self.place_unit.name if self.place_unit_id else self.place_name

    @property
    def participant_total(self) -> int:
        return sum(c.count for c in self.counts.all())


class ParticipantCount(models.Model):
    """How many took part, by age band and gender (never who)."""

    session = models.ForeignKey(DialogueSession, on_delete=models.CASCADE, related_name="counts")
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    gender = models.CharField(max_length=10, choices=Gender.choices)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "age_band", "gender"], name="prevention_count_unique"),
        ]


class EvaluationSlip(models.Model):
    """A printed slip with a code (and its QR code): one anonymous answer per slip."""

    session = models.ForeignKey(DialogueSession, on_delete=models.CASCADE, related_name="slips")
    code = models.CharField(max_length=CODE_LENGTH, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    used_on = models.DateField(null=True, blank=True)  # the day only: no time of day beside an answer

    class Meta:
        ordering = ["id"]

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Evaluation(models.Model):
    """An anonymous answer: three 1–5 scales and a free reflection. No IP address, no time of day."""

    SCORES = ("score_voice", "score_learned", "score_relevant")

    slip = models.OneToOneField(EvaluationSlip, on_delete=models.CASCADE, related_name="evaluation")
    session = models.ForeignKey(DialogueSession, on_delete=models.CASCADE, related_name="evaluations")
    submitted_on = models.DateField(default=timezone.localdate)
    score_voice = models.PositiveSmallIntegerField(validators=SCALE, verbose_name=_("Jeg kunne sige min mening"))
    score_learned = models.PositiveSmallIntegerField(validators=SCALE, verbose_name=_("Jeg lærte noget nyt"))
    score_relevant = models.PositiveSmallIntegerField(validators=SCALE, verbose_name=_("Emnet betyder noget for mig"))
    reflection = EncryptedTextField(_("Hvad tager du med dig fra i dag?"), blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(score_voice__gte=1, score_voice__lte=5)
                & Q(score_learned__gte=1, score_learned__lte=5)
                & Q(score_relevant__gte=1, score_relevant__lte=5),
                name="prevention_evaluation_scores_1_5",
            )
        ]
