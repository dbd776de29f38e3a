"""Fast bulk seeding for the statistics benchmark: what the indicators read, and only that, in proportion to N cases.

`seed_load` (cases) writes ten timeline entries, tasks, search tokens and hash-chained access-log rows per case, which
the statistics never read, and took hours for 100,000 cases on the shared machine. This seeds, per case: a person, a
concern (channels, urgencies, age bands and the two legal clocks varied; about 2 % stay without a case), the case
(a third closed, with an outcome), and for a share of the cases a referral, a signed risk assessment and a safety
plan; and beside them, in proportion: consultations with their two messages (coordination's own
`seed_load_consultations`), citizen threads, held dialogue sessions with participant counts and evaluations, course
dates with attendance, and partnership activities. Rows are made in batches with bulk_create. For benchmarks and
query-budget tests only (demo cast; run after the demo seed).

    manage.py seed_insights_load --cases 100000
    add_cases(n, users)     # the same from code: the next n cases and their proportional rows
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

BATCH = 2000
# Rows per case of each source, roughly as a municipality of Aalborg's size would have them.
PER_CASE = {
    "referral": 0.08,
    "assessment": 0.25,
    "safety_plan": 0.10,
    "consultation": 0.05,
    "thread": 0.01,
    "dialogue": 0.005,
    "course_date": 0.002,
    "activity": 0.01,
}


def _count(n, key, rng) -> int:
    """n × share, with the fraction taken at random so small n still get rows now and then."""
    exact = n * PER_CASE[key]
    return int(exact) + (1 if rng.random() < exact - int(exact) else 0)


def add_cases(n: int, users: dict, *, seed: int = 7) -> dict:
    """Seed n more cases (and their proportional rows) in Aalborg. Returns the rows made per kind."""
    from tryg.cases.models import Case

    rng = random.Random(seed + Case.objects.count())
    made = {"cases": 0}
    done = 0
    while done < n:
        size = min(BATCH, n - done)
        with transaction.atomic():
            for key, value in _case_batch(size, users, rng).items():
                made[key] = made.get(key, 0) + value
        done += size
    for key, value in _proportional(n, users, rng).items():
        made[key] = made.get(key, 0) + value
    return made


def _case_batch(size, users, rng) -> dict:
    from tryg.cases import clocks
    from tryg.cases.demo import ensure_routing
    from tryg.cases.models import AgeGroup, Case, Concern, Person, Referral, TargetGroup
    from tryg.risk.models import Assessment, InstrumentVersion, Level, SafetyPlan

    ensure_routing()
    worker = users["sagsbehandler"]
    muni = worker.municipality
    unit = muni.intake_routing.child_unit
    version = InstrumentVersion.objects.order_by("pk").first()
    now = timezone.now()
    sources = [s for s, _l in Concern.Source.choices]
    base = Case.objects.count()
    persons, cases, concerns, referrals, assessments, plans = [], [], [], [], [], []
    for _ in range(size):
        received = now - timedelta(days=rng.randint(0, 3 * 365), minutes=rng.randint(0, 1440))
        person = Person(
            municipality=muni,
            name="Statistik Belastning",
            age_group=rng.choice([AgeGroup.AGE_13_17, AgeGroup.AGE_6_12, AgeGroup.AGE_13_17, ""]),
        )
        person.created_at = received
        persons.append(person)
        assess_hours = rng.choice([2, 5, 12, 20, 30])
        concern = Concern(
            municipality=muni,
            person=person,
            target_group=rng.choice([TargetGroup.CHILD] * 4 + [TargetGroup.ADULT]),
            description="Belastningsdata",
            source=rng.choice(sources),
            urgency=Concern.Urgency.ACUTE if rng.random() < 0.05 else Concern.Urgency.NORMAL,
            received_at=received,
            receiving_unit=unit,
            status=Concern.Status.RECEIVED,
            assessment_due_at=clocks.assessment_deadline(received),
            receipt_due_at=clocks.receipt_deadline(received),
        )
        concerns.append(concern)
        if rng.random() < 0.02:
            continue
        opened = received + timedelta(hours=assess_hours)
        closed = rng.random() < 0.33
        case = Case(
            municipality=muni,
            number=f"B{base + len(cases) + 1:09d}",
            person=person,
            status=Case.Status.CLOSED if closed else rng.choice([Case.Status.OPEN, Case.Status.ACTIVE]),
            outcome=rng.choice(Case.Outcome.values) if closed else "",
            responsible_unit=unit,
            opened_at=opened,
            closed_at=opened + timedelta(days=rng.randint(20, 200)) if closed else None,
            updated_at=opened,
        )
        cases.append(case)
        concern.status = Concern.Status.TRIAGED
        concern.case = case
        concern.assessed_at = opened
        concern.receipt_confirmed_at = received + timedelta(days=rng.choice([1, 2, 5, 9]))
        if rng.random() < PER_CASE["referral"]:
            referrals.append(
                Referral(
                    case=case,
                    actor_type=Referral.ActorType.choices[0][0],
                    recipient="Belastning",
                    text="Belastning",
                    consent_given=True,
                    consent_by="Belastning",
                    status=Referral.Status.SENT,
                    requested_by=worker,
                    requested_at=opened + timedelta(days=3),
                )
            )
        if version is not None and rng.random() < PER_CASE["assessment"]:
            level = rng.choice(Level.values)
            assessments.append(
                Assessment(
                    case=case,
                    version=version,
                    status=Assessment.Status.SIGNED,
                    computed_level=level,
                    level=level,
                    created_by=worker,
                    signed_by=worker,
                    signed_at=opened + timedelta(days=2),
                )
            )
        if rng.random() < PER_CASE["safety_plan"]:
            plans.append(
                SafetyPlan(
                    case=case,
                    number=1,
                    escalation="Ring 112",
                    contacts="Skolen",
                    review_date=(opened + timedelta(days=60)).date(),
                    created_by=worker,
                )
            )
    Person.objects.bulk_create(persons, batch_size=1000)
    Case.objects.bulk_create(cases, batch_size=1000)
    Concern.objects.bulk_create(concerns, batch_size=1000)
    Referral.objects.bulk_create(referrals, batch_size=1000)
    Assessment.objects.bulk_create(assessments, batch_size=1000)
    SafetyPlan.objects.bulk_create(plans, batch_size=1000)
    return {
        "cases": len(cases),
        "concerns": len(concerns),
        "referrals": len(referrals),
        "assessments": len(assessments),
        "safety_plans": len(plans),
    }


def _proportional(n, users, rng) -> dict:
    made = {}
    consultations = _count(n, "consultation", rng)
    if consultations:
        call_command("seed_load_consultations", consultations=consultations, quiet=True, seed=rng.randint(0, 10**6))
    made["consultations"] = consultations
    with transaction.atomic():
        made["citizen_threads"] = _threads(_count(n, "thread", rng))
        made["dialogue_sessions"] = _dialogues(_count(n, "dialogue", rng), users, rng)
        made["enrolments"] = _course_dates(_count(n, "course_date", rng), users, rng)
        made["activities"] = _activities(_count(n, "activity", rng), users, rng)
    return made


def _threads(count: int) -> int:
    """Citizen threads on consultations of the coordinator's municipality that have none yet."""
    from tryg.coordination.models import Consultation
    from tryg.public.models import Thread

    taken = Thread.objects.values("consultation_id")
    free = list(Consultation.objects.exclude(pk__in=taken).order_by("-pk")[:count])
    Thread.objects.bulk_create(
        [
            Thread(
                consultation=c,
                code_lookup=f"b{str(c.pk).replace('-', '')[:23]}",
                code_hash="-",
                created_at=c.created_at,
            )
            for c in free
        ],
        batch_size=1000,
    )
    return len(free)


def _dialogues(count: int, users, rng) -> int:
    """Held dialogue sessions (copies of the demo's places) with counts per gender and age band and evaluations."""
    from tryg.prevention.models import (
        AgeBand,
        DialogueSession,
        Evaluation,
        EvaluationSlip,
        Gender,
        ParticipantCount,
    )

    templates = list(DialogueSession.objects.filter(municipality=users["tovholder"].municipality)[:10])
    if not templates or not count:
        return 0
    now = timezone.now()
    sessions = []
    for _ in range(count):
        t = rng.choice(templates)
        starts = now - timedelta(days=rng.randint(1, 3 * 365))
        sessions.append(
            DialogueSession(
                municipality_id=t.municipality_id,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place_kind=t.place_kind,
                place_unit_id=t.place_unit_id,
                place_name=t.place_name,
                audience="8.x",
                age_band=t.age_band,
                status=DialogueSession.Status.HELD,
                created_by=users["tovholder"],
            )
        )
    DialogueSession.objects.bulk_create(sessions, batch_size=1000)
    counts, slips, evaluations = [], [], []
    for s in sessions:
        for gender, _l in Gender.choices:
            counts.append(
                ParticipantCount(session=s, age_band=AgeBand.values[0], gender=gender, count=rng.randint(3, 15))
            )
        for _ in range(rng.randint(3, 8)):
            slip = EvaluationSlip(session=s, code=f"{rng.getrandbits(60):x}"[:8].upper().rjust(8, "0"))
            slips.append(slip)
            evaluations.append(
                Evaluation(
                    slip=slip,
                    session=s,
                    submitted_on=s.starts_at.date(),
                    score_voice=rng.randint(1, 5),
                    score_learned=rng.randint(1, 5),
                    score_relevant=rng.randint(1, 5),
                )
            )
    ParticipantCount.objects.bulk_create(counts, batch_size=1000)
    EvaluationSlip.objects.bulk_create(slips, batch_size=1000, ignore_conflicts=False)
    Evaluation.objects.bulk_create(evaluations, batch_size=1000)
    return len(sessions)


def _course_dates(count: int, users, rng) -> int:
    """Past course dates of the demo courses, each attended by the municipality's staff."""
    from tryg.accounts.models import Membership
    from tryg.training.access import TRAINEE_ROLES
    from tryg.training.models import Course, CourseSession, Enrolment

    muni = users["tovholder"].municipality
    courses = list(Course.objects.filter(municipality=muni))
    staff = list(
        Membership.objects.filter(unit__municipality=muni, role__in=TRAINEE_ROLES, user__is_active=True)
        .values_list("user_id", "unit_id")
        .distinct()
    )
    if not courses or not staff or not count:
        return 0
    now = timezone.now()
    sessions = []
    for _ in range(count):
        starts = now - timedelta(days=rng.randint(1, 3 * 365))
        sessions.append(
            CourseSession(
                course=rng.choice(courses),
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                place="Rådhuset",
                capacity=len(staff) + 5,
            )
        )
    CourseSession.objects.bulk_create(sessions, batch_size=1000)
    enrolments = []
    for s in sessions:
        seen = set()
        for user_id, unit_id in staff:
            if user_id in seen or rng.random() < 0.3:
                continue
            seen.add(user_id)
            enrolments.append(
                Enrolment(
                    session=s,
                    user_id=user_id,
                    unit_id=unit_id,
                    municipality=muni,
                    status=Enrolment.Status.ENROLLED,
                    enrolled_by=users["tovholder"],
                    attended_at=s.ends_at,
                )
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=1000)
    return len(enrolments)


def _activities(count: int, users, rng) -> int:
    from tryg.partnerships.models import Activity, Grant

    grants = list(Grant.objects.filter(partner__municipality=users["tovholder"].municipality))
    if not grants or not count:
        return 0
    today = timezone.localdate()
    Activity.objects.bulk_create(
        [
            Activity(
                grant=g,
                title="Aktivitet",
                held_on=today - timedelta(days=rng.randint(1, 3 * 365)),
                participants=rng.randint(2, 40),
                cost=Decimal(rng.randint(0, 3000)),
                reported_by=users["partner"],
            )
            for g in (rng.choice(grants) for _ in range(count))
        ],
        batch_size=1000,
    )
    return count


class Command(BaseCommand):
    help = "Load N cases and, in proportion, what the statistics read (benchmarks and tests; after seed_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, required=True)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, cases: int, seed: int, **options):
        from tryg.accounts.demo import ensure_demo_org

        if cases < 1:
            raise CommandError("--cases must be at least 1")
        made = add_cases(cases, ensure_demo_org(hash_password=False), seed=seed)
        self.stdout.write(", ".join(f"{key} {value:,}" for key, value in made.items()))
