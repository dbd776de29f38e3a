"""The citizens' pages cost the same number of queries however much data there is."""

import pytest
from django.test import Client
from django.urls import reverse

from tryg.coordination import services as coordination
from tryg.coordination.models import Consultation
from tryg.core.testing import assert_flat_queries

from .helpers import code_from, send_message

pytestmark = pytest.mark.django_db


def test_a_thread_page_does_not_grow_with_its_messages(cast):
    client = Client()
    code = code_from(send_message(client))
    consultation = Consultation.objects.get()

    def more(n):
        for i in range(n):
            coordination.message_add(actor=cast["konsulent"], consultation=consultation, text=f"Svar {i}")

    assert_flat_queries(more, lambda: client.post(reverse("public:code"), {"code": code}))


def test_the_municipality_page_does_not_grow_with_its_contacts(cast):
    from tryg.knowledge.models import Entry

    aalborg = cast["tovholder"].municipality
    made = []

    def more(n):
        for _ in range(n):
            made.append(
                Entry.objects.create(
                    slug=f"kontakt-ekstra-{len(made)}",
                    municipality=aalborg,
                    kind=Entry.Kind.CONTACT,
                    title=f"Ekstra kontakt {len(made)}",
                    status=Entry.Status.PUBLISHED,
                    version=1,
                )
            )

    client = Client()
    assert_flat_queries(more, lambda: client.get("/851/"))
    assert "Ekstra kontakt 11" in client.get("/851/").content.decode()
