"""Hjælperedskab: the versioned knowledge base.

An *entry* is identified by its `slug` within a scope: national (municipality is null) or one
municipality. Each scope+slug has a chain of versions. At most one version is the current published
one (status published, valid_to empty) and at most one is a draft. A published version is never edited
in place: publishing a draft gives it the next version number, and the previous version keeps its text
and gets `valid_to` set.

A municipality's entry with the same slug as a national entry *overrides* it for that municipality.

Legal provisions form a law register: law, paragraph, stk., title, in force from, repealed on, the
successor(s) that replaced it (slugs, one or more), a source link, who verified it and when, and a
review date. When a provision is repealed its entry stays, marked with the date and what replaced it:
e.g. serviceloven § 50 was replaced on 1 January 2024 by barnets lov §§ 18–23 (mainly § 20).
`manage.py content_check` keeps the citations of the register honest (see `citations.py`).

Knowledge entries hold no personal data.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from tryg.accounts.models import Municipality


class PortableSearchVectorField(SearchVectorField):
    """A `tsvector` column on PostgreSQL; an unused text column on SQLite (which searches with FTS5)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class EntryQuerySet(models.QuerySet):
    def current(self):
        """The current published version of each entry (of every scope)."""
        return self.filter(status=Entry.Status.PUBLISHED, valid_to__isnull=True)

    def drafts(self):
        return self.filter(status=Entry.Status.DRAFT)

    def national(self):
        return self.filter(municipality__isnull=True)

    def scope(self, municipality_id: int | None):
        if municipality_id is None:
            return self.filter(municipality__isnull=True)
        return self.filter(municipality_id=municipality_id)


class Entry(models.Model):
    """One version of a knowledge entry (bekymringstegn, lovbestemmelse, redskab or kontakt)."""

    class Kind(models.TextChoices):
        WARNING_SIGN = "warning_sign", _("Bekymringstegn")
        LEGAL_PROVISION = "legal_provision", _("Lovgivning")
        TOOL = "tool", _("Redskab")
        CONTACT = "contact", _("Kontakt")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PUBLISHED = "published", _("Offentliggjort")
        RETIRED = "retired", _("Udgået")

    class Group(models.TextChoices):
        SYMPTOMS = "symptoms", _("Psykiske og fysiske symptomer")
        BEHAVIOUR = "behaviour", _("Ændret adfærd")
        FAMILY = "family", _("Familieforhold og historik")
        SCHOOL_LEISURE = "school_leisure", _("Skole og fritid")
        DIGITAL = "digital", _("Digital kontrol")
        SOCIAL_CONTROL = "social_control", _("Kontrol af påklædning, omgangskreds og fritid")
        TRAVEL = "travel", _("Planlagt rejse til udlandet")
        THREATS = "threats", _("Trusler")

    class TargetGroup(models.TextChoices):
        CHILD = "child", _("Barn")
        YOUNG = "young", _("Ung")
        ADULT = "adult", _("Voksen")

    class ToolType(models.TextChoices):
        CONVERSATION_GUIDE = "conversation_guide", _("Samtaleguide")
        CHECKLIST = "checklist", _("Tjekliste")
        TEMPLATE = "template", _("Skabelon")

    # Identity and version
    slug = models.SlugField(_("kort navn (slug)"), max_length=120, allow_unicode=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_entries",
        verbose_name=_("kommune"),
        help_text=_("Tom for nationale opslag, der deles af alle kommuner."),
    )
    version = models.PositiveIntegerField(_("version"), default=0, help_text=_("0 for en kladde."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    valid_from = models.DateTimeField(_("gyldig fra"), null=True, blank=True)
    valid_to = models.DateTimeField(_("gyldig til"), null=True, blank=True)

    # Content common to every kind
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("resumé"), max_length=500, blank=True)
    body = models.TextField(_("tekst"), blank=True)

    # Ownership and review
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansvarlig"),
    )
    review_date = models.DateField(_("revideres senest"), null=True, blank=True)

    # Warning sign (bekymringstegn)
    group = models.CharField(_("gruppe"), max_length=20, choices=Group.choices, blank=True)
    for_child = models.BooleanField(_("barn"), default=False)
    for_young = models.BooleanField(_("ung"), default=False)
    for_adult = models.BooleanField(_("voksen"), default=False)

    # Legal provision
    law = models.CharField(_("lov"), max_length=100, blank=True, help_text=_("For eksempel: Barnets lov"))
    paragraph = models.CharField(_("paragraf"), max_length=30, blank=True, help_text=_("For eksempel: § 133"))
    stk = models.CharField(_("stykke"), max_length=20, blank=True, help_text=_("For eksempel: 3"))
    in_force_from = models.DateField(_("i kraft fra"), null=True, blank=True)
    source_url = models.URLField(_("kilde"), max_length=300, blank=True)
    repealed_on = models.DateField(
        _("ophævet den"), null=True, blank=True, help_text=_("Den dag, bestemmelsen blev (eller bliver) ophævet.")
    )
    successors = models.JSONField(
        _("afløst af (slugs)"),
        default=list,
        blank=True,
        help_text=_("De opslag, der har afløst bestemmelsen – én eller flere, den vigtigste først."),
    )
    superseded_by_text = models.CharField(
        _("afløst af (tekst)"),
        max_length=200,
        blank=True,
        help_text=_("Kort beskrivelse af, hvad der afløste bestemmelsen, fx »Barnets lov §§ 18–23 (især § 20)«."),
    )
    verified = models.BooleanField(
        _("verificeret"), default=True, help_text=_("Fjern krydset, hvis henvisningen ikke er kontrolleret mod kilden.")
    )
    verified_by = models.CharField(
        _("verificeret af"),
        max_length=200,
        blank=True,
        help_text=_("Hvem der har kontrolleret henvisningen mod kilden."),
    )
    verified_on = models.DateField(_("verificeret den"), null=True, blank=True)

    # Tool
    tool_type = models.CharField(_("redskabstype"), max_length=20, choices=ToolType.choices, blank=True)

    # Contact
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    hours = models.CharField(_("åbningstid"), max_length=200, blank=True)
    audience = models.CharField(_("for hvem"), max_length=300, blank=True)
    url = models.URLField(_("hjemmeside"), max_length=300, blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)

    # Bookkeeping
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    # Search: tsvector kept by services on PostgreSQL (GIN index made in a migration); SQLite uses FTS5.
    search_vector = PortableSearchVectorField(null=True, blank=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("opslag")
        verbose_name_plural = _("opslag")
        permissions = [("edit_national", _("Kan redigere nationale opslag i hjælperedskabet"))]
        constraints = [
            models.UniqueConstraint(
                Coalesce("municipality", models.Value(0)),
                "slug",
                condition=models.Q(status="published", valid_to__isnull=True),
                name="knowledge_entry_one_current",
            ),
            models.UniqueConstraint(
                Coalesce("municipality", models.Value(0)),
                "slug",
                condition=models.Q(status="draft"),
                name="knowledge_entry_one_draft",
            ),
            models.UniqueConstraint(
                Coalesce("municipality", models.Value(0)),
                "slug",
                "version",
                condition=models.Q(version__gt=0),
                name="knowledge_entry_unique_version",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft", version=0) | (models.Q(version__gt=0) & ~models.Q(status="draft")),
                name="knowledge_entry_version_matches_status",
            ),
        ]
        indexes = [
            models.Index(fields=["slug", "status"], name="knowledge_slug_status"),
            models.Index(fields=["municipality", "status", "valid_to"], name="knowledge_scope_status"),
        ]

    def __str__(self) -> str:
        return self.display_label

    def get_absolute_url(self) -> str:
        return reverse("knowledge:entry", kwargs={"slug": self.slug})

    def get_version_url(self) -> str:
        return reverse("knowledge:entry-version", kwargs={"slug": self.slug, "version": self.version})

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.kind == self.Kind.WARNING_SIGN:
            if not self.group:
                errors["group"] = _("Vælg den gruppe, bekymringstegnet hører til.")
            if not (self.for_child or self.for_young or self.for_adult):
                errors["for_child"] = _("Vælg mindst én målgruppe.")
        elif self.kind == self.Kind.LEGAL_PROVISION:
            if not self.law:
                errors["law"] = _("Angiv loven.")
            if not self.paragraph:
                errors["paragraph"] = _("Angiv paragraffen.")
        elif self.kind == self.Kind.TOOL:
            if not self.tool_type:
                errors["tool_type"] = _("Vælg redskabstypen.")
        elif self.kind == self.Kind.CONTACT:
            if not self.audience:
                errors["audience"] = _("Angiv, hvem kontakten er for.")
        if not isinstance(self.successors, list) or not all(isinstance(s, str) for s in self.successors):
            errors["successors"] = _("Angiv de afløsende opslag som en liste af korte navne.")
        elif self.slug in self.successors:
            errors["successors"] = _("En bestemmelse kan ikke afløse sig selv.")
        if self.repealed_on and self.in_force_from and self.repealed_on < self.in_force_from:
            errors["repealed_on"] = _("Ophævelsesdatoen ligger før ikrafttrædelsen.")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Slutdatoen ligger før startdatoen.")
        if errors:
            raise ValidationError(errors)

    # Small facts about a version
    @property
    def is_national(self) -> bool:
        return self.municipality_id is None

    @property
    def is_current(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.valid_to is None

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_review_due(self) -> bool:
        return self.review_date is not None and self.review_date < timezone.localdate()

    @property
    def target_groups(self) -> list[str]:
        """The warning sign's target groups as TargetGroup values (child, young, adult)."""
        out = []
        if self.for_child:
            out.append(self.TargetGroup.CHILD.value)
        if self.for_young:
            out.append(self.TargetGroup.YOUNG.value)
        if self.for_adult:
            out.append(self.TargetGroup.ADULT.value)
        return out

    @property
    def target_group_labels(self) -> list[str]:
        return [str(self.TargetGroup(value).label) for value in self.target_groups]

    @property
    def provision_label(self) -> str:
        """'Barnets lov § 133' or 'Barnets lov § 15, stk. 3' (empty for other kinds)."""
        if not (self.law or self.paragraph):
            return ""
        label = " ".join(part for part in (self.law, self.paragraph) if part)
        if self.stk:
            label += f", stk. {self.stk}"
        return label

    @property
    def display_label(self) -> str:
        return self.provision_label or self.title

    @property
    def is_superseded(self) -> bool:
        """Repealed or replaced: a repeal date, a successor, or a text saying what replaced it."""
        return bool(self.repealed_on or self.successors or self.superseded_by_text)

    @property
    def superseded_by(self) -> str:
        """The main successor's slug (the first one), or ''."""
        return self.successors[0] if self.successors else ""

    @cached_property
    def successor_entries(self) -> list["Entry"]:
        """The visible entries that replaced this provision. Selectors set them in bulk; this is the fallback."""
        if not self.successors:
            return []
        found = {}
        rows = (
            Entry.objects.current()
            .filter(slug__in=self.successors)
            .filter(models.Q(municipality__isnull=True) | models.Q(municipality_id=self.municipality_id))
            .order_by(models.F("municipality").asc(nulls_first=True))
        )
        for entry in rows:
            found[entry.slug] = entry  # the municipality's own version comes last and wins
        return [found[slug] for slug in self.successors if slug in found]

    @property
    def superseded_by_entry(self) -> "Entry | None":
        entries = self.successor_entries
        return entries[0] if entries else None

    @property
    def replacement_label(self) -> str:
        """What replaced a superseded provision, e.g. 'Barnets lov § 133' or the text given."""
        if not self.is_superseded:
            return ""
        if self.superseded_by_text:
            return self.superseded_by_text
        labels = [entry.display_label for entry in self.successor_entries]
        return ", ".join(labels) or ", ".join(self.successors)

    @property
    def label_with_replacement(self) -> str:
        """'Serviceloven § 50 (erstattet af Barnets lov §§ 18–23)' for citing text."""
        if not self.is_superseded:
            return self.display_label
        if not self.replacement_label:
            return str(_("%(label)s (ophævet)")) % {"label": self.display_label}
        return str(_("%(label)s (erstattet af %(replacement)s)")) % {
            "label": self.display_label,
            "replacement": self.replacement_label,
        }


class EntryLink(models.Model):
    """A link from one version of an entry to another entry, by slug (so it survives new versions)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="links")
    target_slug = models.SlugField(_("henviser til (slug)"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["entry", "target_slug"], name="knowledge_link_unique")]

    def __str__(self) -> str:
        return f"{self.entry_id} -> {self.target_slug}"
