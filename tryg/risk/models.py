"""Risk assessment and safety planning on a case (issue 11): instruments as versioned data, assessments that
are drafts until signed, the honour-related flag of a case (which turns on barnets lov § 18, stk. 3), the
siblings considered, the travel-risk checklist, and the person's safety plan.

Free text about people is encrypted at rest (tryg.core.fields). Ratings are codes from the instrument's scale.
"""

import json
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tryg.core.fields import EncryptedCharField, EncryptedTextField, encrypt


class Level(models.TextChoices):
    LOW = "low", _("Lav")
    MEDIUM = "medium", _("Middel")
    HIGH = "high", _("Høj")


LEVEL_RANK = {Level.LOW: 0, Level.MEDIUM: 1, Level.HIGH: 2}


def level_rank(value: str) -> int:
    return LEVEL_RANK.get(value, -1)


class Instrument(models.Model):
    """A risk instrument, identified by its slug; its content lives in versions (YAML)."""

    class Kind(models.TextChoices):
        JUDGEMENT = "judgement", _("Struktureret professionel vurdering")
        CHECKLIST = "checklist", _("Screeningsliste (ja/nej)")

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("risikoredskab")

    def __str__(self) -> str:
        return self.slug


class InstrumentVersion(models.Model):
    """One version of an instrument: never changed; an import makes a new one, and the newest is used for new
    assessments (an assessment keeps the version it was made with)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("titel"), max_length=200)
    definition = models.JSONField()  # the validated document (see definitions.py)
    source = models.TextField(blank=True)  # the YAML as imported
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [models.UniqueConstraint(fields=["instrument", "number"], name="instrumentversion_unique")]

    def __str__(self) -> str:
        return f"{self.title} v{self.number}"

    @property
    def kind(self) -> str:
        return self.definition.get("kind", "")

    @property
    def is_checklist(self) -> bool:
        return self.kind == Instrument.Kind.CHECKLIST

    def items(self) -> list[dict]:
        return [item for domain in self.definition.get("domains", []) for item in domain.get("items", [])]


class JsonText(EncryptedTextField):
    """JSON kept encrypted (answers with free text): stored as encrypted text, read back as Python data."""

    def from_db_value(self, value, expression, connection):
        return _loads(super().from_db_value(value, expression, connection))

    def to_python(self, value):
        if isinstance(value, str):
            return _loads(super().to_python(value))
        return value

    def get_prep_value(self, value):
        return encrypt(json.dumps(value if value is not None else {}, ensure_ascii=False))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)


def _loads(text):
    if not text:
        return {}
    try:
        return json.loads(text)
    except ValueError:
        return {}


class Assessment(models.Model):
    """A risk assessment of a case with one instrument version. A draft until signed; a signed assessment is
    never changed (a new one supersedes it)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        SIGNED = "signed", _("Underskrevet")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # An assessment belongs to a case, or to a named consultation (coordination) that has no case yet.
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="risk_assessments"
    )
    consultation = models.ForeignKey(
        "coordination.Consultation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # {"item id": {"present": code, "past": code}} (a checklist has "present" only); codes only, no free text.
    ratings = models.JSONField(default=dict, blank=True)
    # {"judgement id": text or level} and [{"title", "level", "measures"}]: free text, so encrypted.
    judgements = JsonText(default=dict, blank=True)
    scenarios = JsonText(default=list, blank=True)
    computed_level = models.CharField(_("redskabets niveau"), max_length=10, choices=Level.choices, blank=True)
    floor_level = models.CharField(_("laveste tilladte niveau"), max_length=10, choices=Level.choices, blank=True)
    level = models.CharField(_("samlet risikoniveau"), max_length=10, choices=Level.choices, blank=True)
    level_reason = EncryptedTextField(_("begrundelse for niveauet"), blank=True)
    notes = EncryptedTextField(_("bemærkninger"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["case", "status", "-signed_at"], name="assessment_case_signed")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(signed_at__isnull=False, signed_by__isnull=False) & ~Q(level=""),
                name="assessment_signed_complete",
            ),
            models.CheckConstraint(
                condition=Q(case__isnull=False, consultation__isnull=True)
                | Q(case__isnull=True, consultation__isnull=False),
                name="assessment_case_or_consultation",
            ),
        ]

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    def siblings_q(self) -> Q:
        """The assessments of the same case or consultation."""
        return Q(case_id=self.case_id) if self.case_id else Q(consultation_id=self.consultation_id)


class CaseRiskProfile(models.Model):
    """The case's honour-related flag: set by a case worker with who, when and why."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="risk_profile")
    honour_related = models.BooleanField(_("æresrelateret"), default=False)
    reason = EncryptedTextField(_("begrundelse"), blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)


class SiblingConsideration(models.Model):
    """How a sibling named on one of the case's concerns was considered: a task, a linked concern, or
    considered with no action (with a reason)."""

    class Decision(models.TextChoices):
        TASK = "task", _("Opgave oprettet")
        CONCERN = "concern", _("Underretning om søskende oprettet")
        NO_ACTION = "no_action", _("Overvejet, ingen handling")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="sibling_considerations")
    related_person = models.ForeignKey("cases.RelatedPerson", on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(_("beslutning"), max_length=20, choices=Decision.choices)
    reason = EncryptedTextField(_("begrundelse"), blank=True)
    task = models.ForeignKey("cases.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    concern = models.ForeignKey("cases.Concern", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "related_person"], name="siblingconsideration_unique"),
        ]


class TravelChecklist(models.Model):
    """The travel-risk checklist of a case: the departure date and the steps taken (keys of TRAVEL_STEPS)."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="travel_checklist")
    departure_date = models.DateField(_("afrejsedato"), null=True, blank=True)
    destination = EncryptedCharField(_("rejsemål"), max_length=200, blank=True)
    steps_done = models.JSONField(default=list, blank=True)
    notes = EncryptedTextField(_("bemærkninger"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)


class SafetyPlan(models.Model):
    """One version of a person's safety plan. A new version is a new row; the newest is the plan in force."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="safety_plans")
    number = models.PositiveIntegerField()
    escalation = EncryptedTextField(_("hvis det bliver farligt"))
    contacts = EncryptedTextField(_("hvem kan kontaktes dag og nat"))
    code_words = EncryptedTextField(_("kodeord"), blank=True)
    safe_places = EncryptedTextField(_("sikre steder"), blank=True)
    no_return = EncryptedTextField(_("hvis personen ikke kommer tilbage til tiden"), blank=True)
    review_date = models.DateField(_("gennemgås igen senest"))
    show_logo = models.BooleanField(_("vis kommunens navn på kortet"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "-number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="safetyplan_unique_number")]


class SafetyAction(models.Model):
    """An action of a safety plan version with its owner and deadline; it becomes a task on the case."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="actions")
    text = EncryptedCharField(_("handling"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("frist"))
    task = models.ForeignKey("cases.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["due_date", "id"]
