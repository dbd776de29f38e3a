"""The meeting page's actions update their section in place (htmx), with the full-page post as the fallback."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.coordination import services

from .helpers import make_case

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def _meeting_with_case(cast):
    case = make_case(cast)
    meeting = services.meeting_create(actor=cast["sagsbehandler"], title="Netværksmøde", starts_at=timezone.now())
    item = services.agenda_add(actor=cast["sagsbehandler"], meeting=meeting, case=case)
    return meeting, item, case


def _partial(response, section_id):
    body = response.content.decode()
    assert body.startswith(f'<section id="{section_id}"') and "<html" not in body
    return body


def test_the_agenda_actions_update_the_agenda_in_place(clients, cast, routing):
    meeting, item, case = _meeting_with_case(cast)
    client = clients["sagsbehandler"]
    decisions = reverse("coordination:item-decisions", args=[item.public_id])
    body = _partial(client.post(decisions, {"decisions": "Skolen orienteres."}, **HX), "agenda-section")
    assert "Skolen orienteres." in body and "Beslutningerne er gemt." in body
    action = reverse("coordination:item-action-add", args=[item.public_id])
    due = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = {"title": "Ring til skolen", "owner": cast["sagsbehandler"].pk, "due_date": due}
    body = _partial(client.post(action, data, **HX), "agenda-section")
    assert "Ring til skolen" in body and "Handlingen er oprettet som opgave i sagen." in body
    refused = client.post(action, {**data, "due_date": "2020-01-01"}, **HX)
    assert refused.status_code == 400
    assert "error-summary" in _partial(refused, "agenda-section") and item.actions.count() == 1
    invite = reverse("coordination:item-family-invite", args=[item.public_id])
    body = _partial(client.post(invite, {"name": "Faderen", "relation": "far"}, **HX), "agenda-section")
    assert "Faderen (far)" in body and "Invitationen er registreret." in body


def test_a_repeat_on_the_agenda_is_a_warning_in_place_and_the_fallback_still_redirects(clients, cast, routing):
    _meeting, _item, case = _meeting_with_case(cast)
    second = services.meeting_create(actor=cast["sagsbehandler"], title="Andet møde", starts_at=timezone.now())
    url = reverse("coordination:agenda-add", args=[second.pk])
    body = _partial(clients["sagsbehandler"].post(url, {"number": case.number}, **HX), "agenda-section")
    assert "alert-warning" in body and "gentagelse" in body and "Gentagelse" in body
    bad = clients["sagsbehandler"].post(url, {"number": "FINDES-IKKE"}, **HX)
    assert bad.status_code == 400 and "Du har ingen sag med det nummer." in _partial(bad, "agenda-section")
    third = services.meeting_create(actor=cast["sagsbehandler"], title="Tredje møde", starts_at=timezone.now())
    plain = clients["sagsbehandler"].post(reverse("coordination:agenda-add", args=[third.pk]), {"number": case.number})
    assert plain.status_code == 302 and plain.url.startswith(reverse("coordination:meeting-detail", args=[third.pk]))


def test_a_participant_is_added_in_place(clients, cast, routing):
    meeting, _item, _case = _meeting_with_case(cast)
    url = reverse("coordination:participant-add", args=[meeting.pk])
    response = clients["sagsbehandler"].post(url, {"user": cast["konsulent"].pk}, **HX)
    body = _partial(response, "participants-section")
    assert cast["konsulent"].display_name in body and "Deltageren er tilføjet." in body
    bad = clients["sagsbehandler"].post(url, {"user": "", "actor": ""}, **HX)
    assert bad.status_code == 400 and "error-summary" in _partial(bad, "participants-section")


def test_the_full_page_keeps_the_sections_and_their_htmx_forms(clients, cast, routing):
    meeting, item, _case = _meeting_with_case(cast)
    page = clients["sagsbehandler"].get(reverse("coordination:meeting-detail", args=[meeting.pk])).content.decode()
    assert 'id="agenda-section"' in page and 'id="participants-section"' in page
    for name, pk in (("item-decisions", item.public_id), ("agenda-add", meeting.pk), ("participant-add", meeting.pk)):
        url = reverse(f"coordination:{name}", args=[pk])
        assert f'action="{url}"' in page and f'hx-post="{url}"' in page


def test_someone_outside_the_meeting_gets_404_in_place_too_and_nothing_changes(clients, cast, routing):
    meeting, item, _case = _meeting_with_case(cast)
    before = list(meeting.participants.values_list("user_id", flat=True))
    for role in ("konsulent", "outsider", "fagperson"):
        client = clients[role]
        decisions = reverse("coordination:item-decisions", args=[item.public_id])
        assert client.post(decisions, {"decisions": "Indbrud."}, **HX).status_code == 404
        participants = reverse("coordination:participant-add", args=[meeting.pk])
        assert client.post(participants, {"user": cast[role].pk}, **HX).status_code == 404
    item.refresh_from_db()
    assert item.decisions == "" and list(meeting.participants.values_list("user_id", flat=True)) == before
    assert AuditEvent.objects.filter(action="refused", actor=cast["konsulent"]).exists()
