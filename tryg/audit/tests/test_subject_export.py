"""A person's own access history: CSV for the coordinator after re-authentication, staff names withheld."""

import csv
import io
import time
from datetime import UTC, datetime

import pytest

from tryg.accounts.models import Municipality
from tryg.audit.models import Action, AuditEvent
from tryg.audit.selectors import subject_access_history
from tryg.audit.services import audit_bulk_append, audit_record

URL = "/app/audit/subject-export/"
PERSON = {"subject_type": "cases.person", "subject_id": "42"}


def _confirm_password(client):
    from tryg.accounts.views import REAUTH_AT

    session = client.session
    session[REAUTH_AT] = time.time()
    session.save()


@pytest.fixture
def history(cast):
    aalborg = Municipality.objects.get(code="851").id
    hjorring = Municipality.objects.get(code="860").id
    audit_bulk_append(
        [
            AuditEvent(
                at=datetime(2026, 1, 15, 23, 30, tzinfo=UTC),
                actor_username="sagsbehandler",
                actor_unit="Børne- og Familieafdelingen",
                municipality_id=aalborg,
                action=Action.VIEW,
                object_type="cases.case",
                object_id="7",
                subject_type="cases.person",
                subject_id="42",
                purpose="Vurdering af underretning",
            ),
            AuditEvent(
                at=datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
                actor_username="sagsbehandler2",
                actor_unit="Familieafdelingen Hjørring",
                municipality_id=hjorring,
                action=Action.VIEW,
                subject_type="cases.person",
                subject_id="42",
                purpose="Anden kommune",
            ),
            AuditEvent(
                at=datetime(2026, 2, 3, 9, 0, tzinfo=UTC),
                actor_username="konsulent",
                actor_unit="Sikkerhedskonsulenterne Nordjylland",
                municipality_id=aalborg,
                action=Action.UPDATE,
                subject_type="cases.person",
                subject_id="43",
                purpose="En anden person",
            ),
        ]
    )
    return aalborg


def test_it_returns_the_history_oldest_first_in_copenhagen_time(history):
    rows = subject_access_history("cases.person", "42", history)
    assert len(rows) == 1
    row = rows[0]
    assert row["at"].strftime("%Y-%m-%d %H:%M") == "2026-01-16 00:30"
    assert (row["action"], row["unit"], row["purpose"]) == (
        "view",
        "Børne- og Familieafdelingen",
        "Vurdering af underretning",
    )
    assert "sagsbehandler" not in row.values()


def test_it_asks_for_the_password_first(clients, history):
    client = clients["tovholder"]
    before = AuditEvent.objects.count()
    response = client.get(URL, PERSON)
    assert response.status_code == 302
    assert response["Location"].startswith("/app/account/confirm-password/?next=/app/audit/subject-export/")
    assert AuditEvent.objects.count() == before


def test_it_downloads_the_csv_without_staff_names_and_logs_the_export(clients, cast, history):
    client = clients["tovholder"]
    _confirm_password(client)
    response = client.get(URL, PERSON)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="adgangshistorik.csv"'
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Tidspunkt", "Handling", "Enhed", "Formål"]
    assert rows[1:] == [["2026-01-16 00:30:00", "Visning", "Børne- og Familieafdelingen", "Vurdering af underretning"]]
    for username in ("sagsbehandler", "sagsbehandler2", "konsulent", "tovholder"):
        assert username not in text
    assert "Anden kommune" not in text and "En anden person" not in text
    logged = AuditEvent.objects.order_by("-id").first()
    assert logged.action == Action.EXPORT
    assert (logged.subject_type, logged.subject_id) == ("cases.person", "42")
    assert logged.actor_id == cast["tovholder"].id


def test_it_includes_earlier_exports_in_the_next_history(clients, history):
    client = clients["tovholder"]
    _confirm_password(client)
    client.get(URL, PERSON)
    text = client.get(URL, PERSON).content.decode("utf-8-sig")
    assert "Eksport" in text


def test_it_shows_the_form_without_parameters(clients):
    response = clients["tovholder"].get(URL)
    assert response.status_code == 200
    assert 'for="id_subject_type"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"subject_type": "", "subject_id": "42"},
        {"subject_type": "cases.person", "subject_id": ""},
        {"subject_type": "Robert'); DROP TABLE", "subject_id": "1"},
        {"subject_type": "cases.person", "subject_id": "../../etc"},
    ],
)
def test_it_answers_bad_input_with_the_error_summary(clients, params):
    client = clients["tovholder"]
    _confirm_password(client)
    before = AuditEvent.objects.count()
    response = client.get(URL, params)
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "konsulent", "partner", "admin", "outsider"])
def test_it_hides_the_export_from_other_roles(clients, role, history):
    client = clients[role]
    _confirm_password(client)
    assert client.get(URL).status_code == 404
    assert client.get(URL, PERSON).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_it_limits_the_history_to_the_coordinators_municipality(cast, history):
    audit_record(actor=cast["outsider"], action=Action.VIEW, subject=("cases.person", "42"), purpose="Hjørring")
    purposes = [r["purpose"] for r in subject_access_history("cases.person", "42", history)]
    assert "Hjørring" not in purposes and "Anden kommune" not in purposes


def test_it_defuses_spreadsheet_formulas_in_the_csv(clients, cast):
    audit_record(
        actor=cast["sagsbehandler"], action=Action.VIEW, subject=("cases.person", "42"), purpose="=HYPERLINK(1)"
    )
    client = clients["tovholder"]
    _confirm_password(client)
    rows = list(csv.reader(io.StringIO(client.get(URL, PERSON).content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][3] == "'=HYPERLINK(1)"
