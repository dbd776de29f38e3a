"""The citizens' site keeps only what lets a citizen come back with a receipt code: never a name, an address or
a time of day beyond what the work needs.

- `Notification`: a citizen's notification about a child (the concern itself lives in cases); the code lets the
  citizen see that it was received.
- `Thread` (anonymous two-way contact): the code of a coordination consultation from a citizen and when it was
  last active; it expires after settings.TRYG_PUBLIC_THREAD_DAYS without activity.

Codes are stored as a keyed lookup prefix and an Argon2 hash only (codes.py).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CodeFields(models.Model):
    code_lookup = models.CharField(max_length=24, db_index=True, editable=False)
    code_hash = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Notification(CodeFields):
    concern = models.OneToOneField("cases.Concern", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("borgers underretning")
        verbose_name_plural = _("borgeres underretninger")


class Thread(CodeFields):
    """The receipt code of an anonymous two-way contact; the messages are the coordination consultation's."""

    consultation = models.OneToOneField("coordination.Consultation", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("anonym henvendelse")
        verbose_name_plural = _("anonyme henvendelser")
