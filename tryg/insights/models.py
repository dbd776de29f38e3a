"""The preparedness plan (*beredskabsplan*, barnets lov § 15, stk. 3) and the coordinator's annual commentary.

A `PlanVersion` is one adopted version of a municipality's plan: adopted by the council on a date, published on the
public page, with the date of the next revision (adoption + 4 years at the latest, earlier when the coordinator sets
it). A version is never edited; a change is a new version, and the version-diff page compares the two. Each version
has `PlanSection`s (prevention, detection, handling, who does what, contacts) linking by slug to the action cards and
knowledge entries (provisions, tools, contacts) they rely on. `seen` holds what each link looked like when the
section was last reviewed; when a linked card gets a new version or a provision is repealed, the section shows as
"affected" until the coordinator reviews it again.

Nothing here is personal data about citizens: the plan is a public document and the statistics are aggregates
computed on request (`indicators/`), never stored.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REVISION_YEARS = 4
WARN_MONTHS = 6


def add_years(day, years: int):
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class SectionKind(models.TextChoices):
    PREVENTION = "prevention", _("Forebyggelse")
    DETECTION = "detection", _("Opsporing")
    HANDLING = "handling", _("Håndtering")
    ROLES = "roles", _("Hvem gør hvad")
    CONTACTS = "contacts", _("Kontakter")


class PlanVersion(models.Model):
    """One adopted version of a municipality's preparedness plan."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("indledning"), max_length=5000, blank=True)
    adopted_by = models.CharField(_("vedtaget af"), max_length=200, help_text=_("For eksempel: Byrådet"))
    adopted_on = models.DateField(_("vedtaget den"))
    next_revision_due = models.DateField(_("revideres senest"))
    change_note = models.CharField(_("hvad er ændret"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["municipality", "-number"]
        verbose_name = _("version af beredskabsplan")
        verbose_name_plural = _("versioner af beredskabsplan")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="planversion_unique_number"),
            models.CheckConstraint(
                condition=Q(next_revision_due__gt=F("adopted_on")), name="planversion_revision_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @property
    def latest_allowed_revision(self):
        return add_years(self.adopted_on, REVISION_YEARS)


class PlanSection(models.Model):
    """A section of one plan version, with the cards, entries and contacts it relies on (by slug)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("afsnit"), max_length=20, choices=SectionKind.choices)
    title = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(_("tekst"), max_length=20000, blank=True)
    card_slugs = models.JSONField(_("handlekort"), default=list, blank=True)
    entry_slugs = models.JSONField(_("opslag i hjælperedskabet"), default=list, blank=True)
    contact_slugs = models.JSONField(_("kontakter"), default=list, blank=True)
    # {"card:<slug>": "v3", "entry:<slug>": "v2|2024-01-01"}: the links as they were at the last review.
    seen = models.JSONField(default=dict, blank=True, editable=False)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("afsnit i beredskabsplan")
        verbose_name_plural = _("afsnit i beredskabsplan")
        constraints = [models.UniqueConstraint(fields=["version", "kind"], name="plansection_unique_kind")]

    def __str__(self) -> str:
        return self.title


class AnnualCommentary(models.Model):
    """The coordinator's commentary on one year's indicators, printed in the annual report for the council."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    summary = models.TextField(_("sammenfatning"), max_length=5000, blank=True)
    developments = models.TextField(_("udvikling og tendenser"), max_length=5000, blank=True)
    next_steps = models.TextField(_("næste skridt"), max_length=5000, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kommentar til årsrapport")
        verbose_name_plural = _("kommentarer til årsrapport")
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="commentary_unique_year")]
