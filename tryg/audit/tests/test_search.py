"""The access-log search page: coordinator and administrator of the own municipality only, logged itself."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tryg.accounts.models import Municipality, Unit
from tryg.audit.models import Action, AuditEvent
from tryg.audit.services import audit_bulk_append, audit_record
from tryg.core.testing import assert_flat_queries

URL = "/app/audit/"


def _event(muni_id, *, at=None, username="sagsbehandler", action=Action.VIEW, obj=("cases.case", "1"), subject=None):
    subject = subject or ("", "")
    return AuditEvent(
        at=at,
        actor_username=username,
        actor_unit="Børne- og Familieafdelingen",
        municipality_id=muni_id,
        action=action,
        object_type=obj[0],
        object_id=obj[1],
        subject_type=subject[0],
        subject_id=subject[1],
        purpose="Sagsbehandling",
    )


@pytest.fixture
def munis(db):
    return {m.code: m for m in Municipality.objects.all()}


def test_it_is_at_the_named_url(db):
    assert reverse("audit:search") == URL


@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "konsulent", "partner", "outsider"])
def test_it_hides_the_log_from_other_roles(clients, role):
    clients[role]  # log in first (the login itself is logged)
    before = AuditEvent.objects.count()
    assert clients[role].get(URL).status_code == 404
    assert clients[role].get(URL, {"actor": "sagsbehandler"}).status_code == 404
    # No search is run or logged; each attempt leaves only its "refused" row.
    assert AuditEvent.objects.exclude(action="refused").count() == before
    assert AuditEvent.objects.filter(action="refused", object_type="audit:search").count() == 2


def test_it_sends_anonymous_users_to_login(clients):
    response = clients["anonymous"].get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/app/login/")


@pytest.mark.parametrize("role", ["tovholder", "admin"])
def test_it_shows_only_the_own_municipality(clients, cast, munis, role):
    audit_bulk_append(
        [
            _event(munis["851"].id, username="aalborg-bruger", obj=("cases.case", "111")),
            _event(munis["860"].id, username="hjoerring-bruger", obj=("cases.case", "222")),
        ]
    )
    response = clients[role].get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "aalborg-bruger" in html
    assert "hjoerring-bruger" not in html
    assert "222" not in [e.object_id for e in response.context["events"]]


def test_it_filters_by_user_username_unit_action_and_period(clients, cast, munis):
    aalborg = munis["851"].id
    sara = cast["sagsbehandler"]
    audit_bulk_append(
        [
            _event(aalborg, at=datetime(2026, 3, 1, 10, tzinfo=UTC), username="anna", obj=("cases.case", "1")),
            _event(
                aalborg, at=datetime(2026, 3, 5, 10, tzinfo=UTC), username="bo", action=Action.UPDATE, obj=("x.y", "2")
            ),
            _event(aalborg, at=datetime(2026, 3, 9, 10, tzinfo=UTC), username="anna", obj=("knowledge.entry", "7")),
            _event(aalborg, at=datetime(2026, 3, 9, 11, tzinfo=UTC), username="carl", action=Action.REFUSED),
        ]
    )
    audit_bulk_append(
        [
            AuditEvent(
                at=datetime(2026, 3, 10, 9, tzinfo=UTC),
                actor=sara,
                actor_username=sara.username,
                actor_unit="Socialafdelingen, voksne",
                municipality_id=aalborg,
                action=Action.VIEW,
                object_type="cases.case",
                object_id="8",
            )
        ]
    )
    client = clients["tovholder"]

    def found(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content.decode()[:500]
        return sorted((e.actor_username, e.at.day) for e in response.context["events"] if e.at.year == 2026)

    assert found(username="anna") == [("anna", 1), ("anna", 9)]
    assert found(username="ANNA", action="view") == [("anna", 1), ("anna", 9)]
    assert found(action="update") == [("bo", 5)]
    assert found(action="refused") == [("carl", 9)]
    assert found(user=str(sara.pk)) == [("sagsbehandler", 10)]
    unit = Unit.objects.get(municipality_id=aalborg, name="Socialafdelingen, voksne")
    assert found(unit=str(unit.pk)) == [("sagsbehandler", 10)]
    assert found(date_from="2026-03-02", date_to="2026-03-05") == [("bo", 5)]
    assert found(date_from="09.03.2026", date_to="2026-03-09") == [("anna", 9), ("carl", 9)]


def test_it_offers_the_municipalitys_users_and_units_only(clients, cast):
    form = clients["tovholder"].get(URL).context["form"]
    assert cast["sagsbehandler"] in form.fields["user"].queryset
    assert cast["outsider"] not in form.fields["user"].queryset
    assert {u.municipality_id for u in form.fields["unit"].queryset} == {cast["tovholder"].municipality_id}
    html = clients["tovholder"].get(URL).content.decode()
    assert "Sara Sagsbehandler (sagsbehandler)" in html
    # A user or unit of another municipality is not a choice: the form says so (400).
    other_unit = Unit.objects.exclude(municipality_id=cast["tovholder"].municipality_id).first()
    assert clients["tovholder"].get(URL, {"user": cast["outsider"].pk}).status_code == 400
    assert clients["tovholder"].get(URL, {"unit": other_unit.pk}).status_code == 400


def test_it_shows_danish_labels_and_no_codes(clients, cast, munis):
    aalborg = munis["851"].id
    audit_record(actor=cast["admin"], action=Action.UPDATE, obj=cast["sagsbehandler"], purpose="user administration")
    audit_record(
        actor=cast["admin"],
        action=Action.CREATE,
        obj=("accounts.membership", "9"),
        purpose="user administration",
        detail="sikkerhedskonsulent",
        municipality_id=aalborg,
    )
    response = clients["tovholder"].get(URL)
    html = response.content.decode()
    assert "Brugeradministration" in html and "user administration" not in html
    assert "Sikkerhedskonsulent" in html and ">sikkerhedskonsulent<" not in html
    assert "accounts.membership" not in html and "accounts.user" not in html
    rows = response.context["rows"]
    assert {"Ændring", "Oprettelse"} <= {r.action_label for r in rows}
    assert {"Bruger", "Rolle i en enhed"} <= {r.what for r in rows}


def test_it_counts_whole_days_in_copenhagen_time(clients, munis):
    # 23:30 UTC on 31 March is 01:30 on 1 April in Copenhagen (summer time).
    audit_bulk_append([_event(munis["851"].id, at=datetime(2026, 3, 31, 23, 30, tzinfo=UTC), username="nat")])
    client = clients["tovholder"]
    assert [
        e.actor_username for e in client.get(URL, {"date_from": "2026-04-01", "username": "nat"}).context["events"]
    ] == ["nat"]
    assert list(client.get(URL, {"date_to": "2026-03-31", "username": "nat"}).context["events"]) == []


def test_it_logs_each_search_as_a_search(clients, cast):
    client = clients["tovholder"]
    client.get(URL, {"username": "sagsbehandler", "action": "view"})
    row = AuditEvent.objects.order_by("-id").first()
    assert row.action == Action.SEARCH
    assert row.actor_id == cast["tovholder"].id
    assert row.municipality_id == cast["tovholder"].municipality_id
    assert row.object_type == "audit.auditevent"
    assert "brugernavn=sagsbehandler" in row.detail and "handling=Visning" in row.detail


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "ikke-en-dato"},
        {"date_from": "2026-05-02", "date_to": "2026-05-01"},
        {"date_to": "9999-12-31"},
        {"date_from": "0001-01-01"},
        {"date_from": "2026-02-30"},
        {"action": "hack"},
        {"user": "999999"},
        {"user": "x"},
        {"unit": "<script>"},
        {"username": "x" * 500},
        {"case_number": "DROP TABLE;"},
        {"case_number": "1" * 30},
        {"page": "x"},
        {"page": "0"},
    ],
)
def test_it_answers_bad_filters_with_the_error_summary(clients, params):
    clients["tovholder"]  # log in first (the login itself is logged)
    before = AuditEvent.objects.count()
    response = clients["tovholder"].get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert html.index('role="alert"') < html.index("<h1")
    assert AuditEvent.objects.count() == before


def test_it_names_the_bounds_of_a_far_date(clients):
    response = clients["tovholder"].get(URL, {"date_to": "9999-12-31"})
    assert response.status_code == 400
    assert "Datoen skal ligge mellem 01.01.2000 og 31.12.2100." in response.content.decode()


def test_it_paginates_50_per_page_and_keeps_the_filters(clients, munis):
    audit_bulk_append(_event(munis["851"].id, username="mange") for _ in range(120))
    client = clients["tovholder"]
    first = client.get(URL, {"username": "mange"})
    assert len(first.context["events"]) == 50
    assert first.context["page"]["pages"] == 3
    html = first.content.decode()
    assert "?username=mange&amp;page=2" in html
    assert "Side 1 af 3 (række 1–50)" in html
    last = client.get(URL, {"username": "mange", "page": "3"})
    assert len(last.context["events"]) == 20
    assert "række 101–120" in last.content.decode()
    assert client.get(URL, {"username": "mange", "page": "999"}).context["page"]["page"] == 3
    assert client.get(URL, {"username": "mange", "page": "x"}).status_code == 400


def test_it_renders_an_accessible_table(clients, munis):
    audit_bulk_append([_event(munis["851"].id)])
    html = clients["tovholder"].get(URL).content.decode()
    assert '<table class="table' in html and "table--responsive-headers" in html
    assert html.count('<th scope="col"') == 6  # the coordinator sees the person column
    assert 'data-title="Person"' in html and 'data-title="Tidspunkt"' in html
    assert "<caption" in html
    for name in ("case_number", "person", "user", "username", "unit", "action", "date_from", "date_to"):
        assert f'for="id_{name}"' in html
    admin = clients["admin"].get(URL).content.decode()
    assert admin.count('<th scope="col"') == 5 and 'for="id_person"' not in admin and 'for="id_case_number"' in admin


def test_it_keeps_the_query_count_flat(clients, munis):
    client = clients["tovholder"]

    def make(n):
        audit_bulk_append(_event(munis["851"].id, username=f"u{i}", obj=("cases.case", str(i))) for i in range(n))

    assert_flat_queries(make, lambda: client.get(URL), small=3, large=45)


def test_it_shows_the_log_in_the_menu_for_readers_only(clients):
    assert 'href="/app/audit/"' in clients["tovholder"].get("/app/").content.decode()
    assert 'href="/app/audit/"' in clients["admin"].get("/app/").content.decode()
    assert 'href="/app/audit/"' not in clients["sagsbehandler"].get("/app/").content.decode()


def test_it_does_not_show_a_search_for_another_municipality_through_the_actor(clients, cast):
    audit_record(actor=cast["outsider"], action=Action.VIEW, obj=("cases.case", "9"))
    events = clients["tovholder"].get(URL, {"username": cast["outsider"].username}).context["events"]
    assert events == []


def test_a_nul_byte_in_the_search_is_a_400(clients):
    assert clients["tovholder"].get(URL + "?username=%00").status_code == 400
