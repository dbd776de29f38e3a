"""Consultations (rådgivning) with the security consultants, the actors directory, multi-agency meetings
(netværksmøder) and referrals to actors of the directory.

Personal free text (messages, advice, names, consent details, minutes) is encrypted at rest
(tryg.core.fields). A consultation is anonymous unless the legal basis for naming a person was recorded
first; a consultant's region decides which consultations they see.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models import Value as V
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tryg.core.fields import EncryptedCharField, EncryptedTextField


class ConsultationQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Consultation.Status.CLOSED)

    def in_queue_order(self):
        """Most urgent first (acute, urgent, normal), then oldest first; the id settles equal times. Served by the
        queue's indexes (Meta.indexes), so a page reads its rows in order instead of ranking the whole region."""
        return self.order_by("queue_rank", "created_at", "id")


# The queue's rank of each urgency: 0 acute, 1 urgent, 2 normal (anything else sorts with normal).
QUEUE_RANK = {"acute": 0, "urgent": 1}
QUEUE_RANK_DEFAULT = 2


def _queue_rank_expression():
    return models.Case(
        *(models.When(urgency=urgency, then=V(rank)) for urgency, rank in QUEUE_RANK.items()),
        default=V(QUEUE_RANK_DEFAULT),
        output_field=models.SmallIntegerField(),
    )


# The queue's forms: (region | municipality) x (open | one status | all), each with an index in queue order.
_OPEN = ~Q(status="closed")
_QUEUE_ORDER = ["queue_rank", "created_at", "id"]


class Consultation(models.Model):
    """A request for advice (anmodning om rådgivning) to the region's security consultants."""

    class AskerType(models.TextChoices):
        PROFESSIONAL = "professional", _("Fagperson")
        CASEWORKER = "caseworker", _("Sagsbehandler")
        PARTNER = "partner", _("Civilsamfundspartner")
        CITIZEN = "citizen", _("Borger")

    class Status(models.TextChoices):
        NEW = "new", _("Ny")
        IN_PROGRESS = "in_progress", _("I gang")
        AWAITING_ANSWER = "awaiting_answer", _("Afventer svar")
        CLOSED = "closed", _("Lukket")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Almindelig")
        URGENT = "urgent", _("Haster")
        ACUTE = "acute", _("Akut")

    class TargetGroup(models.TextChoices):
        CHILD = "child", _("Barn eller ung under 18")
        ADULT = "adult", _("Voksen over 18")
        UNKNOWN = "unknown", _("Ved ikke")

    class Basis(models.TextChoices):
        """The legal basis for advice on a named person, recorded before any personal data."""

        CONSENT_ADULT = "consent_adult", _("Samtykke fra den voksne selv")
        CONSENT_GUARDIAN = "consent_guardian", _("Samtykke fra forældremyndighedens indehaver")
        CHILD_172C = "child_172c", _("Barnets lov § 172 c: udveksling uden forældrenes samtykke")

    class ConsentForm(models.TextChoices):
        WRITTEN = "written", _("Skriftligt")
        ORAL = "oral", _("Mundtligt")
        DIGITAL = "digital", _("Digitalt")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    region = models.ForeignKey("accounts.Region", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey(
        "accounts.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("accounts.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    asker_type = models.CharField(_("spørger"), max_length=20, choices=AskerType.choices)
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    concern = models.ForeignKey("cases.Concern", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    is_anonymous = models.BooleanField(_("anonym"), default=True)
    target_group = models.CharField(
        _("målgruppe"), max_length=10, choices=TargetGroup.choices, default=TargetGroup.UNKNOWN
    )
    urgency = models.CharField(_("hastegrad"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    topic = EncryptedCharField(_("emne"), max_length=200, blank=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Named person: the legal basis comes first (who, when, scope, how), then the person's details.
    basis = models.CharField(_("hjemmel"), max_length=20, choices=Basis.choices, blank=True)
    consent_by = EncryptedCharField(_("samtykke givet af"), max_length=200, blank=True)
    consent_on = models.DateField(_("samtykke givet den"), null=True, blank=True)
    consent_scope = EncryptedTextField(_("samtykkets omfang"), blank=True)
    consent_form = models.CharField(_("samtykke givet"), max_length=10, choices=ConsentForm.choices, blank=True)
    basis_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    basis_recorded_at = models.DateTimeField(null=True, blank=True)
    person_name = EncryptedCharField(_("personens navn"), max_length=200, blank=True)
    person_details = EncryptedTextField(_("oplysninger om personen"), blank=True)
    # A citizen's own words about who is involved, their age band and how to reach them (public site).
    involved = EncryptedTextField(_("hvem drejer det sig om"), blank=True)
    age_band = models.CharField(_("aldersgruppe"), max_length=20, blank=True)
    contact = EncryptedCharField(_("kontakt"), max_length=200, blank=True)
    # How it ended: the advice given and the follow-ups agreed.
    advice = EncryptedTextField(_("givet rådgivning"), blank=True)
    follow_up = EncryptedTextField(_("opfølgning"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The urgency as the queue sorts it, computed and stored by the database from `urgency` (so every write, a
    # service's save or a bulk insert, keeps it right) and indexed with the queue's filters.
    queue_rank = models.GeneratedField(
        expression=_queue_rank_expression(), output_field=models.SmallIntegerField(), db_persist=True
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["region", *_QUEUE_ORDER], condition=_OPEN, name="consult_queue_open"),
            models.Index(fields=["region", "status", *_QUEUE_ORDER], name="consult_queue_status"),
            models.Index(fields=["region", *_QUEUE_ORDER], name="consult_queue_all"),
            models.Index(fields=["municipality", *_QUEUE_ORDER], condition=_OPEN, name="consult_queue_m_open"),
            models.Index(fields=["municipality", "status", *_QUEUE_ORDER], name="consult_queue_m_status"),
            models.Index(fields=["municipality", *_QUEUE_ORDER], name="consult_queue_m_all"),
            models.Index(fields=["region", "-created_at"], name="consult_region_created"),
            models.Index(fields=["asker", "-created_at"], name="consult_asker"),
            models.Index(fields=["case"], name="consult_case"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_anonymous=True) | ~Q(basis=""), name="consultation_named_needs_basis"
            ),
            models.CheckConstraint(
                condition=Q(is_anonymous=False) | Q(person_name=""), name="consultation_anonymous_no_name"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Forespørgsel %(d)s") % {"d": self.created_at.strftime("%Y-%m-%d")})

    @property
    def short_id(self) -> str:
        return str(self.id).split("-")[0].upper()

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def age_days(self) -> int:
        return (timezone.now() - self.created_at).days


class Message(models.Model):
    """One message of a consultation's two-way thread."""

    public_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False
    )  # in URLs and the API, never the row id
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="messages")
    from_asker = models.BooleanField(default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField(_("besked"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["consultation", "created_at"], name="message_thread")]


class Actor(models.Model):
    """An entry of the actors directory (aktørkatalog): national (municipality empty) or a municipality's own."""

    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Myndighed")
        POLICE = "police", _("Politikreds")
        SHELTER = "shelter", _("Krisecenter eller sikret bolig")
        ADVICE = "advice", _("Rådgivning")
        PARTNER = "partner", _("Civilsamfundspartner")
        MUNICIPAL_UNIT = "municipal_unit", _("Enhed i en anden kommune")
        OTHER = "other", _("Anden aktør")

    municipality = models.ForeignKey(
        "accounts.Municipality", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    slug = models.SlugField(max_length=80, blank=True)
    name = models.CharField(_("navn"), max_length=150)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    offers = models.TextField(_("hvad aktøren tilbyder"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("hjemmeside"), blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    hours = models.CharField(_("åbningstid"), max_length=100, blank=True)
    unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("enhed i Tryg"),
        help_text=_("Brugerne i enheden kan besvare henvisninger til aktøren."),
    )
    verified = models.BooleanField(_("kontrolleret mod en kilde"), default=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(municipality__isnull=True) & ~Q(slug=""), name="actor_national_slug"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None


class Meeting(models.Model):
    """A multi-agency meeting (netværksmøde): participants, an agenda of cases, decisions and actions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    region = models.ForeignKey("accounts.Region", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("titel"), max_length=150)
    starts_at = models.DateTimeField(_("tidspunkt"))
    place = models.CharField(_("sted"), max_length=150, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    """A participant: a Tryg user, or an external actor of the directory (shown by name only)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(actor__isnull=True))
                | (Q(user__isnull=True) & Q(actor__isnull=False)),
                name="participant_user_or_actor",
            ),
            models.UniqueConstraint(fields=["meeting", "user"], name="participant_user_unique"),
            models.UniqueConstraint(fields=["meeting", "actor"], name="participant_actor_unique"),
        ]

    @property
    def name(self) -> str:
        return self.user.display_name if self.user_id else self.actor.name


class AgendaItem(models.Model):
    """A case on a meeting's agenda, with the minutes (decisions) for it."""

    public_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False
    )  # in URLs and the API, never the row id
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    is_repeat = models.BooleanField(_("gentagelse"), default=False)
    decisions = EncryptedTextField(_("beslutninger"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="agenda_case_unique")]
        indexes = [models.Index(fields=["case", "-added_at"], name="agenda_case_added")]


class MeetingAction(models.Model):
    """An action decided for a case on the agenda; it becomes a task of the case."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    task = models.OneToOneField("cases.Task", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)


class FamilyInvitation(models.Model):
    """An invitation of the person's parents or network to a meeting (only when no guard blocks it)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="family_invitations")
    name = EncryptedCharField(_("navn"), max_length=200)
    relation = models.CharField(_("relation"), max_length=100)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)


class ActorReferral(models.Model):
    """Links a case's referral (cases.Referral) to an actor of the directory, and holds the recipient's answers."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Afventer svar")
        ACCEPTED = "accepted", _("Modtaget")
        DECLINED = "declined", _("Afvist")
        COMPLETED = "completed", _("Udfald meldt")

    public_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False
    )  # in URLs and the API, never the row id
    referral = models.OneToOneField("cases.Referral", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="referrals")
    unit = models.ForeignKey("accounts.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    state = models.CharField(_("svar"), max_length=20, choices=State.choices, default=State.WAITING)
    reason = EncryptedTextField(_("begrundelse"), blank=True)
    outcome = EncryptedTextField(_("udfald"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["unit", "state", "-created_at"], name="actorref_inbox")]
