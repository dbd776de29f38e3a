"""The "Done when" path through the pages, and the case file: timeline, corrections, tasks, team, status."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.cases import services
from tryg.cases.models import Case, CaseMember, Concern, TimelineEntry
from tryg.core.testing import assert_flat_queries

from .helpers import make_case, make_concern

pytestmark = pytest.mark.django_db


def _views_of(obj) -> int:
    return AuditEvent.objects.filter(action="view", object_id=str(obj.pk)).count()


def test_it_runs_the_done_when_path(clients, cast, routing):
    worker = clients["sagsbehandler"]
    concern = make_concern(cast, name="Dina Donewhen", urgency="acute")

    body = worker.get(reverse("cases:queue")).content.decode()
    assert "Dina Donewhen" in body
    assert "Vurdering inden 24 timer" in body and "Kvittering inden 6 hverdage" in body

    detail = reverse("cases:concern-detail", args=[concern.pk])
    assert worker.get(detail).status_code == 200
    assert _views_of(concern) == 1

    response = worker.post(reverse("cases:concern-confirm", args=[concern.pk]), {"confirm": "1"})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.receipt_confirmed_at and concern.status == Concern.Status.BEING_ASSESSED
    assert cast["fagperson"].notifications.filter(text__contains="modtaget").exists()

    response = worker.post(reverse("cases:concern-triage", args=[concern.pk]), {"decision": "new_case"})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cases:case-detail", args=[case.pk])
    assert case.number == f"{timezone.localdate().year}-00001"
    assert CaseMember.objects.filter(case=case, user=cast["sagsbehandler"], role="responsible").exists()

    page = reverse("cases:case-detail", args=[case.pk])
    assert (
        worker.post(reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": "Første notat"}).status_code
        == 302
    )
    due = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = worker.post(
        reverse("cases:task-add", args=[case.pk]),
        {"title": "Ring til skolen", "owner": cast["sagsbehandler"].pk, "due_date": due},
    )
    assert response.status_code == 302
    response = worker.post(
        reverse("cases:safe-contact", args=[case.pk]),
        {"allowed_channels": ["via_school"], "forbidden_channels": ["letter_home", "sms"], "never_contact": "Faderen"},
    )
    assert response.status_code == 302

    response = worker.post(reverse("cases:contact", args=[case.pk]), {"channel": "letter_home", "text": "Indkaldelse"})
    assert response.status_code == 400
    assert "forbyder kontakt via Brev til hjemmeadressen" in response.content.decode()
    assert not TimelineEntry.objects.filter(case=case, kind="contact").exists()

    body = worker.get(page).content.decode()
    assert body.index("Regler for sikker kontakt") < body.index("Tidslinje")
    assert "Første notat" in body and "Ring til skolen" in body and "Faderen" in body

    assert clients["outsider"].get(page).status_code == 404
    assert clients["konsulent"].get(page).status_code == 404
    add = {"user": cast["konsulent"].pk, "role": "security_consultant"}
    # A consultant is only added after a confirmation that names what they will see.
    response = worker.post(reverse("cases:member-add", args=[case.pk]), add)
    assert response.status_code == 200 and "vil kunne se hele sagen" in response.content.decode()
    assert clients["konsulent"].get(page).status_code == 404
    response = worker.post(reverse("cases:member-add", args=[case.pk]), {**add, "confirm": "1"})
    assert response.status_code == 302
    assert clients["konsulent"].get(page).status_code == 200

    reads = AuditEvent.objects.filter(action="view", object_type="cases.case", object_id=str(case.pk))
    assert {e.actor_username for e in reads} == {"sagsbehandler", "konsulent"}
    assert all(e.subject_id == str(case.person_id) and e.purpose for e in reads)


def test_it_never_edits_entries_in_place_and_links_corrections(clients, cast, routing):
    case = make_case(cast)
    worker = clients["sagsbehandler"]
    worker.post(reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": "Forkert dato"})
    original = TimelineEntry.objects.get(case=case, kind="note")
    response = worker.post(
        reverse("cases:entry-add", args=[case.pk]),
        {"kind": "note", "text": "Rigtig dato", "corrects": original.public_id},
    )
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.text == "Forkert dato"
    correction = TimelineEntry.objects.get(corrects=original)
    assert correction.kind == "correction" and correction.text == "Rigtig dato"
    body = worker.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert f'href="#entry-{correction.public_id}"' in body and f'href="#entry-{original.public_id}"' in body


def test_it_rejects_bad_timeline_and_task_input_without_changes(clients, cast, routing):
    case = make_case(cast)
    worker = clients["sagsbehandler"]
    before = TimelineEntry.objects.count()
    response = worker.post(reverse("cases:entry-add", args=[case.pk]), {"kind": "hack", "text": ""})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = worker.post(
        reverse("cases:task-add", args=[case.pk]), {"title": "X", "owner": cast["outsider"].pk, "due_date": yesterday}
    )
    assert response.status_code == 400
    assert TimelineEntry.objects.count() == before and not case.tasks.exists()


def test_my_tasks_lists_my_open_tasks_and_running_deadlines(clients, cast, routing):
    case = make_case(cast)
    worker = clients["sagsbehandler"]
    due = (timezone.localdate() + timedelta(days=1)).isoformat()
    worker.post(
        reverse("cases:task-add", args=[case.pk]),
        {"title": "Hjemmebesøg nej", "owner": cast["sagsbehandler"].pk, "due_date": due},
    )
    make_concern(cast, name="Venter Vurdering")
    body = worker.get(reverse("cases:my-tasks")).content.decode()
    assert "Hjemmebesøg nej" in body and "Vurdering inden 24 timer" in body
    task = case.tasks.get()
    assert worker.post(reverse("cases:task-done", args=[task.public_id]), {"done": "1"}).status_code == 302
    task.refresh_from_db()
    assert task.done_at is not None


def test_closing_sets_retention_and_reopen_clears_it(clients, cast, routing):
    from tryg.cases.models import IntakeRouting

    IntakeRouting.objects.filter(municipality=cast["sagsbehandler"].municipality).update(retention_years=3)
    case = make_case(cast)
    worker = clients["sagsbehandler"]
    assert worker.post(reverse("cases:case-status", args=[case.pk]), {"status": "closed"}).status_code == 400
    response = worker.post(reverse("cases:case-status", args=[case.pk]), {"status": "closed", "outcome": "support"})
    assert response.status_code == 302
    case.refresh_from_db()
    today = timezone.localdate()
    assert case.status == "closed" and case.retention_until == today.replace(year=today.year + 3)
    worker.post(reverse("cases:case-status", args=[case.pk]), {"status": "open"})
    case.refresh_from_db()
    assert case.status == "open" and case.retention_until is None and case.closed_at is None


def test_it_merges_a_concern_into_an_open_case_of_the_same_person(clients, cast, routing):
    case = make_case(cast, name="Samme Person", cpr="010110-4321")
    second = make_concern(cast, name="Samme Person", cpr="0101104321")
    worker = clients["sagsbehandler"]
    body = worker.get(reverse("cases:concern-detail", args=[second.pk])).content.decode()
    assert case.number in body
    response = worker.post(
        reverse("cases:concern-triage", args=[second.pk]), {"decision": "merge", "case": str(case.pk)}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.case == case and second.person_id == case.person_id


def test_it_closes_a_concern_only_with_a_reason(clients, cast, routing):
    concern = make_concern(cast)
    worker = clients["sagsbehandler"]
    url = reverse("cases:concern-triage", args=[concern.pk])
    assert worker.post(url, {"decision": "close", "reason": ""}).status_code == 400
    assert worker.post(url, {"decision": "close", "reason": "Ikke relevant"}).status_code == 302
    concern.refresh_from_db()
    assert concern.status == "closed" and concern.assessed_at is not None
    assert "Afsluttet" in clients["fagperson"].get(reverse("cases:my-concerns")).content.decode()


def test_it_links_sibling_cases_visibly(clients, cast, routing):
    first = make_case(cast, name="Søster Et")
    second = make_case(cast, name="Bror To")
    worker = clients["sagsbehandler"]
    response = worker.post(reverse("cases:link-add", args=[first.pk]), {"number": second.number, "kind": "sibling"})
    assert response.status_code == 302
    body = worker.get(reverse("cases:case-detail", args=[second.pk])).content.decode()
    assert first.number in body and "Søskendesag" in body


def test_case_list_searches_by_number_name_and_cpr_and_logs_the_search(clients, cast, routing):
    case = make_case(cast, name="Fatima Søgbar", cpr="020305-4444")
    make_case(cast, name="Anden Person")
    worker = clients["sagsbehandler"]
    url = reverse("cases:case-list")
    assert "Fatima" in worker.post(url, {"q": "søgbar"}, follow=True).content.decode()
    body = worker.post(url, {"q": "søg"}, follow=True).content.decode()
    assert "Fatima" not in body  # whole words only
    body = worker.post(url, {"q": "020305-4444"}, follow=True).content.decode()
    assert "Fatima" in body and "Anden" not in body
    assert case.number in worker.post(url, {"q": case.number}, follow=True).content.decode()
    searches = AuditEvent.objects.filter(action="search", object_type="cases.case")
    assert searches.count() == 4
    assert all("020305" not in e.detail and "søgbar" not in e.detail.lower() for e in searches)


def test_query_budgets_for_case_list_and_case_page(clients, cast, routing):
    worker = clients["sagsbehandler"]
    assert_flat_queries(
        lambda n: [make_case(cast, name=f"Liste {i}") for i in range(n)], lambda: worker.get(reverse("cases:case-list"))
    )
    case = make_case(cast, name="Budget")
    from tryg.cases import services

    def grow(n):
        for i in range(n):
            services.entry_add(actor=cast["sagsbehandler"], case=case, kind="note", text=f"Notat {i}")
            services.task_add(
                actor=cast["sagsbehandler"],
                case=case,
                title=f"Opgave {i}",
                owner=cast["sagsbehandler"],
                due_date=timezone.localdate() + timedelta(days=i + 1),
            )

    assert_flat_queries(grow, lambda: worker.get(reverse("cases:case-detail", args=[case.pk])))


def test_my_tasks_are_paged_by_deadline_and_the_page_costs_the_same_queries(clients, cast, routing):
    from tryg.cases.views import TASKS_PAGE

    case = make_case(cast)
    worker = cast["sagsbehandler"]
    start = timezone.localdate()
    titles = [f"Opgave {i:03d}" for i in range(TASKS_PAGE + 2)]
    for i, title in enumerate(titles):
        services.task_add(actor=worker, case=case, title=title, owner=worker, due_date=start + timedelta(days=i))
    client = clients["sagsbehandler"]
    first = client.get(reverse("cases:my-tasks")).content.decode()
    second = client.get(reverse("cases:my-tasks"), {"page": 2}).content.decode()
    assert f"1–{TASKS_PAGE} af {len(titles)} åbne opgaver" in first and titles[0] in first
    assert titles[-1] not in first and titles[-1] in second and titles[0] not in second
    assert "Frister for underretninger" not in second  # the concern clocks are on the first page only
    assert client.get(reverse("cases:my-tasks"), {"page": "nul"}).status_code == 400

    counter = {"n": 0}

    def more(n):
        for _ in range(n):
            counter["n"] += 1
            services.task_add(actor=worker, case=case, title=f"Flere {counter['n']}", owner=worker, due_date=start)
            make_concern(cast, name=f"Venter {counter['n']}")

    assert_flat_queries(more, lambda: client.get(reverse("cases:my-tasks")))
