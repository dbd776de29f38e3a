"""Generate load data for the consultants' queue: consultations across the region's municipalities (anonymous and
named, every status and urgency, a thread of two messages each), with bulk inserts. For benchmarks only (it uses
the demo cast). The cases app's `seed_load` makes cases; this is its counterpart for coordination, which cases may
not know.

    manage.py seed_load_consultations --consultations 100000 [--batch 2000] [--seed 7]
"""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from tryg.accounts.demo import ensure_demo_org
from tryg.accounts.models import Municipality, Unit
from tryg.coordination.models import Consultation, Message

TOPICS = [
    "Ung må ikke deltage i fritidsaktiviteter",
    "Elev frygter at blive sendt på ferie",
    "Telefonen bliver kontrolleret",
    "Pres for at gifte sig",
    "Søskende holder øje efter skole",
    "Voksen kvinde uden adgang til egne penge",
]


class Command(BaseCommand):
    help = "Load many consultations for benchmarks (demo cast, region Nordjylland)."

    def add_arguments(self, parser):
        parser.add_argument("--consultations", type=int, required=True)
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, consultations, batch, seed, quiet, **options):
        if consultations < 0:
            raise CommandError("--consultations must be 0 or more")
        users = ensure_demo_org(hash_password=False)
        rng = random.Random(seed + Consultation.objects.count())
        region = users["konsulent"].municipality.region
        municipalities = list(Municipality.objects.filter(region=region))
        units = {m.pk: list(Unit.objects.filter(municipality=m)) for m in municipalities}
        askers = [users["fagperson"], users["sagsbehandler"], users["partner"], users["sagsbehandler2"]]
        statuses = Consultation.Status.values
        now = timezone.now()
        started = time.monotonic()
        done = 0
        while done < consultations:
            size = min(batch, consultations - done)
            rows, messages = [], []
            for _ in range(size):
                asker = rng.choice(askers)
                municipality = asker.municipality
                created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
                status = rng.choice(statuses)
                anonymous = rng.random() < 0.7
                c = Consultation(
                    region=region,
                    municipality=municipality,
                    unit=rng.choice(units[municipality.pk]) if units[municipality.pk] else None,
                    asker=asker,
                    asker_type=rng.choice(Consultation.AskerType.values[:3]),
                    is_anonymous=anonymous,
                    basis="" if anonymous else Consultation.Basis.CHILD_172C,
                    target_group=Consultation.TargetGroup.CHILD,
                    urgency=rng.choice(["normal"] * 8 + ["urgent", "acute"]),
                    status=status,
                    topic=rng.choice(TOPICS),
                    holder=users["konsulent"] if status != Consultation.Status.NEW else None,
                    created_at=created,
                    updated_at=created,
                    closed_at=created + timedelta(days=3) if status == Consultation.Status.CLOSED else None,
                )
                rows.append(c)
                messages.append(
                    Message(consultation=c, from_asker=True, author=asker, text="Spørgsmål (load).", created_at=created)
                )
                messages.append(
                    Message(
                        consultation=c,
                        from_asker=False,
                        author=users["konsulent"],
                        text="Svar (load).",
                        created_at=created,
                    )
                )
            with transaction.atomic():
                Consultation.objects.bulk_create(rows, batch_size=batch)
                Message.objects.bulk_create(messages, batch_size=batch)
            done += size
            if not quiet:
                self.stdout.write(f"{done:,} consultations ({time.monotonic() - started:.0f} s)")
        if not quiet:
            self.stdout.write(self.style.SUCCESS(f"Loaded {consultations:,} consultations."))
