"""Hostile input on the cases API and pages (issue 14's probes): a 400 in the error shape, never a 500, nothing
stored; CPR numbers in other digits are the same number; names refuse control and direction characters."""

import pytest
from django.urls import reverse

from tryg.cases import services
from tryg.cases.models import Concern, Person

from .helpers import make_concern

pytestmark = pytest.mark.django_db

CONCERN = {
    "person": {"name": "Sara Fjendtlig", "age_group": "13-17"},
    "target_group": "child",
    "description": "Bekymring.",
}


def post(client, url, data):
    return client.post(url, data=data, content_type="application/json")


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def assert_error_shape(response, status=400, code=None):
    assert response.status_code == status, response.content[:300]
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    assert all(isinstance(v, list) and all(isinstance(m, str) for m in v) for v in error["fields"].values())
    if code:
        assert error["code"] == code
    return error


def test_deeply_nested_json_is_a_400_on_concerns_and_confirm_receipt(clients, cast, routing):
    concern = make_concern(cast)
    for client, url in [
        (clients["fagperson"], reverse("cases-api:concern-list")),
        (clients["sagsbehandler"], reverse("cases-api:concern-confirm-receipt", args=[concern.pk])),
    ]:
        response = client.post(url, data=nested(1000), content_type="application/json")
        assert_error_shape(response, code="parse_error")
        deep_object = '{"a":' * 100 + "1" + "}" * 100
        assert_error_shape(client.post(url, data=deep_object, content_type="application/json"), code="parse_error")
    concern.refresh_from_db()
    assert concern.receipt_confirmed_at is None and Concern.objects.count() == 1


def test_nul_bytes_and_lone_surrogates_in_json_are_refused(clients, routing):
    url = reverse("cases-api:concern-list")
    for bad in ['"Sara\\u0000"', '"Sara\\ud800"']:
        body = f'{{"person": {{"name": {bad}}}, "target_group": "child", "description": "x"}}'
        assert_error_shape(clients["fagperson"].post(url, data=body, content_type="application/json"))
    assert not Concern.objects.exists()


@pytest.mark.parametrize(
    "typed",
    ["٢٥٠٨١٧-٤٤١٤", "２５０８１７－４４１４", "۲۵۰۸۱۷۴۴۱۴", "250817\u20134414"],
    ids=["arabic-indic", "fullwidth", "extended-arabic-indic", "en-dash"],
)
def test_a_cpr_number_in_other_digits_is_stored_in_ascii_and_found_by_a_normal_search(clients, cast, routing, typed):
    data = dict(CONCERN, person={"name": "Sara Fjendtlig", "cpr": typed})
    assert post(clients["fagperson"], reverse("cases-api:concern-list"), data).status_code == 201
    person = Person.objects.get()
    assert person.cpr == "250817-4414"
    services.concern_triage(actor=cast["sagsbehandler"], concern=Concern.objects.get())
    for query in ("250817-4414", "2508174414", typed):
        body = (
            clients["sagsbehandler"]
            .post(reverse("cases-api:case-search"), {"q": query}, content_type="application/json")
            .json()
        )
        assert body["count"] == 1, query


def test_a_cpr_number_with_letters_or_other_symbols_is_refused_with_a_clear_message(clients, routing):
    for typed in ("25O817-4414", "٢٥٠٨١٧/٤٤١٤", "¹²³⁴⁵⁶⁷⁸⁹⁰"):
        data = dict(CONCERN, person={"name": "Sara Fjendtlig", "cpr": typed})
        error = assert_error_shape(post(clients["fagperson"], reverse("cases-api:concern-list"), data))
        assert any("DDMMÅÅ-XXXX" in m for m in error["fields"]["cpr"])
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    "name", ["Sara\u202eannA", "Sara\u2066x\u2069", "Sara\x07", "Sara\nHansen", "Sara\tHansen", "Sara\x9bHansen"]
)
def test_names_refuse_control_and_direction_characters(clients, routing, name):
    data = dict(CONCERN, person={"name": name})
    error = assert_error_shape(post(clients["fagperson"], reverse("cases-api:concern-list"), data))
    assert "name" in error["fields"]
    data = dict(CONCERN, related_persons=[{"name": name, "relation": "parent"}])
    assert_error_shape(post(clients["fagperson"], reverse("cases-api:concern-list"), data))
    assert not Person.objects.exists()


def test_the_intake_page_shows_the_name_rule_on_the_field(clients, routing):
    page = clients["fagperson"].get(reverse("cases:concern-create"))
    assert page.status_code == 200
    form = {
        "name": "Sara\u202eannA",
        "target_group": "child",
        "description": "Bekymring.",
        "urgency": "normal",
        "related-TOTAL_FORMS": "0",
        "related-INITIAL_FORMS": "0",
    }
    response = clients["fagperson"].post(reverse("cases:concern-create"), form)
    assert response.status_code == 400
    assert "skriveretningen" in response.content.decode()
    assert not Person.objects.exists()


def test_names_are_stored_in_nfc(clients, routing):
    data = dict(CONCERN, person={"name": "Ame\u0301lie Fjendtlig"})  # e + combining acute
    assert post(clients["fagperson"], reverse("cases-api:concern-list"), data).status_code == 201
    assert Person.objects.get().name == "Amélie Fjendtlig"


def test_a_birth_date_in_the_future_or_the_year_9999_is_refused(clients, routing):
    for birth in ("9999-12-31", "2999-01-01"):
        data = dict(CONCERN, person={"name": "Sara Fjendtlig", "birth_date": birth})
        error = assert_error_shape(post(clients["fagperson"], reverse("cases-api:concern-list"), data))
        assert "birth_date" in error["fields"]
    assert not Person.objects.exists()


def test_a_description_over_20000_characters_or_a_2_mb_body_is_refused(clients, routing):
    url = reverse("cases-api:concern-list")
    error = assert_error_shape(post(clients["fagperson"], url, dict(CONCERN, description="x" * 20_001)))
    assert "description" in error["fields"]
    assert_error_shape(post(clients["fagperson"], url, dict(CONCERN, description="x" * 2_000_000)), code="too_large")
    assert post(clients["fagperson"], url, dict(CONCERN, description="æ" * 20_000)).status_code == 201


def test_list_item_errors_are_named_by_their_path_as_the_schema_says(clients, routing):
    url = reverse("cases-api:concern-list")
    error = assert_error_shape(post(clients["fagperson"], url, dict(CONCERN, warning_signs=["x", 1])))
    assert list(error["fields"]) == ["warning_signs.0"]
    related = [{"name": "Far", "relation": "parent"}, {"relation": "nobody"}]
    error = assert_error_shape(post(clients["fagperson"], url, dict(CONCERN, related_persons=related)))
    assert set(error["fields"]) == {"related_persons.1.name", "related_persons.1.relation"}
    error = assert_error_shape(post(clients["fagperson"], url, dict(CONCERN, person={"age_group": "x"})))
    assert {"person.name", "person.age_group"} <= set(error["fields"])


def test_a_json_body_that_is_not_an_object_is_a_400(clients, routing):
    url = reverse("cases-api:concern-list")
    for body in ("[]", '"x"', "1", "null", "NaN", '{"a": Infinity}', "{", "\xff"):
        response = clients["fagperson"].post(url, data=body, content_type="application/json")
        assert_error_shape(response)
