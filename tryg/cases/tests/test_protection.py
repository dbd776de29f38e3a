"""Encryption at rest, retention and anonymisation, reminders, the access-history export."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tryg.accounts.views import REAUTH_AT
from tryg.audit.models import AuditEvent
from tryg.cases import services
from tryg.cases.models import Case, Concern, Notification, Person, TimelineEntry
from tryg.cases.tasks import anonymise_expired_cases, send_deadline_reminders

from .helpers import hours_ago, make_case, make_concern

pytestmark = pytest.mark.django_db


def _raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM {table} WHERE id = %s",
            [pk.hex if connection.vendor == "sqlite" and hasattr(pk, "hex") else pk],
        )
        return cursor.fetchone()[0]


def test_personal_columns_hold_ciphertext_and_decrypt_in_the_page(clients, cast, routing):
    case = make_case(cast, name="Krypteret Kirsten", cpr="111111-1118", description="Hemmelig beskrivelse")
    services.entry_add(actor=cast["sagsbehandler"], case=case, kind="note", text="Hemmeligt notat")
    person_name = _raw("cases_person", "name", case.person_id)
    cpr = _raw("cases_person", "cpr", case.person_id)
    description = _raw("cases_concern", "description", case.concerns.get().pk)
    note = _raw("cases_timelineentry", "text", TimelineEntry.objects.get(kind="note").pk)
    for raw, plain in [(person_name, "Kirsten"), (cpr, "111111"), (description, "Hemmelig"), (note, "Hemmeligt")]:
        assert raw.startswith("fernet:") and plain not in raw
    tokens = _raw("cases_person", "search_tokens", case.person_id)
    assert "kirsten" not in tokens.lower() and "111111" not in tokens
    body = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Krypteret Kirsten" in body and "Hemmeligt notat" in body


def _close(case, cast, *, days_ago: int):
    services.case_set_status(actor=cast["sagsbehandler"], case=case, status="closed", outcome="support")
    Case.objects.filter(pk=case.pk).update(retention_until=timezone.localdate() - timedelta(days=days_ago))


def test_retention_anonymises_expired_cases_and_skips_archive_hold(cast, routing):
    expired = make_case(cast, name="Udløbet Ulla", cpr="010101-1234")
    services.entry_add(actor=cast["sagsbehandler"], case=expired, kind="note", text="Gammelt notat")
    held = make_case(cast, name="Arkiv Anders")
    current = make_case(cast, name="Aktuel Anne")
    _close(expired, cast, days_ago=1)
    _close(held, cast, days_ago=1)
    Case.objects.filter(pk=held.pk).update(archive_hold=True)
    _close(current, cast, days_ago=-30)

    result = anonymise_expired_cases.enqueue()
    assert result.return_value == 1

    expired.refresh_from_db()
    person = Person.objects.get(pk=expired.person_id)
    assert expired.anonymised_at is not None and person.anonymised_at is not None
    assert person.name == "[anonymiseret]" and person.cpr == "" and person.search_tokens == ""
    assert set(expired.entries.values_list("text", flat=True)) == {"[anonymiseret]"}
    assert Concern.objects.get(case=expired).description == "[anonymiseret]"
    assert Person.objects.get(pk=held.person_id).name == "Arkiv Anders"
    assert Person.objects.get(pk=current.person_id).name == "Aktuel Anne"
    assert anonymise_expired_cases.enqueue().return_value == 0


def test_reminders_go_out_once_before_deadlines(cast, routing, django_capture_on_commit_callbacks):
    make_concern(cast, received_at=hours_ago(21))  # 3 hours left of 24
    make_concern(cast, received_at=hours_ago(1))  # plenty of time
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_deadline_reminders.enqueue().return_value
    assert sent == 1
    assert Notification.objects.filter(user=cast["sagsbehandler"], text__contains="24 timer").count() == 1
    assert len(mail.outbox) == 1
    assert send_deadline_reminders.enqueue().return_value == 0


def test_the_daily_command_runs_reminders_and_retention(cast, routing):
    from django.core.management import call_command

    case = make_case(cast)
    _close(case, cast, days_ago=2)
    call_command("cases_daily")
    case.refresh_from_db()
    assert case.anonymised_at is not None


def test_the_coordinator_exports_access_history_without_names_or_content(clients, cast, routing):
    case = make_case(cast, name="Indsigt Ida", description="Indhold der ikke må med")
    clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk]))
    client = clients["tovholder"]
    url = reverse("cases:person-access-export")
    assert client.get(url).status_code == 302  # re-authentication first
    session = client.session
    session[REAUTH_AT] = time.time()
    session.save()
    assert client.post(url, {"number": "2000-99999"}).status_code == 400
    response = client.post(url, {"number": case.number})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "Børne- og Familieafdelingen" in text and "Sagsbehandling" in text
    assert "sagsbehandler" not in text.lower().replace("sagsbehandling", "") and "Sara" not in text
    assert "Ida" not in text and "Indhold" not in text
    assert AuditEvent.objects.filter(action="export", actor_username="tovholder").count() == 1
    assert clients["tovholder"].get(reverse("cases:case-detail", args=[case.pk])).status_code == 404


def test_a_regional_consultants_reads_land_in_the_log_of_the_municipality_that_holds_the_case(clients, cast, routing):
    from tryg.audit.selectors import subject_access_history
    from tryg.cases.models import CaseMember

    concern = make_concern(cast, name="Region Rami", actor="outsider")
    case = services.concern_triage(actor=cast["outsider"], concern=concern)
    services.member_add(
        actor=cast["outsider"], case=case, user=cast["konsulent"], role=CaseMember.Role.SECURITY_CONSULTANT
    )
    assert clients["konsulent"].get(reverse("cases:case-detail", args=[case.pk])).status_code == 200

    read = AuditEvent.objects.get(actor_username="konsulent", action="view", subject_id=str(case.person_id))
    assert read.municipality_id == case.municipality_id != cast["konsulent"].municipality_id
    history = subject_access_history("cases.person", str(case.person_id), case.municipality_id)
    assert any(row["unit"] == "Sikkerhedskonsulenterne Nordjylland" and row["action"] == "view" for row in history)
    # Logins and searches stay with the actor's own municipality.
    login = AuditEvent.objects.filter(actor_username="konsulent", action="login").first()
    assert login is None or login.municipality_id == cast["konsulent"].municipality_id
