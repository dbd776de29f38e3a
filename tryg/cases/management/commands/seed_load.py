"""Generate realistic load data: persons, concerns, cases with 10 timeline entries each, tasks and
access-log rows, in batches with bulk inserts. For load tests and benchmarks only (it uses the demo cast).

    manage.py seed_load --cases 100000 [--municipality 851] [--batch 1000] [--seed 7] [--pending 0.02]
"""

import random
import sys
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from tryg.accounts.demo import ensure_demo_org
from tryg.accounts.models import Municipality, Role
from tryg.audit.models import Action, AuditEvent
from tryg.audit.services import audit_bulk_append
from tryg.cases import clocks, identity, services
from tryg.cases.demo import ensure_routing
from tryg.cases.models import (
    AgeGroup,
    Case,
    CaseMember,
    CaseNumber,
    Channel,
    Concern,
    Person,
    PersonToken,
    TargetGroup,
    Task,
    TimelineEntry,
)

FIRST = [
    "Amira",
    "Yasmin",
    "Omar",
    "Ali",
    "Fatima",
    "Sara",
    "Layla",
    "Hassan",
    "Zainab",
    "Ahmed",
    "Nour",
    "Mariam",
    "Ibrahim",
    "Aya",
    "Yusuf",
    "Leila",
    "Karim",
    "Hiba",
    "Samir",
    "Rania",
    "Emma",
    "Noah",
    "Ida",
    "Lucas",
]
LAST = [
    "Demo",
    "Hansen",
    "Nielsen",
    "Ahmadi",
    "Hussein",
    "Khan",
    "Yilmaz",
    "Mohammed",
    "Rahimi",
    "Jensen",
    "Karimi",
    "Said",
    "Osman",
    "Haidari",
    "Pedersen",
    "Ali",
    "Abdi",
    "Farah",
    "Nasser",
    "Larsen",
]
DESCRIPTIONS = [
    "Eleven har fortalt, at familien bestemmer, hvem hun må være sammen med efter skole.",
    "Den unge virker bange for at tage hjem og har spurgt, om man kan bo et andet sted.",
    "Der er tale om en planlagt rejse til udlandet, som den unge ikke selv ønsker.",
    "Den unges telefon bliver gennemgået af familien, og hun må ikke deltage i lejrskole.",
    "Eleven er stoppet til fritidsaktiviteter og har mange fravær om fredagen.",
]
ENTRY_TEXTS = [
    "Samtale med den unge alene på skolen. Den unge fortæller om kontrol af tøj og venner.",
    "Møde med sikkerhedskonsulenten om risikovurdering og næste skridt.",
    "Netværksmøde med skolen og SSP. Aftale om daglig kontakt via skolen.",
    "Vurdering: der er behov for en sikkerhedsplan, som udarbejdes sammen med den unge.",
    "Den unge har kontakt til en voksen på skolen, der kan reagere, hvis hun ikke møder op.",
    "Opfølgning: den unge oplever mere ro, men kontrollen af telefonen fortsætter.",
]
TASK_TITLES = ["Udarbejd sikkerhedsplan", "Book samtale med den unge", "Opfølgning med skolen", "Risikovurdering"]


def _progress(done: int, total: int, started: float) -> None:
    rate = done / max(time.monotonic() - started, 1e-6)
    width = 30
    filled = int(width * done / total) if total else width
    bar = "#" * filled + "." * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done:,}/{total:,} cases  {rate:,.0f} cases/s")
    sys.stderr.flush()


class Command(BaseCommand):
    help = "Generate N realistic cases (with persons, concerns, timelines, tasks and access-log rows)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, required=True)
        parser.add_argument("--municipality", default="851", help="Municipality code (default Aalborg, 851).")
        parser.add_argument("--batch", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--pending", type=float, default=0.02, help="Share of concerns still in the queue.")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, cases: int, municipality: str, batch: int, seed: int, pending: float, quiet: bool, **kw):
        if cases < 1:
            raise CommandError("--cases must be at least 1")
        users = ensure_demo_org()
        ensure_routing()
        muni = Municipality.objects.filter(code=municipality).select_related("intake_routing").first()
        if muni is None or not hasattr(muni, "intake_routing"):
            raise CommandError(f"Municipality {municipality} not found or without intake routing")
        routing = muni.intake_routing
        unit = routing.child_unit
        workers = [m.user for m in unit.memberships.select_related("user").filter(role=Role.SAGSBEHANDLER)]
        if not workers:
            raise CommandError("The receiving unit has no case workers")
        notifier = users["fagperson"]
        notifier_unit = notifier.memberships_cached[0].unit
        rng = random.Random(seed + Case.objects.count())
        year = timezone.localdate().year
        counter, _ = CaseNumber.objects.get_or_create(municipality=muni, year=year, series=CaseNumber.Series.CASE)
        next_number = counter.last
        started = time.monotonic()
        done = 0
        now = timezone.now()
        while done < cases:
            size = min(batch, cases - done)
            with transaction.atomic():
                next_number = self._batch(
                    size, rng, muni, unit, workers, notifier, notifier_unit, next_number, year, now, pending
                )
                CaseNumber.objects.filter(pk=counter.pk).update(last=next_number)
            done += size
            if not quiet:
                _progress(done, cases, started)
        elapsed = time.monotonic() - started
        if not quiet:
            sys.stderr.write("\n")
        self.stdout.write(f"Loaded {cases:,} cases in {elapsed:,.1f} s ({cases / elapsed:,.0f} cases/s).")

    def _batch(self, size, rng, muni, unit, workers, notifier, notifier_unit, number, year, now, pending):
        persons, case_rows, concerns, members, entries, tasks, events = [], [], [], [], [], [], []
        for _ in range(size):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            birth_year = year - rng.randint(8, 17)
            birth = timezone.datetime(birth_year, rng.randint(1, 12), rng.randint(1, 28)).date()
            cpr = f"{birth:%d%m%y}-{rng.choice('456789' if birth_year >= 2000 else '0123')}{rng.randint(0, 999):03d}"
            person = Person(
                municipality=muni,
                name=name,
                birth_date=birth,
                age_group=AgeGroup.AGE_13_17 if year - birth_year >= 13 else AgeGroup.AGE_6_12,
                cpr=cpr,
                search_tokens=identity.person_tokens(name, cpr),
            )
            if rng.random() < 0.4:
                person.forbidden_channels = [Channel.LETTER_HOME, Channel.SMS]
                person.allowed_channels = [Channel.VIA_SCHOOL, Channel.IN_PERSON]
            persons.append(person)
            received = now - timedelta(days=rng.randint(0, 3 * 365), minutes=rng.randint(0, 1440))
            person.created_at = received  # the person was registered with the concern
            is_pending = rng.random() < pending
            concern = Concern(
                municipality=muni,
                person=person,
                target_group=TargetGroup.CHILD,
                description=rng.choice(DESCRIPTIONS),
                urgency=Concern.Urgency.ACUTE if rng.random() < 0.05 else Concern.Urgency.NORMAL,
                source=Concern.Source.PROFESSIONAL,
                notifier=notifier,
                notifier_unit=notifier_unit,
                received_at=received,
                receiving_unit=unit,
                assessment_due_at=clocks.assessment_deadline(received),
                receipt_due_at=clocks.receipt_deadline(received),
            )
            concerns.append(concern)
            events.append(self._event(notifier, Action.CREATE, concern, person, "Underretning modtaget", received))
            if is_pending:
                concern.status = Concern.Status.RECEIVED
                continue
            worker = rng.choice(workers)
            number += 1
            opened = received + timedelta(hours=rng.randint(1, 20))
            closed = rng.random() < 0.3
            case = Case(
                municipality=muni,
                number=f"{year}-{number:05d}" if number < 100000 else f"{year}-{number}",
                person=person,
                status=Case.Status.CLOSED if closed else rng.choice([Case.Status.OPEN, Case.Status.ACTIVE]),
                outcome=Case.Outcome.SUPPORT_GIVEN if closed else "",
                responsible_unit=unit,
                opened_at=opened,
                closed_at=opened + timedelta(days=rng.randint(20, 200)) if closed else None,
                updated_at=opened,
            )
            if closed:
                case.retention_until = (case.closed_at + timedelta(days=5 * 365)).date()
            case_rows.append(case)
            concern.status = Concern.Status.TRIAGED
            concern.case = case
            concern.assessed_at = opened
            concern.receipt_confirmed_at = opened
            concern.receipt_confirmed_by = worker
            members.append(CaseMember(case=case, user=worker, role=CaseMember.Role.RESPONSIBLE, added_by=worker))
            kinds = [TimelineEntry.Kind.NOTE, TimelineEntry.Kind.CONVERSATION, TimelineEntry.Kind.MEETING]
            for i in range(10):
                entries.append(
                    TimelineEntry(
                        case=case,
                        kind=rng.choice(kinds) if i else TimelineEntry.Kind.EVENT,
                        text=rng.choice(ENTRY_TEXTS),
                        author=worker,
                        created_at=opened + timedelta(days=i * 3, minutes=i),
                    )
                )
            tasks.append(
                Task(
                    case=case,
                    title=rng.choice(TASK_TITLES),
                    owner=worker,
                    due_date=(opened + timedelta(days=rng.randint(3, 60))).date(),
                    done_at=opened + timedelta(days=2) if closed or rng.random() < 0.5 else None,
                    created_by=worker,
                )
            )
            events.append(self._event(worker, Action.CREATE, case, person, "Visitation til sag", opened))
            events.append(self._event(worker, Action.VIEW, case, person, "Sagsbehandling", opened))
        Person.objects.bulk_create(persons, batch_size=500)
        PersonToken.objects.bulk_create(services.person_token_rows(persons), batch_size=2000)
        Case.objects.bulk_create(case_rows, batch_size=500)
        Concern.objects.bulk_create(concerns, batch_size=500)
        CaseMember.objects.bulk_create(members, batch_size=1000)
        TimelineEntry.objects.bulk_create(entries, batch_size=1000)
        Task.objects.bulk_create(tasks, batch_size=1000)
        audit_bulk_append(events)
        return number

    @staticmethod
    def _event(user, action, obj, person, purpose, at):
        membership = user.memberships_cached[0] if user.memberships_cached else None
        return AuditEvent(
            at=at,
            actor=user,
            actor_username=user.username,
            actor_unit=membership.unit.name if membership else "",
            municipality_id=user.municipality_id,
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            subject_type="cases.person",
            subject_id=str(person.pk),
            purpose=purpose,
        )
