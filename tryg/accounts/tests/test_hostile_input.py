"""Hostile input at the edge (issue 14's probes): the token endpoint without login, NUL bytes in searches,
control and direction characters in staff names. A 400 in the error shape (or the form's errors), never a 500."""

import pytest
from django.urls import reverse

from tryg.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db
TOKEN = "/api/v1/auth/token/"


def error_of(response, status=400):
    assert response.status_code == status, response.content[:300]
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    return error


def test_deeply_nested_json_on_the_token_endpoint_is_a_400_without_login(client):
    body = "[" * 1000 + "]" * 1000  # 2 KB, the probe that gave a RecursionError
    assert error_of(client.post(TOKEN, data=body, content_type="application/json"))["code"] == "parse_error"
    body = '{"username": ' + "[" * 40 + "]" * 40 + ', "password": "x", "otp": "123456"}'
    assert error_of(client.post(TOKEN, data=body, content_type="application/json"))["code"] == "parse_error"
    assert not AuditEvent.objects.filter(action=Action.LOGIN_FAILED).exists()


def test_a_body_over_the_limit_is_a_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = '{"username": "%s", "password": "x", "otp": "123456"}' % ("a" * 20_000)
    assert error_of(client.post(TOKEN, data=body, content_type="application/json"))["code"] == "too_large"


@pytest.mark.parametrize("value", ["\\u0000", "a\\u0000b", "\\udc80", "\\ud83d"])
def test_nul_bytes_and_lone_surrogates_in_json_are_refused_before_any_lookup(client, value):
    body = f'{{"username": "{value}", "password": "x", "otp": "123456"}}'
    assert error_of(client.post(TOKEN, data=body, content_type="application/json"))["code"] == "parse_error"
    assert not AuditEvent.objects.exists()


def test_a_token_request_of_the_wrong_type_is_a_400(client):
    for body in ('{"username": 1, "password": [], "otp": {}}', "[]", '"text"'):
        assert error_of(client.post(TOKEN, data=body, content_type="application/json"))["code"] == "invalid"


@pytest.mark.parametrize("query", ["?q=%00", "?q=a%00b", "?%00=1", "?page=%00"])
def test_a_nul_byte_in_a_search_is_a_400(clients, query):
    response = clients["admin"].get(reverse("accounts:admin-users") + query)
    assert response.status_code == 400
    assert "<main" in response.content.decode()


def test_a_nul_byte_in_a_form_post_or_a_path_is_a_400(client):
    assert client.post(reverse("accounts:login"), {"username": "a\x00", "password": "x"}).status_code == 400
    assert client.get("/app/login/%00").status_code == 400
    assert client.get("/api/v1/me/%00").json()["error"]["code"] == "bad_request"


def test_staff_names_refuse_control_and_direction_characters(clients, cast):
    user = cast["fagperson"]
    url = reverse("accounts:admin-user-edit", args=[user.pk])
    page = clients["admin"].get(url)
    assert page.status_code == 200
    form = {"first_name": "Fa\u202egperson", "last_name": "Test", "email": user.email, "is_active": "on"}
    response = clients["admin"].post(url, form)
    assert response.status_code == 400
    assert "skriveretningen" in response.content.decode()
    user.refresh_from_db()
    assert "\u202e" not in user.first_name
