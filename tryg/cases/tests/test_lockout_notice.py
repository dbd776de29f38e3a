"""A locked staff account is news for the municipality's coordinators (cases/hooks.py listens to accounts)."""

import pytest
from django.test import Client

from tryg.cases.models import Notification

pytestmark = pytest.mark.django_db


def test_the_coordinators_of_the_accounts_municipality_are_told_once(cast, django_capture_on_commit_callbacks):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(7):
            attacker.post("/app/login/", {"username": "fagperson", "password": "forkert-kodeord-123"})
    notes = Notification.objects.filter(text__contains="fagperson")
    assert [n.user for n in notes] == [cast["tovholder"]]
    assert "én adresse" in notes.get().text
