"""Concerns (bekymring/underretning), cases (sager), their timeline, tasks, referrals and safe-contact rules.

Personal free text and person details are encrypted at rest (tryg.core.fields). Encrypted columns cannot
be searched in SQL, so `Person.search_tokens` holds keyed hashes (HMAC-SHA256) of each lower-cased name
token and of the CPR number (indexed one per row in `PersonToken`); a search hashes the query tokens the same
way and matches whole tokens.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tryg.core.fields import EncryptedCharField, EncryptedTextField
from tryg.core.text import validate_name

from . import clocks


class Channel(models.TextChoices):
    """Ways of contacting a person; safe-contact rules allow or forbid them."""

    LETTER_HOME = "letter_home", _("Brev til hjemmeadressen")
    DIGITAL_POST = "digital_post", _("Digital Post")
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telefonopkald")
    IN_PERSON = "in_person", _("Personligt møde")
    VIA_SCHOOL = "via_school", _("Via skolen")


class TargetGroup(models.TextChoices):
    CHILD = "child", _("Barn eller ung under 18")
    ADULT = "adult", _("Voksen (18 eller derover)")


class AgeGroup(models.TextChoices):
    AGE_0_5 = "0-5", _("0–5 år")
    AGE_6_12 = "6-12", _("6–12 år")
    AGE_13_17 = "13-17", _("13–17 år")
    AGE_18_24 = "18-24", _("18–24 år")
    AGE_25_PLUS = "25+", _("25 år eller derover")


class IntakeRouting(models.Model):
    """Per municipality: which unit receives concerns about children and about adults."""

    municipality = models.OneToOneField(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="intake_routing"
    )
    child_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("modtager, børn og unge")
    )
    adult_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("modtager, voksne")
    )
    retention_years = models.PositiveSmallIntegerField(_("opbevaring af lukkede sager (år)"), default=5)

    class Meta:
        verbose_name = _("modtagelse af underretninger")

    def unit_for(self, target_group: str):
        return self.child_unit if target_group == TargetGroup.CHILD else self.adult_unit


class Person(models.Model):
    """The person a concern or case is about, with the safe-contact rules that protect them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    name = EncryptedCharField(_("navn"), max_length=200, validators=[validate_name])
    birth_date = models.DateField(_("fødselsdato"), null=True, blank=True)
    age_group = models.CharField(_("aldersgruppe"), max_length=10, choices=AgeGroup.choices, blank=True)
    cpr = EncryptedCharField(_("CPR-nummer"), max_length=11, blank=True)
    address = EncryptedTextField(_("adresse"), blank=True)
    allowed_channels = models.JSONField(_("tilladte kontaktveje"), default=list, blank=True)
    forbidden_channels = models.JSONField(_("forbudte kontaktveje"), default=list, blank=True)
    never_contact = EncryptedTextField(_("personer, der aldrig må kontaktes"), blank=True)
    contact_note = EncryptedTextField(_("bemærkning om sikker kontakt"), blank=True)
    search_tokens = models.TextField(blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name

    @property
    def has_contact_rules(self) -> bool:
        return bool(self.allowed_channels or self.forbidden_channels or self.never_contact or self.contact_note)

    def channel_labels(self, values) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(v, v)) for v in values]

    @property
    def allowed_labels(self) -> list[str]:
        return self.channel_labels(self.allowed_channels)

    @property
    def forbidden_labels(self) -> list[str]:
        return self.channel_labels(self.forbidden_channels)


class PersonToken(models.Model):
    """The search index of persons: one row per keyed hash in `Person.search_tokens` (a name word or the CPR
    number). Searches read the persons with a word newest first off one index, instead of scanning persons;
    the municipality and creation time are copied from the person for that order."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tokens")
    token = models.CharField(max_length=64)
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["token", "municipality", "-created_at"], name="persontoken_lookup")]
        constraints = [models.UniqueConstraint(fields=["person", "token"], name="persontoken_unique")]


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Case.Status.CLOSED)


class Case(models.Model):
    """Sag: what a concern becomes after triage."""

    class Status(models.TextChoices):
        OPEN = "open", _("Åben")
        IN_ASSESSMENT = "in_assessment", _("Under udredning")
        ACTIVE = "active", _("Aktiv indsats")
        CLOSED = "closed", _("Lukket")

    class Outcome(models.TextChoices):
        NO_FURTHER_ACTION = "no_action", _("Ingen yderligere indsats")
        SUPPORT_GIVEN = "support", _("Støtte givet, bekymringen er håndteret")
        REFERRED = "referred", _("Overdraget til anden aktør")
        MOVED = "moved", _("Personen er flyttet")
        OTHER = "other", _("Andet")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("sagsnummer"), max_length=20)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("udfald"), max_length=20, choices=Outcome.choices, blank=True)
    responsible_unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    retention_until = models.DateField(null=True, blank=True)
    archive_hold = models.BooleanField(_("arkivstop"), default=False)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="case_unique_number"),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False), name="case_closed_has_date"
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "-opened_at"], name="case_muni_status"),
            # The case list without a search: a municipality's newest cases, read in order off the index.
            models.Index(fields=["municipality", "-opened_at"], name="case_muni_opened"),
            models.Index(fields=["responsible_unit", "status"], name="case_unit_status"),
            models.Index(fields=["retention_until"], name="case_retention"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class CaseNumber(models.Model):
    """The last number used per municipality, year and series: cases ("2026-00042") and concerns' reference
    numbers ("U2026-00042", shown to the notifier)."""

    class Series(models.TextChoices):
        CASE = "case", _("Sag")
        CONCERN = "concern", _("Underretning")

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=10, choices=Series.choices, default=Series.CASE)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year", "series"], name="casenumber_series_unique")
        ]


PENDING_STATUSES = ("received", "being_assessed")


def _queue_acute_rank():
    return models.Case(
        models.When(urgency="acute", then=models.Value(0)), default=models.Value(1), output_field=models.IntegerField()
    )


def _queue_deadline():
    return Coalesce("assessment_due_at", "receipt_due_at", "received_at")


def running_deadline():
    """The nearer running legal clock of a pending concern (the 24-hour assessment first), for "Nærmeste frister"."""
    return Coalesce("assessment_due_at", "receipt_due_at")


# A pending concern with a clock still running: not yet assessed, or receipt not yet confirmed.
CLOCK_RUNNING = Q(assessed_at__isnull=True, assessment_due_at__isnull=False) | Q(
    receipt_confirmed_at__isnull=True, receipt_due_at__isnull=False
)


class ConcernQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status__in=PENDING_STATUSES)

    def in_queue_order(self):
        """Acute first, then the nearest legal deadline. Matches the partial index `concern_queue`."""
        return self.annotate(acute_rank=_queue_acute_rank(), deadline=_queue_deadline()).order_by(
            "acute_rank", "deadline", "received_at", "id"
        )


class Concern(models.Model):
    """Bekymring (for a child: underretning). A source is just a value, so new channels need no new model."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        BEING_ASSESSED = "being_assessed", _("Under vurdering")
        TRIAGED = "triaged", _("Overgået til sag")
        CLOSED = "closed", _("Lukket")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Almindelig")
        ACUTE = "acute", _("Akut")

    class Feedback(models.TextChoices):
        """What a professional notifier may be told afterwards (barnets lov § 138): nothing more."""

        INVESTIGATING = "investigating", _("Kommunen undersøger barnets eller den unges forhold nærmere")
        SUPPORT = "support", _("Kommunen har sat støtte eller foranstaltninger i gang")
        NO_ACTION = "no_action", _("Underretningen har ikke givet anledning til yderligere")

    class Source(models.TextChoices):
        PROFESSIONAL = "professional", _("Fagperson")
        PARTNER = "partner", _("Civilsamfundspartner")
        CITIZEN = "citizen", _("Borger")
        ANONYMOUS = "anonymous", _("Anonym")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="concerns")
    target_group = models.CharField(_("målgruppe"), max_length=10, choices=TargetGroup.choices)
    warning_signs = models.ManyToManyField(
        "knowledge.Entry", blank=True, related_name="+", verbose_name=_("bekymringstegn")
    )
    description = EncryptedTextField(_("beskrivelse"))
    urgency = models.CharField(_("hastegrad"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    source = models.CharField(_("kilde"), max_length=20, choices=Source.choices, default=Source.PROFESSIONAL)
    notifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notifier_unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(default=timezone.now)
    receiving_unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    assessment_due_at = models.DateTimeField(null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    receipt_due_at = models.DateTimeField(null=True, blank=True)
    receipt_confirmed_at = models.DateTimeField(null=True, blank=True)
    receipt_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessment_reminded_at = models.DateTimeField(null=True, blank=True)
    receipt_reminded_at = models.DateTimeField(null=True, blank=True)
    closed_reason = EncryptedTextField(_("begrundelse for lukning"), blank=True)
    walk = models.ForeignKey("actioncards.Walk", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    case = models.ForeignKey("Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="concerns")
    # What the notifier sees: a reference number, their own short label, and the feedback the law allows.
    reference = models.CharField(_("referencenummer"), max_length=20, blank=True, editable=False)
    notifier_label = EncryptedCharField(_("din egen betegnelse"), max_length=80, blank=True)
    feedback = models.CharField(_("tilbagemelding"), max_length=20, choices=Feedback.choices, blank=True)
    feedback_at = models.DateTimeField(null=True, blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("underretning")
        verbose_name_plural = _("underretninger")
        indexes = [
            models.Index(fields=["receiving_unit", "status"], name="concern_unit_status"),
            models.Index(fields=["notifier", "-received_at"], name="concern_notifier"),
            # The unit's queue reads its first page straight off this index instead of sorting every pending row.
            models.Index(
                models.F("receiving_unit"),
                _queue_acute_rank(),
                _queue_deadline(),
                models.F("received_at"),
                models.F("id"),
                name="concern_queue",
                condition=Q(status__in=PENDING_STATUSES),
            ),
            # The nearest running clocks of a unit (selectors.nearest_deadlines) in order off the index, instead of
            # sorting the unit's whole backlog on every start page and "Mine opgaver".
            models.Index(
                models.F("receiving_unit"),
                running_deadline(),
                models.F("id"),
                name="concern_deadlines",
                condition=Q(status__in=PENDING_STATUSES) & CLOCK_RUNNING,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_target_group_display()} {self.received_at:%Y-%m-%d}"

    @property
    def is_acute(self) -> bool:
        return self.urgency == self.Urgency.ACUTE

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.RECEIVED, self.Status.BEING_ASSESSED)

    @property
    def notifier_status(self) -> str:
        """What the notifier may see: received, being assessed or closed, nothing more."""
        if self.status == self.Status.RECEIVED:
            return str(_("Modtaget"))
        if self.status == self.Status.CLOSED:
            return str(_("Afsluttet"))
        return str(_("Under vurdering"))

    @property
    def notifier_status_code(self) -> str:
        if self.status in (self.Status.RECEIVED, self.Status.CLOSED):
            return self.status
        return self.Status.BEING_ASSESSED

    def clocks(self, now=None) -> list[clocks.Clock]:
        out = []
        if self.assessment_due_at:
            out.append(clocks.Clock("assessment", self.assessment_due_at, self.assessed_at, now=now))
        if self.receipt_due_at:
            out.append(clocks.Clock("receipt", self.receipt_due_at, self.receipt_confirmed_at, now=now))
        return out

    @property
    def is_overdue(self) -> bool:
        return any(c.overdue for c in self.clocks())


class RelatedPerson(models.Model):
    """Siblings and others involved in a concern."""

    class Relation(models.TextChoices):
        SIBLING = "sibling", _("Søskende")
        PARENT = "parent", _("Forælder")
        OTHER_FAMILY = "family", _("Anden familie")
        PARTNER = "partner", _("Kæreste eller ægtefælle")
        FRIEND = "friend", _("Ven")
        OTHER = "other", _("Anden")

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="related_persons")
    name = EncryptedCharField(_("navn"), max_length=200, validators=[validate_name])
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    possible_threat = models.BooleanField(_("mulig trussel"), default=False)
    safe_to_contact = models.BooleanField(_("sikker at kontakte"), default=False)
    details = EncryptedTextField(_("bemærkning"), blank=True)


class CaseMember(models.Model):
    class Role(models.TextChoices):
        RESPONSIBLE = "responsible", _("Sagsansvarlig")
        PARTICIPANT = "participant", _("Deltager")
        SECURITY_CONSULTANT = "security_consultant", _("Sikkerhedskonsulent")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_memberships")
    role = models.CharField(_("rolle i sagen"), max_length=30, choices=Role.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="casemember_unique")]


class TimelineEntry(models.Model):
    """Never edited in place: a correction is a new entry pointing at the one it corrects."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Notat")
        CONVERSATION = "conversation", _("Samtale")
        MEETING = "meeting", _("Møde")
        DECISION = "decision", _("Afgørelse")
        CORRECTION = "correction", _("Rettelse")
        CONTACT = "contact", _("Kontakt")
        EVENT = "event", _("Hændelse")
        INCIDENT = "incident", _("Episode (vold, trussel, kontrol)")

    class Party(models.TextChoices):
        """Whom a contact is with: the person, their parents or guardians, or their network."""

        PERSON = "person", _("Personen selv")
        PARENTS = "parents", _("Forældre eller værge")
        NETWORK = "network", _("Netværket (familie, venner)")

    # Used in every URL, API field and page anchor instead of the sequential id, whose gaps would show other
    # municipalities' activity (README, design notes).
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    text = EncryptedTextField(_("tekst"))
    channel = models.CharField(_("kontaktvej"), max_length=20, choices=Channel.choices, blank=True)
    party = models.CharField(_("kontakt med"), max_length=20, choices=Party.choices, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    corrects = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "-created_at"], name="entry_case_created")]


class Task(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # as TimelineEntry.public_id
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedCharField(_("opgave"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_tasks")
    due_date = models.DateField(_("frist"))
    done_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_date", "id"]
        # "Mine opgaver": a user's open tasks by deadline, read in order off a partial index.
        indexes = [
            models.Index(
                fields=["owner", "due_date", "id"], name="task_open_owner_due", condition=Q(done_at__isnull=True)
            )
        ]

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_date < timezone.localdate()


class Referral(models.Model):
    """Henvisning til en anden aktør, with the consent given or the legal basis used without it."""

    class ActorType(models.TextChoices):
        POLICE = "police", _("Politiet")
        SHELTER = "shelter", _("Krisecenter")
        RED_SAFEHOUSE = "red_safehouse", _("RED Safehouse")
        PARTNER = "partner", _("Civilsamfundspartner")
        OTHER_MUNICIPALITY = "other_municipality", _("Anden kommune")
        OTHER = "other", _("Anden aktør")

    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending_approval", _("Afventer godkendelse")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")
        SENT = "sent", _("Sendt")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # as TimelineEntry.public_id
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    actor_type = models.CharField(_("aktør"), max_length=30, choices=ActorType.choices)
    recipient = EncryptedCharField(_("modtager"), max_length=200)
    text = EncryptedTextField(_("oplysninger, der videregives"))
    consent_given = models.BooleanField(_("samtykke givet"), default=False)
    consent_by = EncryptedCharField(_("samtykke givet af"), max_length=200, blank=True)
    legal_basis = EncryptedTextField(_("hjemmel uden samtykke"), blank=True)
    legal_basis_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("requested_by")),
                name="referral_second_person_decides",
            ),
            models.CheckConstraint(
                condition=Q(consent_given=True) | ~Q(legal_basis=""), name="referral_consent_or_basis"
            ),
        ]


class CaseLink(models.Model):
    class Kind(models.TextChoices):
        SIBLING = "sibling", _("Søskendesag")
        RELATED = "related", _("Relateret sag")

    from_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_out")
    to_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_case", "to_case"], name="caselink_unique"),
            models.CheckConstraint(condition=~Q(from_case=models.F("to_case")), name="caselink_not_self"),
        ]


class BreakGlassAccess(models.Model):
    """Nødadgang: time-limited read access to a case outside one's need-to-know, with a reason."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="break_glass")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = EncryptedTextField(_("begrundelse"))
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "case", "expires_at"], name="breakglass_user_case")]


class Notification(models.Model):
    """A message in the user's inbox. Texts never carry case content; the link leads through access control."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]
