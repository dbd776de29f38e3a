"""Builders for the insights tests: concerns and cases in bulk (the statistics read aggregates, so rows are made
directly, as `seed_load` does), and the demo plan."""

from datetime import datetime, timedelta

from django.utils import timezone

from tryg.cases import clocks
from tryg.cases.demo import ensure_routing
from tryg.cases.models import AgeGroup, Case, Concern, Person, TargetGroup

CAST_PASSWORD = "Et-langt-test-kodeord-42"  # the password the conftest's cast gives every user


def at(year: int, month: int, day: int = 10, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))


def make_concerns(cast, n: int, *, when: datetime, source=Concern.Source.PROFESSIONAL, municipality=None, cases=0):
    """n concerns received at `when` (assessed after 2 hours, receipt after 1 day); the first `cases` become cases."""
    ensure_routing()
    muni = municipality or cast["tovholder"].municipality
    unit = muni.intake_routing.child_unit
    persons = [Person(municipality=muni, name=f"Statistik Person {i}", age_group=AgeGroup.AGE_13_17) for i in range(n)]
    Person.objects.bulk_create(persons)
    year = when.year
    case_rows = []
    for i, person in enumerate(persons[:cases]):
        case_rows.append(
            Case(
                municipality=muni,
                number=f"S{year}-{Case.objects.count() + i + 1:06d}-{muni.code}",
                person=person,
                responsible_unit=unit,
                opened_at=when + timedelta(hours=3),
            )
        )
    Case.objects.bulk_create(case_rows)
    concerns = [
        Concern(
            municipality=muni,
            person=person,
            target_group=TargetGroup.CHILD,
            description="Statistik",
            source=source,
            received_at=when,
            receiving_unit=unit,
            status=Concern.Status.TRIAGED,
            assessment_due_at=clocks.assessment_deadline(when),
            assessed_at=when + timedelta(hours=2),
            receipt_due_at=clocks.receipt_deadline(when),
            receipt_confirmed_at=when + timedelta(days=1),
            case=case_rows[i] if i < len(case_rows) else None,
        )
        for i, person in enumerate(persons)
    ]
    Concern.objects.bulk_create(concerns)
    return concerns
