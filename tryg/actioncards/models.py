"""Handlekort: versioned decision graphs a professional walks through, and the walks.

A card's content lives in `CardVersion.graph` as a validated JSON graph (see `graph.py`): question,
instruction and outcome nodes. A published version is never changed; editing makes a new draft version.
A walk (`Walk`) always stays on the version it started on, and holds no personal data.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    CHILD = "child", _("Børn og unge under 18")
    ADULT = "adult", _("Voksne")
    ALL = "all", _("Alle")


class ActionCardQuerySet(models.QuerySet):
    def visible_to(self, user):
        """National cards plus the user's own municipality's cards."""
        return self.filter(Q(municipality__isnull=True) | Q(municipality_id=user.municipality_id))


class ActionCard(models.Model):
    """Handlekort. `municipality` is empty for a national card."""

    slug = models.SlugField(_("kort-id"), max_length=80)
    municipality = models.ForeignKey(
        "accounts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_cards",
        verbose_name=_("kommune"),
    )
    title = models.CharField(_("titel"), max_length=200)
    target_group = models.CharField(_("målgruppe"), max_length=10, choices=TargetGroup.choices, default=TargetGroup.ALL)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ActionCardQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("handlekort")
        verbose_name_plural = _("handlekort")
        permissions = [("edit_national", "Kan redigere nationale handlekort")]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="actioncard_unique_slug_per_municipality"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(municipality__isnull=True), name="actioncard_unique_national_slug"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actioncards:card-detail", args=[self.slug])

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None


class CardVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PUBLISHED = "published", _("Offentliggjort")
        RETIRED = "retired", _("Afløst")

    card = models.ForeignKey(ActionCard, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("titel"), max_length=200)
    graph = models.JSONField(_("indhold"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["card", "-number"]
        verbose_name = _("version af handlekort")
        verbose_name_plural = _("versioner af handlekort")
        constraints = [
            models.UniqueConstraint(fields=["card", "number"], name="cardversion_unique_number"),
            models.UniqueConstraint(
                fields=["card"], condition=Q(status="draft"), name="cardversion_one_draft_per_card"
            ),
            models.UniqueConstraint(
                fields=["card"], condition=Q(status="published"), name="cardversion_one_published_per_card"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded = {"status": instance.__dict__.get("status"), "graph": instance.__dict__.get("graph")}
        return instance

    def save(self, *args, **kwargs):
        # A published (or retired) version is immutable: only its status and dates may move on.
        loaded = getattr(self, "_loaded", None)
        if loaded and loaded["status"] not in (None, self.Status.DRAFT):
            fields = kwargs.get("update_fields")
            touches_content = fields is None or {"graph", "title", "number", "card"} & set(fields)
            if touches_content and (self.graph != loaded["graph"] or self.status == self.Status.DRAFT):
                raise ValueError("A published card version cannot be changed; make a new draft version.")
        super().save(*args, **kwargs)
        self._loaded = {"status": self.status, "graph": self.graph}

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def nodes(self) -> dict[str, dict]:
        """Nodes by id (the graph is stored as an ordered list)."""
        cached = getattr(self, "_nodes", None)
        if cached is None:
            cached = {node["id"]: node for node in self.graph.get("nodes", [])}
            self._nodes = cached
        return cached

    @property
    def start(self) -> str:
        return self.graph["start"]

    def node(self, key: str) -> dict | None:
        return self.nodes.get(key)


class Walk(models.Model):
    """One professional's pass through one card version. Holds no personal data about anyone else."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    card_version = models.ForeignKey(CardVersion, on_delete=models.PROTECT, related_name="walks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_walks")
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    current_node = models.CharField(max_length=80)
    outcome_node = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")
        indexes = [models.Index(fields=["user", "-started_at"], name="walk_user_started")]

    def __str__(self) -> str:
        return f"{self.card_version} – {self.started_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("actioncards:walk-step", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class WalkAnswer(models.Model):
    """One answered step of a walk: the question as it read, and the option chosen, with the time."""

    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveIntegerField()
    node_key = models.CharField(max_length=80)
    question = models.TextField()
    option_id = models.CharField(max_length=80)
    option_label = models.CharField(max_length=300)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["walk", "position"]
        constraints = [models.UniqueConstraint(fields=["walk", "position"], name="walkanswer_unique_position")]

    def __str__(self) -> str:
        return f"{self.position}: {self.option_label}"
