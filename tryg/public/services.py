"""Every write of the citizens' site. There is no logged-in actor: each service takes what the citizen typed
(already parsed by forms.py) and hands the work to the app that owns it — cases for a notification about a child,
coordination for anonymous contact — keeping only the receipt code's lookup and hash here."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tryg.cases.services import PersonData, concern_create_public

from . import codes
from .access import expiry_cutoff
from .models import Notification


@dataclass
class Receipt:
    code: str  # shown once, never stored

    @property
    def display(self) -> str:
        return codes.display(self.code)


def _code_fields() -> tuple[str, dict]:
    code = codes.new_code()
    return code, {"code_lookup": codes.lookup(code), "code_hash": codes.slow_hash(code)}


@transaction.atomic
def notification_create(
    *,
    municipality,
    child_name: str,
    age_group: str,
    description: str,
    acute: bool = False,
    notifier_name: str = "",
    notifier_contact: str = "",
) -> tuple[Notification, Receipt]:
    """A citizen notifies the municipality about a child (cases does the intake and starts the 24-hour clock)."""
    concern = concern_create_public(
        municipality_id=municipality.pk,
        child=PersonData(name=child_name, age_group=age_group),
        description=description,
        urgency="acute" if acute else "normal",
        notifier_name=notifier_name,
        notifier_contact=notifier_contact,
    )
    code, fields = _code_fields()
    notification = Notification.objects.create(concern=concern, **fields)
    return notification, Receipt(code)


def expired_delete(*, now=None) -> dict[str, int]:
    """The daily job: forget receipt codes (and threads) with no activity for settings.TRYG_PUBLIC_THREAD_DAYS.
    A notification's concern stays with the municipality; only the citizen's way back to "received" goes."""
    cutoff = expiry_cutoff() if now is None else now
    deleted, _ = Notification.objects.filter(last_activity_at__lte=cutoff).delete()
    return {"notifications": deleted}


def touch(row) -> None:
    type(row).objects.filter(pk=row.pk).update(last_activity_at=timezone.now())
