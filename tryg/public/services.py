"""Every write of the citizens' site. There is no logged-in actor: each service takes what the citizen typed
(already parsed by forms.py) and hands the work to the app that owns it — cases for a notification about a child,
coordination for anonymous contact — keeping only the receipt code's lookup and hash here."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tryg.cases.services import PersonData, concern_create_public
from tryg.coordination import services as coordination

from . import codes
from .access import alive, expiry_cutoff
from .models import Notification, Thread


@dataclass
class Receipt:
    code: str  # shown once, never stored

    @property
    def display(self) -> str:
        return codes.display(self.code)

    @property
    def groups(self) -> list[str]:
        return self.display.split("-")


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


@transaction.atomic
def thread_create(
    *, municipality=None, region=None, text: str, involved: str = "", age_band: str = "", contact: str = ""
) -> tuple[Thread, Receipt]:
    """Anonymous contact: a coordination consultation from a citizen in the region's queue (the chosen
    municipality's region, else the region given), and the receipt code to come back with."""
    consultation = coordination.consultation_from_citizen(
        region=municipality.region if municipality is not None else region,
        municipality=municipality,
        text=text,
        involved=involved,
        age_band=age_band,
        contact=contact,
    )
    code, fields = _code_fields()
    thread = Thread.objects.create(consultation=consultation, **fields)
    return thread, Receipt(code)


@transaction.atomic
def thread_message_add(*, thread: Thread, text: str):
    """The citizen writes again; the thread's expiry starts over."""
    message = coordination.citizen_message_add(consultation=thread.consultation, text=text)
    touch(thread)
    return message


def expired_delete(*, cutoff=None) -> dict[str, int]:
    """The daily job: delete threads (with their consultation and messages) and forget notification codes with
    no activity for settings.TRYG_PUBLIC_THREAD_DAYS. A notification's concern stays with the municipality; only
    the citizen's way back to "received" goes. One transaction per thread, so a failure leaves the rest done."""
    cutoff = expiry_cutoff() if cutoff is None else cutoff
    threads = 0
    expired = Thread.objects.exclude(alive(Thread, cutoff)).select_related("consultation")
    for thread in expired.iterator():
        with transaction.atomic():
            coordination.consultation_delete(consultation=thread.consultation)  # the thread row goes with it
        threads += 1
    notifications, _ = Notification.objects.exclude(alive(Notification, cutoff)).delete()
    return {"threads": threads, "notifications": notifications}


def touch(row) -> None:
    type(row).objects.filter(pk=row.pk).update(last_activity_at=timezone.now())
