"""Administration of users, memberships and units: administrators of the municipality only."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.accounts.models import ApiToken, Membership, Role, Unit, User
from tryg.audit.models import Action, AuditEvent
from tryg.core.testing import assert_flat_queries

from .helpers import code

OTHER_ROLES = ["fagperson", "sagsbehandler", "konsulent", "tovholder", "partner", "outsider"]


def _outsider_unit(cast):
    return cast["outsider"].memberships.get().unit


def _create_data(**extra):
    data = {
        "username": "ny.bruger",
        "first_name": "Nina",
        "last_name": "Nybruger",
        "email": "nina@aalborg.invalid",
        "password_mode": "generate",
        "password": "",
        "unit": "",
        "role": "",
    }
    data.update(extra)
    return data


def test_it_lists_the_municipalitys_users_only(clients, cast):
    response = clients["admin"].get(reverse("accounts:admin-users"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Freja Lærer" in html
    assert "Sune Sagsbehandler" not in html  # Hjørring


def test_it_searches_the_users_list(clients):
    html = clients["admin"].get(reverse("accounts:admin-users"), {"q": "freja"}).content.decode()
    assert "Freja Lærer" in html and "Sara Sagsbehandler" not in html


def test_it_logs_reads_and_searches_of_staff_details(clients, cast):
    fagperson = cast["fagperson"]
    clients["admin"].get(reverse("accounts:admin-users"), {"q": "freja"})
    clients["admin"].get(reverse("accounts:admin-user-detail", args=[fagperson.pk]))
    clients["admin"].get(reverse("accounts:admin-user-edit", args=[fagperson.pk]))
    rows = AuditEvent.objects.filter(actor_username="admin").order_by("id")
    search = rows.get(action=Action.SEARCH)
    assert search.object_type == "accounts.user" and search.detail == "q=freja"
    views = rows.filter(action=Action.VIEW, subject_type="accounts.user", subject_id=str(fagperson.pk))
    assert views.count() == 2
    assert all(row.municipality_id == fagperson.municipality_id for row in views)


def test_it_keeps_the_users_list_query_count_flat(clients, cast):
    unit = cast["fagperson"].memberships.get().unit
    counter = {"n": 0}

    def make(n):
        for _ in range(n):
            counter["n"] += 1
            user = User.objects.create(username=f"bulk{counter['n']}", municipality=unit.municipality)
            Membership.objects.create(user=user, unit=unit, role=Role.FAGPERSON)

    client = clients["admin"]
    assert_flat_queries(make, lambda: client.get(reverse("accounts:admin-users")))


@pytest.mark.parametrize("role", [*OTHER_ROLES])
def test_it_hides_administration_from_every_other_role(clients, cast, role):
    client = clients[role]
    target = cast["fagperson"]
    assert client.get(reverse("accounts:admin-users")).status_code == 404
    assert client.get(reverse("accounts:admin-units")).status_code == 404
    assert client.get(reverse("accounts:admin-user-detail", args=[target.pk])).status_code == 404
    response = client.post(reverse("accounts:admin-user-deactivate", args=[target.pk]))
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.is_active
    assert client.post(reverse("accounts:admin-user-create"), _create_data()).status_code == 404
    assert not User.objects.filter(username="ny.bruger").exists()


def test_it_answers_404_for_another_municipalitys_objects(clients, cast):
    client = clients["admin"]
    outsider = cast["outsider"]
    membership = outsider.memberships.get()
    unit = membership.unit
    for name, args in [
        ("accounts:admin-user-detail", [outsider.pk]),
        ("accounts:admin-user-edit", [outsider.pk]),
        ("accounts:admin-unit-edit", [unit.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    for name, args in [
        ("accounts:admin-user-deactivate", [outsider.pk]),
        ("accounts:admin-user-reset-password", [outsider.pk]),
        ("accounts:admin-user-reset-otp", [outsider.pk]),
        ("accounts:admin-membership-remove", [outsider.pk, membership.pk]),
        # Someone of our municipality, but a membership of somebody else.
        ("accounts:admin-membership-remove", [cast["fagperson"].pk, membership.pk]),
        ("accounts:admin-membership-duty", [outsider.pk, membership.pk]),
    ]:
        assert client.post(reverse(name, args=args), {"on_duty": "1"}).status_code == 404
    outsider.refresh_from_db()
    assert outsider.is_active and Membership.objects.filter(pk=membership.pk).exists()
    # Nor can a unit of another municipality be given to one of ours.
    url = reverse("accounts:admin-membership-add", args=[cast["fagperson"].pk])
    response = client.post(url, {"unit": unit.pk, "role": Role.SAGSBEHANDLER})
    assert response.status_code == 400
    assert not cast["fagperson"].memberships.filter(unit=unit).exists()


def test_it_creates_a_user_with_a_one_time_password_shown_once(clients, cast):
    client = clients["admin"]
    unit = cast["sagsbehandler"].memberships.get().unit
    response = client.post(reverse("accounts:admin-user-create"), _create_data(unit=unit.pk, role=Role.SAGSBEHANDLER))
    assert response.status_code == 201
    user = User.objects.get(username="ny.bruger")
    html = response.content.decode()
    password = html.split('id="one-time-password">')[1].split("<")[0]
    assert len(password) >= 20 and user.check_password(password)
    assert user.municipality == cast["admin"].municipality
    assert user.must_change_password and not user.is_staff and not user.is_superuser
    assert user.memberships.get().unit == unit
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="accounts.user", object_id=str(user.pk)).exists()
    # The password is not on the user's page afterwards.
    assert password not in client.get(reverse("accounts:admin-user-detail", args=[user.pk])).content.decode()

    # The new user logs in, must enrol TOTP and then choose their own password.
    new = Client()
    response = new.post("/app/login/", {"username": "ny.bruger", "password": password})
    assert response["Location"] == "/app/2fa/setup/"


def test_it_creates_a_user_with_a_chosen_password(clients):
    response = clients["admin"].post(
        reverse("accounts:admin-user-create"),
        _create_data(password_mode="choose", password="Valgt-af-administrator-42"),
    )
    assert response.status_code == 302
    user = User.objects.get(username="ny.bruger")
    assert user.check_password("Valgt-af-administrator-42")
    assert response["Location"] == reverse("accounts:admin-user-detail", args=[user.pk])


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"username": ""}, "username"),
        ({"username": "fagperson"}, "username"),
        ({"username": "FAGPERSON"}, "username"),
        ({"username": "mellem rum"}, "username"),
        ({"email": "ikke-en-adresse"}, "email"),
        ({"password_mode": "choose", "password": ""}, "password"),
        ({"password_mode": "choose", "password": "kort-kode-1"}, "password"),
        ({"password_mode": "choose", "password": "password1234"}, "password"),
        ({"password_mode": "noget"}, "password_mode"),
        ({"role": Role.FAGPERSON}, "unit"),
        ({"unit": "999999", "role": Role.FAGPERSON}, "unit"),
    ],
)
def test_it_refuses_bad_input_when_creating_a_user(clients, extra, field):
    before = User.objects.count()
    response = clients["admin"].post(reverse("accounts:admin-user-create"), _create_data(**extra))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    if field == "password_mode":  # radio buttons: the summary names the group
        assert "Første adgangskode:" in html
    else:
        assert f'href="#id_{field}' in html
    assert User.objects.count() == before


def test_it_edits_a_user(clients, cast):
    target = cast["fagperson"]
    url = reverse("accounts:admin-user-edit", args=[target.pk])
    assert clients["admin"].get(url).status_code == 200
    response = clients["admin"].post(url, {"first_name": "Freja", "last_name": "Lærersen", "email": "f@x.invalid"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.last_name == "Lærersen"
    response = clients["admin"].post(url, {"first_name": "", "last_name": "X", "email": "nej"})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    target.refresh_from_db()
    assert target.last_name == "Lærersen"


def test_it_deactivates_a_user_ending_sessions_and_tokens(clients, cast):
    target = cast["fagperson"]
    victim = clients["fagperson"]
    assert victim.get("/app/").status_code == 200
    key = victim.cookies["sessionid"].value
    raw = (
        Client()
        .post(
            "/api/v1/auth/token/",
            {"username": "fagperson", "password": "Et-langt-test-kodeord-42", "otp": code()},
            content_type="application/json",
        )
        .json()["token"]
    )
    assert Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    response = clients["admin"].post(reverse("accounts:admin-user-deactivate", args=[target.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.is_active and target.deactivated_at is not None
    assert not Session.objects.filter(session_key=key).exists()
    response = victim.get("/app/")
    assert response.status_code == 302 and response["Location"].startswith("/app/login/")
    assert Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert not ApiToken.objects.active().filter(user=target).exists()
    assert AuditEvent.objects.filter(action=Action.UPDATE, purpose="user deactivated").exists()
    # A deactivated user cannot log in again.
    response = Client().post("/app/login/", {"username": "fagperson", "password": "Et-langt-test-kodeord-42"})
    assert response.status_code == 400

    response = clients["admin"].post(reverse("accounts:admin-user-reactivate", args=[target.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_active and target.deactivated_at is None


def test_it_does_not_let_an_administrator_deactivate_themselves(clients, cast):
    admin = cast["admin"]
    response = clients["admin"].post(reverse("accounts:admin-user-deactivate", args=[admin.pk]), follow=True)
    assert "Du kan ikke deaktivere din egen bruger." in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_it_adds_toggles_and_removes_a_membership(clients, cast):
    client = clients["admin"]
    target = cast["fagperson"]
    ssp = Unit.objects.get(name="SSP Aalborg")
    url = reverse("accounts:admin-membership-add", args=[target.pk])
    assert client.post(url, {"unit": ssp.pk, "role": Role.FAGPERSON, "on_duty": "on"}).status_code == 302
    membership = target.memberships.get(unit=ssp)
    assert membership.on_duty
    # The same again is refused with an error summary.
    response = client.post(url, {"unit": ssp.pk, "role": Role.FAGPERSON})
    assert response.status_code == 400
    assert "allerede denne rolle" in response.content.decode()
    response = client.post(url, {"unit": "", "role": "hersker"})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()

    duty_url = reverse("accounts:admin-membership-duty", args=[target.pk, membership.pk])
    assert client.post(duty_url, {"on_duty": "ja"}).status_code == 400
    membership.refresh_from_db()
    assert membership.on_duty
    assert client.post(duty_url, {"on_duty": "0"}).status_code == 302
    membership.refresh_from_db()
    assert not membership.on_duty
    response = client.post(reverse("accounts:admin-membership-remove", args=[target.pk, membership.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action=Action.DELETE, object_type="accounts.membership").exists()


def test_it_does_not_let_an_administrator_remove_their_own_administrator_role(clients, cast):
    admin = cast["admin"]
    membership = admin.memberships.get(role=Role.ADMINISTRATOR)
    clients["admin"].post(reverse("accounts:admin-membership-remove", args=[admin.pk, membership.pk]))
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_resets_a_password_and_a_second_factor(clients, cast):
    target = cast["fagperson"]
    victim = clients["fagperson"]
    response = clients["admin"].post(reverse("accounts:admin-user-reset-password", args=[target.pk]))
    assert response.status_code == 200
    password = response.content.decode().split('id="one-time-password">')[1].split("<")[0]
    target.refresh_from_db()
    assert target.check_password(password) and target.must_change_password
    assert victim.get("/app/").status_code == 302

    response = clients["admin"].post(reverse("accounts:admin-user-reset-otp", args=[target.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert AuditEvent.objects.filter(action=Action.OTP_CHANGE, purpose="totp reset by administrator").exists()


def test_it_lists_creates_and_edits_units(clients, cast):
    client = clients["admin"]
    html = client.get(reverse("accounts:admin-units")).content.decode()
    assert "Sønderbro Skole" in html and "Familieafdelingen Hjørring" not in html
    assert client.get(reverse("accounts:admin-unit-create")).status_code == 200
    response = client.post(
        reverse("accounts:admin-unit-create"), {"name": "Jobcenter Aalborg", "kind": Unit.Kind.JOB_CENTRE}
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="Jobcenter Aalborg")
    assert unit.municipality == cast["admin"].municipality
    url = reverse("accounts:admin-unit-edit", args=[unit.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Jobcenter Aalborg Øst", "kind": Unit.Kind.JOB_CENTRE, "phone": "1234"})
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Jobcenter Aalborg Øst" and not unit.is_active and unit.phone == "1234"
    assert AuditEvent.objects.filter(object_type="accounts.unit", object_id=str(unit.pk)).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "kind": Unit.Kind.SCHOOL},
        {"name": "Sønderbro Skole", "kind": Unit.Kind.SCHOOL},  # the name is taken in this municipality
        {"name": "Ny enhed", "kind": "rumstation"},
        {"name": "Ny enhed", "kind": Unit.Kind.SCHOOL, "email": "nej"},
    ],
)
def test_it_refuses_bad_unit_input(clients, data):
    before = Unit.objects.count()
    response = clients["admin"].post(reverse("accounts:admin-unit-create"), data)
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert Unit.objects.count() == before


def test_it_allows_the_same_unit_name_in_another_municipality(clients):
    response = clients["admin"].post(
        reverse("accounts:admin-unit-create"), {"name": "Familieafdelingen Hjørring", "kind": Unit.Kind.OTHER}
    )
    assert response.status_code == 302


def test_it_shows_administration_on_the_start_page_and_in_the_menu_for_administrators(clients):
    html = clients["admin"].get("/app/").content.decode()
    assert reverse("accounts:admin-users") in html
    assert reverse("accounts:admin-users") not in clients["tovholder"].get("/app/").content.decode()


def test_it_keeps_the_django_admin_for_superusers(clients, cast):
    assert clients["admin"].get("/django-admin/").status_code == 302  # to the admin login: not staff
    superuser = User.objects.create_superuser("root", "root@x.invalid", "Et-langt-rod-kodeord-1")
    TOTPDevice.objects.create(user=superuser, name="t", confirmed=True)
    from tryg.core.testing import login_verified

    client = login_verified(Client(), superuser)
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/django-admin/accounts/user/").status_code == 200
