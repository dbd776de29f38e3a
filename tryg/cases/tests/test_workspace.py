"""The case page as a workspace: clocks after triage, actions in place (htmx) with a full-page fallback, safe
defaults in the team, task and contact forms, one current menu item."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tryg.cases import services
from tryg.cases.models import CaseMember, Task, TimelineEntry

from .helpers import make_case

HTMX = {"HTTP_HX_REQUEST": "true"}


def _page(client, case, **params):
    return client.get(reverse("cases:case-detail", args=[case.pk]), params).content.decode()


def test_the_header_keeps_the_clocks_after_triage_with_their_result(clients, cast, routing):
    case = make_case(cast, name="Frist Frida")
    body = _page(clients["sagsbehandler"], case)
    assert "Lovbestemte frister" in body and "Vurdering inden 24 timer" in body
    assert "Overholdt" in body  # triage assessed the concern in time
    assert "Kvittering inden 6 hverdage" in body and "Løber" in body
    assert "Sagsansvarlig" in body and cast["sagsbehandler"].display_name in body
    assert body.index("Regler for sikker kontakt") < body.index("Tidslinje")
    assert body.index("Sagens team") > body.index("Tidslinje")  # the side panel follows the main column


def test_a_note_is_added_in_place_with_htmx(clients, cast, routing):
    case = make_case(cast)
    response = clients["sagsbehandler"].post(
        reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": "Notat i stedet"}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.startswith('<section id="timeline-section"') and "Notat i stedet" in body
    assert "Indførslen er tilføjet tidslinjen." in body  # the feedback is where the reader is


def test_a_note_without_javascript_goes_back_to_the_timeline(clients, cast, routing):
    case = make_case(cast)
    response = clients["sagsbehandler"].post(
        reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": "Notat uden JS"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case-detail", args=[case.pk]) + "#timeline"
    assert TimelineEntry.objects.filter(case=case, kind="note").count() == 1


def test_an_invalid_task_comes_back_in_place_with_its_errors(clients, cast, routing):
    case = make_case(cast)
    url = reverse("cases:task-add", args=[case.pk])
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = clients["sagsbehandler"].post(
        url, {"title": "For sent", "owner": cast["sagsbehandler"].pk, "due_date": past}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 400 and body.startswith('<section id="tasks-section"')
    assert 'id="error-summary"' in body and "Fristen kan ikke ligge i fortiden." in body and " open>" in body
    assert not Task.objects.filter(case=case).exists()
    soon = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = clients["sagsbehandler"].post(
        url, {"title": "Ring til skolen", "owner": cast["sagsbehandler"].pk, "due_date": soon}, **HTMX
    )
    assert response.status_code == 200 and "Ring til skolen" in response.content.decode()


def test_the_timeline_filters_by_kind(clients, cast, routing):
    case = make_case(cast)
    services.entry_add(actor=cast["sagsbehandler"], case=case, kind="meeting", text="Mødet i går")
    services.entry_add(actor=cast["sagsbehandler"], case=case, kind="note", text="Et notat")
    body = _page(clients["sagsbehandler"], case, kind="meeting")
    assert "Mødet i går" in body and "Et notat" not in body
    partial = clients["sagsbehandler"].get(
        reverse("cases:case-detail", args=[case.pk]), {"section": "timeline", "kind": "note"}, **HTMX
    )
    partial = partial.content.decode()
    assert partial.startswith('<section id="timeline-section"') and "Et notat" in partial
    assert "Mødet i går" in _page(clients["sagsbehandler"], case, kind="nonsense")  # an unknown kind shows all


def test_safe_defaults_no_one_preselected_in_the_team_and_tasks_default_to_me(clients, cast, routing):
    case = make_case(cast)
    body = _page(clients["sagsbehandler"], case, form="member")  # a closed form loads when opened
    team = body[body.index('id="member_user"') :]
    team = team[: team.index("</select>")]
    assert '<option value="" selected>Vælg en person</option>' in team
    assert "selected" not in team.replace('<option value="" selected>', "")
    body = _page(clients["sagsbehandler"], case, form="task")
    owner = body[body.index('id="id_owner"') :]
    owner = owner[: owner.index("</select>")]
    assert f'<option value="{cast["sagsbehandler"].pk}" selected>' in owner


def test_adding_a_consultant_asks_first_and_names_what_they_will_see(clients, cast, routing):
    case = make_case(cast)
    url = reverse("cases:member-add", args=[case.pk])
    add = {"user": cast["konsulent"].pk, "role": "security_consultant"}
    response = clients["sagsbehandler"].post(url, add, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "vil kunne se hele sagen" in body and "CPR-nummer" in body
    assert not CaseMember.objects.filter(case=case, user=cast["konsulent"]).exists()
    response = clients["sagsbehandler"].post(url, {**add, "confirm": "1"}, **HTMX)
    assert response.status_code == 200 and "Personen er tilføjet sagens team." in response.content.decode()
    assert CaseMember.objects.filter(case=case, user=cast["konsulent"]).exists()


def test_the_contact_form_offers_only_allowed_channels_and_says_why_others_are_missing(clients, cast, routing):
    case = make_case(cast)
    services.contact_rules_set(
        actor=cast["sagsbehandler"], case=case, allowed=["via_school", "phone"], forbidden=["sms"], never_contact=""
    )
    body = clients["sagsbehandler"].get(reverse("cases:contact", args=[case.pk])).content.decode()
    select = body[body.index('name="channel"') : body.index("</select>")]
    assert 'value="via_school"' in select and 'value="phone"' in select and 'value="sms"' not in select
    assert "Kontaktveje, der ikke kan vælges" in body and "forbyder kontakt via SMS" in body


def test_the_safe_contact_form_lists_each_channel_once(clients, cast, routing):
    case = make_case(cast)
    body = clients["sagsbehandler"].get(reverse("cases:safe-contact", args=[case.pk])).content.decode()
    assert body.count('<th scope="row">SMS</th>') == 1
    assert body.count('name="allowed_channels"') == 7 and body.count('name="forbidden_channels"') == 7


def test_one_menu_item_is_current_and_the_page_has_a_favicon(clients, cast, routing):
    body = clients["sagsbehandler"].get(reverse("cases:my-tasks")).content.decode()
    wide = body[body.index("tryg-nav-wide") : body.index("tryg-nav-narrow")]
    assert wide.count('aria-current="page"') == 1
    current = wide[: wide.index('aria-current="page"')]
    assert current.rstrip().endswith(f'href="{reverse("cases:my-tasks")}" class="nav-link"')
    assert 'rel="icon"' in body and "Menu</summary>" in body


def test_the_team_form_says_so_when_everyone_is_already_on_the_team(clients, cast, routing):
    from tryg.cases.models import CaseMember
    from tryg.cases.selectors import member_candidates

    case = make_case(cast)
    assert "Tilføj til team" in _page(clients["sagsbehandler"], case)
    for user in member_candidates(case):
        CaseMember.objects.create(case=case, user=user, role="participant")
    body = _page(clients["sagsbehandler"], case, form="member")
    assert "Alle, der kan komme på sagens team, er allerede med." in body and 'id="member_user"' not in body
    partial = clients["sagsbehandler"].get(
        reverse("cases:case-detail", args=[case.pk]) + "?form=member", HTTP_HX_REQUEST="true"
    )
    assert partial.status_code == 200 and "allerede med" in partial.content.decode()
