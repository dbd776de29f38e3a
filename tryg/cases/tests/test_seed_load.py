"""The load generator makes coherent, access-controlled data with a valid access-log chain."""

from django.core.management import call_command
from django.urls import reverse

from tryg.audit.services import audit_verify
from tryg.cases.models import Case, Concern, Person, Task, TimelineEntry


def test_it_generates_cases_with_timelines_tasks_and_log_rows(cast, clients):
    call_command("seed_load", cases=30, pending=0.1, seed=3, quiet=True)

    assert Concern.objects.count() == 30
    cases = Case.objects.count()
    assert 20 <= cases <= 30
    assert Concern.objects.filter(case__isnull=True, status=Concern.Status.RECEIVED).count() == 30 - cases
    assert TimelineEntry.objects.count() == 10 * cases
    assert Task.objects.count() == cases
    assert Person.objects.count() == 30
    ok, problems = audit_verify()
    assert ok, problems

    # The generated cases are real cases: the receiving unit's case worker can open one, the outsider cannot.
    case = Case.objects.first()
    assert clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).status_code == 200
    assert clients["outsider"].get(reverse("cases:case-detail", args=[case.pk])).status_code == 404


def test_it_continues_case_numbers_when_run_again(cast):
    call_command("seed_load", cases=5, pending=0, quiet=True)
    call_command("seed_load", cases=5, pending=0, quiet=True)
    numbers = list(Case.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == 10
