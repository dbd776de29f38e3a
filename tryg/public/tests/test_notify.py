"""A citizen's notification about a child: the cases intake with the 24-hour clock, and "received" with the code."""

import pytest
from django.test import Client
from django.urls import reverse

from tryg.cases.models import Concern

from .helpers import code_from, send_notification

pytestmark = pytest.mark.django_db


def test_a_notification_lands_in_the_receiving_unit_with_the_24_hour_clock(cast, routing):
    client = Client()
    page = client.get(reverse("public:notify"))
    html = page.content.decode()
    assert "Barnets forældre kan få lov at læse det, du skriver." in html and "ring 112" in html
    assert not page.cookies
    response = send_notification(client)
    assert response.status_code == 200 and not response.cookies
    concern = Concern.objects.get()
    assert concern.source == Concern.Source.ANONYMOUS
    assert concern.receiving_unit == routing["851"].child_unit
    assert concern.assessment_due_at is not None and concern.receipt_due_at is None
    queue = Client()
    from tryg.core.testing import login_verified

    login_verified(queue, cast["sagsbehandler"])
    queue_html = queue.get(reverse("cases:queue")).content.decode()
    assert "Sara Testesen" in queue_html and reverse("cases:concern-detail", args=[concern.pk]) in queue_html
    # The code shows "received", and nothing about what the municipality does.
    status = client.post(reverse("public:code"), {"code": code_from(response)})
    assert status.status_code == 200
    assert "Modtaget af kommunen den" in status.content.decode()


def test_a_named_citizen_is_source_citizen(cast, routing):
    send_notification(Client(), notifier_name="Hanne Nabo", notifier_contact="hanne@example.org")
    concern = Concern.objects.get()
    assert concern.source == Concern.Source.CITIZEN
    assert "Hanne Nabo" in concern.description


def test_the_citizen_must_confirm_they_read_about_the_parents(cast, routing):
    response = send_notification(Client(), understood="")
    assert response.status_code == 400
    assert "Sæt kryds for at vise, at du har læst det." in response.content.decode()
    assert not Concern.objects.exists()


def test_a_municipality_without_a_receiving_unit_gets_a_plain_error_not_a_500(cast):
    from tryg.cases.models import IntakeRouting

    IntakeRouting.objects.all().delete()
    response = send_notification(Client())
    assert response.status_code == 400
    assert not Concern.objects.exists()
