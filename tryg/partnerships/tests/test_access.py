"""Who sees which partnership: the partner sees only its own; other municipalities and other roles get 404."""

from django.urls import reverse

from tryg.accounts.models import Membership, Municipality, Role, Unit, User
from tryg.audit.models import AuditEvent
from tryg.core.testing import client_for


def test_the_partner_sees_its_own_grant_and_another_partners_grant_is_a_logged_404(clients, cast, demo):
    partner = clients["partner"]
    assert partner.get(reverse("partnerships:grant-detail", args=[demo["sawa_grant"].pk])).status_code == 200
    response = partner.get(reverse("partnerships:grant-detail", args=[demo["fkv_grant"].pk]))
    assert response.status_code == 404 and "Foreningen for Kvinders Vækst" not in response.content.decode()
    [row] = AuditEvent.objects.filter(action="refused", actor_username="partner")
    assert (row.object_type, row.object_id) == ("partnerships.grant", str(demo["fkv_grant"].pk))


def test_the_partner_page_lists_only_its_own_grants(clients, demo):
    body = clients["partner"].get(reverse("partnerships:mine")).content.decode()
    assert "Partnerskab med Sawa" in body and "Kvinders Vækst" not in body and "Bydelsmødre" not in body


def test_a_coordinator_of_another_municipality_sees_neither_aalborgs_grants_nor_partners(cast, demo):
    copenhagen = Municipality.objects.get(code="101")
    unit = Unit.objects.create(municipality=copenhagen, name="Koordinering København", kind=Unit.Kind.COORDINATION)
    user = User.objects.create(username="tovholder-kbh", municipality=copenhagen)
    Membership.objects.create(user=user, unit=unit, role=Role.TOVHOLDER)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=user, name="t", confirmed=True)
    client = client_for({"kbh": user}, "kbh")
    assert client.get(reverse("partnerships:grant-detail", args=[demo["sawa_grant"].pk])).status_code == 404
    assert client.get(reverse("partnerships:partner-detail", args=[demo["sawa"].pk])).status_code == 404
    assert client.get(reverse("partnerships:grant-detail", args=[demo["kbh_grant"].pk])).status_code == 200
    overview = client.get(reverse("partnerships:overview")).content.decode()
    assert "Bydelsmødre" in overview and "Sawa" not in overview


def test_other_roles_get_404_on_every_partnership_page(clients, demo):
    for role in ("fagperson", "sagsbehandler", "konsulent", "admin", "outsider"):
        assert clients[role].get(reverse("partnerships:grant-detail", args=[demo["sawa_grant"].pk])).status_code == 404
        assert clients[role].get(reverse("partnerships:overview")).status_code == 404


def test_the_coordinator_cannot_report_for_a_partner_and_the_partner_cannot_administer(clients, demo):
    grant = demo["sawa_grant"]
    assert clients["tovholder"].get(reverse("partnerships:activity-create", args=[grant.pk])).status_code == 404
    response = clients["partner"].post(reverse("partnerships:payment-add", args=[grant.pk]), {"payment-amount": "1"})
    assert response.status_code == 404 and not grant.payments.filter(amount=1).exists()


def test_reading_the_partner_page_logs_the_contact_persons_read(clients, demo):
    clients["tovholder"].get(reverse("partnerships:partner-detail", args=[demo["sawa"].pk]))
    row = AuditEvent.objects.filter(action="view", object_type="partnerships.partner").get()
    assert row.object_id == str(demo["sawa"].pk) and row.actor_username == "tovholder"


def test_adding_a_contact_person_writes_an_audit_row(clients, demo):
    response = clients["tovholder"].post(
        reverse("partnerships:contact-add", args=[demo["sawa"].pk]), {"name": "Ny Kontakt", "email": "ny@example.dk"}
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="create", object_type="partnerships.contactperson").exists()
    bad = clients["tovholder"].post(reverse("partnerships:contact-add", args=[demo["sawa"].pk]), {"email": "x"})
    assert bad.status_code == 400 and "error-summary" in bad.content.decode()
