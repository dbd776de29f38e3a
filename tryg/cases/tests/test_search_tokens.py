"""After a change of the token key (SECRET_KEY), `manage.py refresh_search_tokens` makes persons findable again."""

import io

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from .helpers import make_case


def test_a_new_token_key_needs_the_refresh_command_and_then_finds_the_person(clients, cast, routing):
    case = make_case(cast, name="Nøgle Nanna", cpr="150610-4001")
    search = reverse("cases:case-list")
    client = clients["sagsbehandler"]
    assert case.number in client.post(search, {"q": "Nanna"}, follow=True).content.decode()
    new_key = "a-new-secret-key-for-the-tokens-" + "x" * 20
    # The old key stays a fallback, as in a real rotation, so the logged-in session survives.
    with override_settings(SECRET_KEY=new_key, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]):
        assert case.number not in client.post(search, {"q": "Nanna"}, follow=True).content.decode()
        call_command("refresh_search_tokens", stdout=io.StringIO())
        assert case.number in client.post(search, {"q": "Nanna"}, follow=True).content.decode()
        assert case.number in client.post(search, {"q": "150610-4001"}, follow=True).content.decode()
