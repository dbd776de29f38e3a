"""Meetings (agenda, decisions, actions into case tasks, repeat flag, minutes for those with access, the family
guard) and referrals to an actor of the directory (the recipient's answers, shown on the case)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.cases.models import Task
from tryg.cases.registry import _FAMILY_GUARDS, register_family_action_guard
from tryg.coordination import services
from tryg.coordination.models import ActorReferral, AgendaItem, Participant

from .helpers import make_case, sawa_actor

pytestmark = pytest.mark.django_db


def _meeting(cast, case=None, days_ago=0):
    meeting = services.meeting_create(
        actor=cast["sagsbehandler"], title="Netværksmøde", starts_at=timezone.now() - timedelta(days=days_ago)
    )
    if case is not None:
        services.agenda_add(actor=cast["sagsbehandler"], meeting=meeting, case=case)
    return meeting


def test_a_meeting_from_the_case_puts_it_on_the_agenda(clients, cast, routing):
    case = make_case(cast)
    url = reverse("coordination:meeting-create") + f"?case={case.pk}"
    assert clients["sagsbehandler"].get(url).status_code == 200
    data = {"title": "Møde om sagen", "starts_at": "2030-01-10T10:00", "place": "Rådhuset"}
    assert clients["sagsbehandler"].post(url, data).status_code == 302
    item = AgendaItem.objects.get(case=case)
    assert not item.is_repeat
    assert clients["outsider"].get(url).status_code == 404


def test_a_decided_action_becomes_a_task_of_the_case(clients, cast, routing):
    case = make_case(cast)
    meeting = _meeting(cast, case)
    item = meeting.items.get()
    url = reverse("coordination:item-action-add", args=[item.public_id])
    due = (timezone.localdate() + timedelta(days=5)).isoformat()
    data = {"title": "Orientér politiet", "owner": cast["sagsbehandler"].pk, "due_date": due}
    assert clients["sagsbehandler"].post(url, data).status_code == 302
    task = item.actions.get().task
    assert task.case == case and task.title == "Orientér politiet" and task.owner == cast["sagsbehandler"]
    assert Task.objects.filter(case=case).count() == 1
    past = {**data, "due_date": "2020-01-01"}
    assert clients["sagsbehandler"].post(url, past).status_code == 400
    decisions = reverse("coordination:item-decisions", args=[item.public_id])
    assert clients["sagsbehandler"].post(decisions, {"decisions": "Politiet orienteres."}).status_code == 302
    page = clients["sagsbehandler"].get(reverse("coordination:meeting-detail", args=[meeting.pk])).content.decode()
    assert "Politiet orienteres." in page and "Orientér politiet" in page


def test_a_case_on_an_agenda_again_within_12_months_is_flagged_as_a_repeat(clients, cast, routing):
    case = make_case(cast)
    _meeting(cast, case, days_ago=30)
    second = _meeting(cast)
    response = clients["sagsbehandler"].post(
        reverse("coordination:agenda-add", args=[second.pk]), {"number": case.number}
    )
    assert response.status_code == 302
    assert second.items.get().is_repeat
    case_page = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Gentagelse" in case_page
    meeting_page = clients["sagsbehandler"].get(reverse("coordination:meeting-detail", args=[second.pk]))
    assert "Gentagelse" in meeting_page.content.decode()


def test_an_old_referral_is_not_a_repeat(cast, routing):
    case = make_case(cast)
    _meeting(cast, case)
    AgendaItem.objects.filter(case=case).update(added_at=timezone.now() - timedelta(days=400))
    assert not services.agenda_add(actor=cast["sagsbehandler"], meeting=_meeting(cast), case=case).is_repeat


def test_minutes_are_shown_only_to_participants_with_access_to_the_case(clients, cast, routing):
    case = make_case(cast, name="Skjult Person")
    meeting = _meeting(cast, case)
    services.meeting_decisions_set(actor=cast["sagsbehandler"], item=meeting.items.get(), decisions="Hemmelig plan.")
    url = reverse("coordination:meeting-detail", args=[meeting.pk])
    assert clients["konsulent"].get(url).status_code == 404  # not a participant
    services.participant_add(actor=cast["sagsbehandler"], meeting=meeting, user=cast["konsulent"])
    page = clients["konsulent"].get(url).content.decode()
    assert "Hemmelig plan." not in page and "Skjult Person" not in page and "skjult" in page
    api = clients["konsulent"].get(reverse("coordination-api:meeting-detail", args=[meeting.pk])).json()
    assert api["agenda"] == [] and api["hidden_items"] == 1


def test_external_actors_take_part_by_name_only(clients, cast, routing):
    meeting = _meeting(cast)
    actor = sawa_actor(cast)
    url = reverse("coordination:participant-add", args=[meeting.pk])
    assert clients["sagsbehandler"].post(url, {"actor": actor.pk}).status_code == 302
    assert Participant.objects.filter(meeting=meeting, actor=actor).exists()
    api = clients["sagsbehandler"].get(reverse("coordination-api:meeting-detail", args=[meeting.pk])).json()
    assert {"name": "Sawa", "external": True} in api["participants"]


def test_inviting_the_family_is_refused_with_the_guard_reason(clients, cast, routing):
    case = make_case(cast)
    item = _meeting(cast, case).items.get()
    url = reverse("coordination:item-family-invite", args=[item.public_id])

    def guard(c):
        return "Lav først en underskrevet risikovurdering." if c.pk == case.pk else None

    register_family_action_guard(guard)
    try:
        response = clients["sagsbehandler"].post(url, {"name": "Faderen", "relation": "far"})
        assert response.status_code == 400
        assert "Lav først en underskrevet risikovurdering." in response.content.decode()
        assert not item.family_invitations.exists()
    finally:
        _FAMILY_GUARDS.remove(guard)
    assert clients["sagsbehandler"].post(url, {"name": "Faderen", "relation": "far"}).status_code == 302
    assert item.family_invitations.count() == 1


def test_a_referral_to_a_partner_is_answered_and_shown_on_the_case(clients, cast, routing):
    case = make_case(cast)
    actor = sawa_actor(cast)
    url = reverse("coordination:case-refer", args=[case.pk])
    data = {"actor": actor.pk, "text": "Ønsker netværksgruppe.", "consent_given": "on", "consent_by": "Personen"}
    assert clients["sagsbehandler"].post(url, data).status_code == 302
    item = ActorReferral.objects.get()
    assert item.referral.case == case and item.unit == actor.unit
    inbox = clients["partner"].get(reverse("coordination:inbox")).content.decode()
    assert "Sawa" in inbox
    detail = reverse("coordination:referral-detail", args=[item.public_id])
    assert clients["partner"].post(detail, {"answer": "decline"}).status_code == 400  # a reason is needed
    assert clients["partner"].post(detail, {"answer": "outcome", "text": "x"}).status_code == 400  # accept first
    assert clients["partner"].post(detail, {"answer": "accept"}).status_code == 302
    assert clients["partner"].post(detail, {"answer": "outcome", "text": "Deltager hver uge."}).status_code == 302
    item.refresh_from_db()
    assert item.state == ActorReferral.State.COMPLETED
    page = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Udfald meldt" in page and "Deltager hver uge." in page
    assert clients["fagperson"].get(detail).status_code == 404


def test_a_police_referral_waits_for_approval_before_the_recipient_sees_it(cast, routing):
    from tryg.coordination.models import Actor

    case = make_case(cast)
    police = Actor.objects.create(
        name="Testpoliti", kind=Actor.Kind.POLICE, unit=cast["partner"].memberships_cached[0].unit
    )
    item = services.actor_referral_create(
        actor=cast["sagsbehandler"], case=case, recipient=police, text="x", consent_given=False, legal_basis="Hjemmel"
    )
    from tryg.coordination.access import inbox_referrals

    assert item.referral.status == "pending_approval"
    assert not inbox_referrals(cast["partner"]).exists()


def test_the_directory_shows_national_and_own_entries(clients, cast):
    own = services.actor_save(actor=cast["tovholder"], name="Aalborgs egen aktør", kind="other")
    services.actor_save(actor=cast["outsider"], name="Hjørrings egen aktør", kind="other")
    page = clients["fagperson"].get(reverse("coordination:actor-list")).content.decode()
    assert "Aalborgs egen aktør" in page and "Hjørrings egen aktør" not in page
    assert "Nordjyllands Politi" in page and "Lev Uden Vold" in page
    region = clients["konsulent"].get(reverse("coordination:actor-list")).content.decode()
    assert "Hjørrings egen aktør" in region
    edit = reverse("coordination:actor-edit", args=[own.pk])
    assert clients["tovholder"].post(edit, {"name": "Ny", "kind": "other"}).status_code == 302
    assert clients["outsider"].get(edit).status_code == 404


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00Z", "1850-06-01T12:00:00+01:00", "9999-12-31T23:59:59Z"])
def test_a_meeting_time_outside_a_sane_range_is_refused(clients, cast, routing, when):
    """Found by the API fuzzing: a year-1 time came back with a local-mean-time offset no client can parse."""
    from tryg.coordination.models import Meeting

    response = clients["sagsbehandler"].post(
        "/api/v1/coordination/meetings/", {"title": "Møde", "starts_at": when}, content_type="application/json"
    )
    assert response.status_code == 400 and "starts_at" in response.json()["error"]["fields"]
    assert not Meeting.objects.exists()


def test_agenda_items_referrals_and_messages_are_named_by_public_ids_never_row_ids(clients, cast, routing):
    """Issue 14: a sequential row id seen by a partner or another municipality of the region would hint at the
    activity of the others. Pages and API name these rows by a random public id; a row id in a URL is 404."""
    import re

    case = make_case(cast)
    meeting = _meeting(cast, case)
    item = meeting.items.get()
    page = clients["sagsbehandler"].get(reverse("coordination:meeting-detail", args=[meeting.pk])).content.decode()
    assert f"item-{item.public_id}" in page and not re.search(rf"item-?{item.pk}\b", page)
    api = clients["sagsbehandler"].get(reverse("coordination-api:meeting-detail", args=[meeting.pk])).json()
    assert [row["id"] for row in api["agenda"]] == [str(item.public_id)]
    assert clients["sagsbehandler"].post(f"/app/coordination/agenda/{item.pk}/decisions/", {}).status_code == 404

    actor = sawa_actor(cast)
    data = {"actor": actor.pk, "text": "Ønsker netværksgruppe.", "consent_given": "on", "consent_by": "Personen"}
    clients["sagsbehandler"].post(reverse("coordination:case-refer", args=[case.pk]), data)
    referral = ActorReferral.objects.get()
    inbox = clients["partner"].get(reverse("coordination:inbox")).content.decode()
    assert str(referral.public_id) in inbox and f"/referrals/{referral.pk}/" not in inbox
    listed = clients["partner"].get(reverse("coordination-api:referral-inbox")).json()
    assert [row["id"] for row in listed] == [str(referral.public_id)]
    assert clients["partner"].get(f"/app/coordination/referrals/{referral.pk}/").status_code == 404
