"""The access log (adgangslog): one append-only, hash-chained row per read or write of personal data."""

import hashlib
import json
from datetime import UTC

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    VIEW = "view", _("Visning")
    SEARCH = "search", _("Søgning")
    CREATE = "create", _("Oprettelse")
    UPDATE = "update", _("Ændring")
    DELETE = "delete", _("Sletning")
    EXPORT = "export", _("Eksport")
    LOGIN = "login", _("Login")
    LOGIN_FAILED = "login_failed", _("Mislykket login")
    LOCKOUT = "lockout", _("Spærring")
    LOGOUT = "logout", _("Log ud")
    OTP_CHANGE = "otp_change", _("Ændring af totrinsbekræftelse")
    BREAK_GLASS = "break_glass", _("Nødadgang")
    REFUSED = "refused", _("Afvist adgang")


class AuditEvent(models.Model):
    """Never updated or deleted (database triggers refuse it). `hash` covers the row and `prev_hash`."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # Foreign keys without database constraints: the log must outlive users and tenants.
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    actor_username = models.CharField(max_length=150, blank=True)
    actor_unit = models.CharField(max_length=150, blank=True, help_text="The actor's unit, for a person's export.")
    municipality = models.ForeignKey(
        "accounts.Municipality",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    subject_type = models.CharField(max_length=60, blank=True, help_text="The data subject, e.g. cases.person.")
    subject_id = models.CharField(max_length=64, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    detail = models.CharField(max_length=300, blank=True, help_text="Search criterion or short context.")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["municipality", "-at"], name="audit_muni_at"),
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def canonical(self) -> str:
        return json.dumps(
            [
                self.at.astimezone(UTC).isoformat(timespec="microseconds") if self.at else "",
                self.actor_id,
                self.actor_username,
                self.actor_unit,
                self.municipality_id,
                self.action,
                self.object_type,
                self.object_id,
                self.subject_type,
                self.subject_id,
                self.purpose,
                self.detail,
                self.prev_hash,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}:{self.object_id}"


GENESIS = "0" * 64
