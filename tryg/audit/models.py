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


def chain_key(municipality_id: int | None) -> str:
    """The chain a row belongs to: one per municipality ("m<id>"), one for rows of no municipality ("none")."""
    return f"m{municipality_id}" if municipality_id else "none"


class AuditEvent(models.Model):
    """Never updated or deleted (database triggers refuse it). `hash` covers the row and `prev_hash`, the hash
    of the previous row of the same chain (one chain per municipality, so municipalities never wait for each
    other). Rows written before the chains were split have chain "" and form the one legacy chain."""

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
    chain = models.CharField(max_length=24, blank=True, default="")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["chain", "-id"], name="audit_chain_id"),
            models.Index(fields=["municipality", "-at"], name="audit_muni_at"),
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def canonical(self) -> str:
        fields = [
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
        ]
        if self.chain:  # the legacy chain's rows keep the form they were hashed in
            fields.append(self.chain)
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}:{self.object_id}"


GENESIS = "0" * 64


class AuditCheckpoint(models.Model):
    """A signed statement of a chain's head: "chain C had `rows` rows, the last one `last_id` with hash `head_hash`"
    (Ed25519, with a key that is not in the database: tryg/audit/signing.py). Append-only like the log. Someone
    who rewrites rows and recomputes every hash after them cannot make the head match a checkpoint again; the
    coordinator keeps copies outside the database (the download on the access-log page)."""

    at = models.DateTimeField(default=timezone.now)
    chain = models.CharField(max_length=24)
    municipality = models.ForeignKey(
        "accounts.Municipality",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    last_id = models.BigIntegerField()
    rows = models.BigIntegerField()
    head_hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=16, help_text="The first 16 hex digits of the public key's SHA-256.")
    signature = models.CharField(max_length=128, help_text="Ed25519 signature of `message()`, hex.")

    class Meta:
        ordering = ["chain", "last_id"]
        indexes = [models.Index(fields=["chain", "-last_id"], name="audit_checkpoint_chain")]

    def message(self) -> bytes:
        at = self.at.astimezone(UTC).isoformat(timespec="microseconds")
        fields = ["tryg-audit-checkpoint-v1", self.chain, self.last_id, self.rows, self.head_hash, at]
        return json.dumps(fields, separators=(",", ":")).encode("utf-8")

    def as_dict(self) -> dict:
        return {
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "chain": self.chain,
            "last_id": self.last_id,
            "rows": self.rows,
            "head_hash": self.head_hash,
            "key_id": self.key_id,
            "signature": self.signature,
        }
