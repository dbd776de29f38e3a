"""Demo content of the citizens' site (`make run`): one anonymous thread with a consultant's reply, opened with a
fixed demo code, so the way back with a code can be tried at /kode/. Demo mode only; idempotent."""

from django.conf import settings

from tryg.accounts.models import Municipality
from tryg.coordination import services as coordination

from . import codes, services
from .models import Thread

DEMO_CODE = "TRYGDEMASVAR23456789"  # shown as TRYG-DEMA-SVAR-2345-6789


def demo_seed(*, users) -> None:
    consultant = users.get("konsulent")
    aalborg = Municipality.objects.filter(code="851").first()
    if not settings.DEMO or consultant is None or aalborg is None:
        return
    lookup = codes.lookup(DEMO_CODE)
    if Thread.objects.filter(code_lookup=lookup).exists():
        return
    thread, _receipt = services.thread_create(
        municipality=aalborg,
        text="Min far tjekker min telefon hver dag, og jeg må ikke gå til håndbold mere. Er det normalt?",
        involved="min far",
        age_band="13-15",
    )
    Thread.objects.filter(pk=thread.pk).update(code_lookup=lookup, code_hash=codes.slow_hash(DEMO_CODE))
    coordination.message_add(
        actor=consultant,
        consultation=thread.consultation,
        text="Tak, fordi du skriver. Nej, det er ikke i orden, at du bliver kontrolleret sådan. Vil du fortælle lidt "
        "mere om, hvad der sker, når du siger nej? Du kan også ringe til Børnetelefonen på 116 111.",
    )
