"""The access log for people, with cases' registrations: search by case number and person, rows named by case
number and the person's name (coordinator only), a CSV of the search, and repeated refusals told to coordinators."""

import csv
import io
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from django.urls import reverse

from tryg.accounts.views import REAUTH_AT
from tryg.audit.alerts import REFUSAL_THRESHOLD
from tryg.audit.models import Action, AuditEvent
from tryg.cases import services
from tryg.cases.models import CaseMember, Notification
from tryg.core.testing import assert_flat_queries, client_for

from .helpers import make_case

URL = "/app/audit/"
EXPORT = "/app/audit/export/"


def _confirm_password(client):
    session = client.session
    session[REAUTH_AT] = time.time()
    session.save()


def _search(client, **data):
    """A posted search (names and CPR numbers never go in the URL): followed to its ?s= page."""
    response = client.post(URL, data, follow=True)
    if response.redirect_chain:
        assert "Hansen" not in response.redirect_chain[-1][0] and "person" not in response.redirect_chain[-1][0]
    return response


def _rows(response):
    assert response.status_code == 200, response.content.decode()[:800]
    return response.context["rows"]


@pytest.fixture
def two_cases(cast, routing, clients):
    """Two cases in Aalborg; the first read on its page by the case worker and refused to the outsider."""
    first = make_case(cast, name="Amira Hansen", cpr="010190-1234")
    second = make_case(cast, name="Bo Jensen")
    assert clients["sagsbehandler"].get(reverse("cases:case-detail", args=[first.pk])).status_code == 200
    assert clients["sagsbehandler"].get(reverse("cases:case-detail", args=[second.pk])).status_code == 200
    assert clients["outsider"].get(reverse("cases:case-detail", args=[first.pk])).status_code == 404
    return first, second


def test_a_case_number_finds_every_read_of_that_case_and_nothing_else(clients, cast, two_cases):
    first, second = two_cases
    rows = _rows(clients["tovholder"].get(URL, {"case_number": first.number}))
    assert rows and {r.case for r in rows} == {first.number}
    actions = [(r.event.actor_username, r.action) for r in rows]
    assert ("sagsbehandler", Action.VIEW) in actions
    assert (cast["outsider"].username, Action.REFUSED) in actions  # the refused read has no subject, only the case
    assert ("sagsbehandler", Action.CREATE) in actions  # the triage that made the case
    assert all(r.event.object_id != str(second.pk) for r in rows)
    viewed = [r for r in rows if r.action == Action.VIEW]
    assert {r.event.object_id for r in viewed} == {str(first.pk)}
    # Every read of the case, with the view filter too.
    reads = _rows(clients["tovholder"].get(URL, {"case_number": first.number, "action": "view"}))
    assert len(reads) == AuditEvent.objects.filter(action="view", object_id=str(first.pk)).count() >= 1


def test_a_case_number_search_names_rows_instead_of_ids(clients, cast, two_cases):
    first, _ = two_cases
    response = clients["tovholder"].get(URL, {"case_number": first.number})
    html = response.content.decode()
    assert first.number in html and "Amira Hansen" in html
    assert str(first.pk) not in html and "cases.case" not in html and "cases.person" not in html
    refused = next(r for r in response.context["rows"] if r.action == Action.REFUSED)
    assert (refused.what, refused.case, refused.person, refused.detail) == ("Sag", first.number, "Amira Hansen", "")
    assert refused.actor == cast["outsider"].username and refused.actor_elsewhere == "Hjørring Kommune"
    assert "Afvist adgang" in html


def test_an_unknown_or_malformed_case_number(clients, two_cases):
    response = clients["tovholder"].get(URL, {"case_number": "1999-999"})
    assert response.status_code == 200 and response.context["rows"] == []
    assert "Der er ingen sag med det nummer i kommunen." in response.content.decode()
    bad = clients["tovholder"].get(URL, {"case_number": "sag 12"})
    assert bad.status_code == 400 and "Et sagsnummer har formen" in bad.content.decode()


def test_a_case_of_another_municipality_is_not_found_by_its_number(clients, cast, routing):
    from tryg.cases.models import Case

    case = make_case(cast, name="Anden Kommune")
    Case.objects.filter(pk=case.pk).update(municipality_id=cast["outsider"].municipality_id)
    assert _rows(clients["tovholder"].get(URL, {"case_number": case.number})) == []


def test_a_person_is_found_by_name_words_or_cpr_through_the_search_tokens(clients, cast, two_cases):
    first, second = two_cases
    for query in ("Amira Hansen", "hansen", "010190-1234", "0101901234"):
        rows = _rows(_search(clients["tovholder"], **{"person": query}))
        assert rows, query
        assert {r.person for r in rows} == {"Amira Hansen"}, query
        assert {r.case for r in rows} - {""} == {first.number}, query
        assert any(r.action == Action.REFUSED for r in rows), query
    assert _rows(_search(clients["tovholder"], **{"person": "Han"})) == []  # whole words only
    both = _rows(_search(clients["tovholder"], **{"person": "Amira Jensen"}))
    assert both == []  # every word must match the same person


def test_the_person_search_is_logged_without_the_name_and_in_the_persons_history(clients, cast, two_cases):
    first, _ = two_cases
    _search(clients["tovholder"], **{"person": "Amira Hansen"})
    row = AuditEvent.objects.order_by("-id").first()
    assert row.action == Action.SEARCH and "Amira" not in row.detail and "Hansen" not in row.detail
    assert "person=tokens=" in row.detail
    assert (row.subject_type, row.subject_id) == ("cases.person", str(first.person_id))
    clients["tovholder"].get(URL, {"case_number": first.number})
    row = AuditEvent.objects.order_by("-id").first()
    assert f"sag={first.number}" in row.detail and row.subject_id == str(first.person_id)


def test_a_case_number_and_a_person_together_must_both_match(clients, two_cases):
    first, second = two_cases
    assert _rows(_search(clients["tovholder"], **{"case_number": first.number, "person": "Bo Jensen"})) == []
    assert _rows(_search(clients["tovholder"], **{"case_number": second.number, "person": "Bo Jensen"}))


def test_the_administrator_sees_case_numbers_but_never_names(clients, two_cases):
    first, _ = two_cases
    response = clients["admin"].get(URL, {"case_number": first.number})
    html = response.content.decode()
    assert first.number in html
    assert "Amira" not in html and "Hansen" not in html
    assert all(r.person == "" for r in response.context["rows"])
    # No person search for the administrator: the field is not there and the parameter is ignored.
    assert 'id="id_person"' not in html
    everything = _search(clients["admin"], **{"person": "Amira Hansen"})
    assert everything.status_code == 200 and all(r.person == "" for r in everything.context["rows"])
    everything = clients["admin"].get(URL, {"person": "Amira Hansen"})
    assert everything.status_code == 200 and all(r.person == "" for r in everything.context["rows"])
    assert 'data-title="Person"' not in everything.content.decode()


def test_codes_in_the_details_are_shown_in_danish(clients, cast, two_cases):
    first, _ = two_cases
    services.member_add(
        actor=cast["sagsbehandler"], case=first, user=cast["konsulent"], role=CaseMember.Role.SECURITY_CONSULTANT
    )
    services.case_set_status(actor=cast["sagsbehandler"], case=first, status="in_assessment")
    html = clients["tovholder"].get(URL, {"case_number": first.number}).content.decode()
    assert "security_consultant" not in html and "in_assessment" not in html
    assert "Tilføjet: konsulent (Sikkerhedskonsulent)" in html
    assert "Ny status: Under udredning" in html


@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "konsulent", "partner", "outsider"])
def test_other_roles_get_404_for_the_search_and_the_export(clients, two_cases, role):
    first, _ = two_cases
    assert clients[role].get(URL, {"case_number": first.number}).status_code == 404
    assert clients[role].get(URL, {"person": "Amira Hansen"}).status_code == 404
    _confirm_password(clients[role])
    response = clients[role].get(EXPORT, {"case_number": first.number})
    assert response.status_code == 404 and "Amira" not in response.content.decode()


def test_the_describer_reads_a_page_with_a_flat_number_of_queries(clients, cast, routing):
    client = clients["tovholder"]

    def make(n):
        for i in range(n):
            case = make_case(cast, name=f"Person Nummer{i}")
            services.entry_add(actor=cast["sagsbehandler"], case=case, kind="note", text="Et notat.")

    assert_flat_queries(make, lambda: client.get(URL), small=2, large=8)


def test_the_csv_export_asks_for_the_password_and_holds_the_search_in_words(clients, cast, two_cases):
    first, _ = two_cases
    client = clients["tovholder"]
    response = client.get(EXPORT, {"case_number": first.number})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:reauth"))
    _confirm_password(client)
    response = client.get(EXPORT, {"case_number": first.number})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:6] == ["Tidspunkt", "Medarbejder", "Brugernavn", "Anden kommune", "Enhed", "Handling"]
    assert "Person" in rows[0] and "Sagsnummer" in rows[0]
    data = rows[1:]
    assert data and all(first.number in row for row in data)
    assert any("Afvist adgang" in row and "Hjørring Kommune" in row for row in data)
    assert any("Amira Hansen" in row for row in data)
    assert str(first.pk) not in body
    # The export is itself logged, with the criterion and the count, under the coordinator's municipality.
    row = AuditEvent.objects.order_by("-id").first()
    assert row.action == Action.EXPORT and row.actor_id == cast["tovholder"].id
    assert f"sag={first.number}" in row.detail and f"{len(data)} rækker" in row.detail
    assert row.subject_id == str(first.person_id)


def test_the_csv_guards_against_formulas(clients, cast, routing):
    case = make_case(cast, name="=HYPERLINK(1)")
    client = clients["tovholder"]
    _confirm_password(client)
    body = client.get(EXPORT, {"case_number": case.number}).content.decode("utf-8")
    assert "'=HYPERLINK(1)" in body and ";=HYPERLINK" not in body


def test_the_administrators_csv_has_no_person_column(clients, two_cases):
    first, _ = two_cases
    _confirm_password(clients["admin"])
    body = clients["admin"].get(EXPORT, {"case_number": first.number}).content.decode("utf-8")
    assert "Person" not in body.splitlines()[0] and "Amira" not in body


def test_the_export_answers_bad_filters_with_400_and_exports_nothing(clients):
    _confirm_password(clients["tovholder"])
    before = AuditEvent.objects.filter(action="export").count()
    assert clients["tovholder"].get(EXPORT, {"date_to": "9999-12-31"}).status_code == 400
    assert AuditEvent.objects.filter(action="export").count() == before


# --- repeated refusals ------------------------------------------------------------------------------


def _refuse(client, case, times):
    for _ in range(times):
        assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 404


def _alerts(cast):
    return list(Notification.objects.filter(user=cast["tovholder"], url__contains="action=refused"))


def test_repeated_refusals_raise_one_notice_to_the_coordinators(clients, cast, routing):
    case = make_case(cast, name="Gentaget Forsøg")
    _refuse(clients["outsider"], case, REFUSAL_THRESHOLD - 1)
    assert _alerts(cast) == []
    _refuse(clients["outsider"], case, 1)
    [note] = _alerts(cast)
    assert cast["outsider"].username in note.text and str(REFUSAL_THRESHOLD) in note.text
    assert "Gentaget" not in note.text and case.number not in note.text  # no case content in a notification
    assert note.url == f"/app/audit/?action=refused&username={cast['outsider'].username}"
    # The same burst goes on: no second notice.
    _refuse(clients["outsider"], case, 4)
    assert len(_alerts(cast)) == 1
    # The link shows the attempts.
    rows = _rows(clients["tovholder"].get(note.url))
    assert len(rows) == REFUSAL_THRESHOLD + 4 and {r.case for r in rows} == {case.number}
    # The outsider's own municipality's users got nothing; neither did the other roles.
    assert not Notification.objects.filter(url=note.url).exclude(user=cast["tovholder"]).exists()


def test_a_new_burst_after_the_window_raises_a_new_notice(clients, cast, routing):
    from tryg.audit.alerts import REFUSAL_WINDOW
    from tryg.audit.registry import RefusalBurst
    from tryg.cases.auditlog import refusal_burst_notify

    case = make_case(cast, name="Senere Forsøg")
    _refuse(clients["outsider"], case, REFUSAL_THRESHOLD)
    [first] = _alerts(cast)
    burst = RefusalBurst(
        municipality_id=case.municipality_id,
        actor_id=cast["outsider"].pk,
        username=cast["outsider"].username,
        count=REFUSAL_THRESHOLD,
        window=REFUSAL_WINDOW,
        last_at=first.created_at + timedelta(minutes=30),
    )
    refusal_burst_notify(burst)  # within the window of the first notice: the same burst
    assert len(_alerts(cast)) == 1
    refusal_burst_notify(replace(burst, last_at=first.created_at + REFUSAL_WINDOW + timedelta(minutes=1)))
    assert len(_alerts(cast)) == 2


def test_the_alert_is_called_for_every_refusal_of_a_burst_through_the_registry(clients, cast, routing):
    from tryg.audit import registry

    calls = []
    registry.register_refusal_alert(calls.append)
    try:
        case = make_case(cast, name="Registrering")
        _refuse(clients["konsulent"], case, REFUSAL_THRESHOLD + 3)
    finally:
        registry.REFUSAL_ALERTS.remove(calls.append)
    assert [b.count for b in calls] == list(range(REFUSAL_THRESHOLD, REFUSAL_THRESHOLD + 4))
    assert {(b.username, b.municipality_id) for b in calls} == {("konsulent", case.municipality_id)}


def test_a_failing_alert_keeps_the_answer_a_404(clients, cast, routing):
    from tryg.audit import registry

    def broken(burst):
        raise RuntimeError("mail server down")

    registry.register_refusal_alert(broken)
    try:
        case = make_case(cast, name="Fejlende Besked")
        _refuse(clients["outsider"], case, REFUSAL_THRESHOLD)
    finally:
        registry.REFUSAL_ALERTS.remove(broken)
    assert len(_alerts(cast)) == 1  # the other alert still ran


def test_few_refusals_or_refusals_of_different_users_raise_nothing(clients, cast, routing):
    case = make_case(cast, name="Få Forsøg")
    _refuse(clients["outsider"], case, REFUSAL_THRESHOLD - 1)
    _refuse(clients["konsulent"], case, REFUSAL_THRESHOLD - 1)
    assert _alerts(cast) == []


def test_a_person_search_is_posted_and_the_url_holds_only_a_key(clients, cast, two_cases):
    client = clients["tovholder"]
    response = client.post(URL, {"person": "Amira Hansen", "action": "refused"})
    assert response.status_code == 303
    location = response["Location"]
    assert location.startswith(URL + "?s=") and "Amira" not in location and "refused" not in location
    page = client.get(location)
    assert page.status_code == 200 and {r.person for r in page.context["rows"]} == {"Amira Hansen"}
    assert 'value="Amira Hansen"' in page.content.decode()  # the form shows what was searched for
    # The key belongs to this session: another session (even the same user's) finds no search and is told so.
    other = client_for(cast, "tovholder")
    expired = other.get(location)
    assert expired.status_code == 200 and "Søgningen er ikke længere gemt" in expired.content.decode()
    assert expired.context["form"].data.get("person") is None  # a fresh page, not the other session's search
    # A name typed into the query string by hand is ignored, not searched.
    typed = client.get(URL, {"person": "Amira Hansen"})
    assert typed.context["form"].data.get("person") is None
