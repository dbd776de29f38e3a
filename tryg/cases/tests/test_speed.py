"""What the speed work (issue 15) changed, held by tests without timing anything: the case page's fixed query
budget with the access rule asked once, closed forms on demand (htmx) with a no-JS fallback, the list rows
written without an include per row (the same markup), capped counts, and dates written as Django wrote them."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tryg.cases import selectors, services
from tryg.cases.templatetags.case_rows import clocks_html
from tryg.core import formats
from tryg.core.testing import QueryBudget

from .api_helpers import colleague, session_client
from .helpers import make_case, make_concern

HTMX = {"HTTP_HX_REQUEST": "true"}


def _squash(html: str) -> str:
    return re.sub(r"\s+", " ", str(html)).replace("> <", "><").strip()


def test_the_case_page_asks_the_access_rule_once_and_keeps_a_fixed_budget(clients, cast, routing):
    case = make_case(cast, name="Budget Berit")
    client = clients["sagsbehandler"]
    url = reverse("cases:case-detail", args=[case.pk])
    client.get(url)
    with QueryBudget() as page:
        assert client.get(url).status_code == 200
    # A case worker of the responsible unit is answered on the case's row: no access query at all.
    assert sum("cases_breakglassaccess" in q for q in page.queries) == 0
    # 16 for the case page itself (the session is not written back, the user comes with the municipality, no
    # EXISTS for "Tilføj til team"), 8 for the panels other apps register (risk: assessments, flag and travel in
    # one, plan, siblings ×2, reassessment; the travel sign from the prefetched concerns; coordination:
    # consultations, referrals, repeat flag). PostgreSQL has one more: the access log chain's advisory lock.
    assert page.count <= (25 if connection.vendor == "postgresql" else 24), "\n".join(page.queries)


def test_closed_forms_load_when_opened_and_open_without_javascript(clients, cast, routing):
    case = make_case(cast, name="Form Frida")
    client = clients["sagsbehandler"]
    url = reverse("cases:case-detail", args=[case.pk])
    body = client.get(url).content.decode()
    assert 'id="id_owner"' not in body and 'id="member_user"' not in body  # not rendered until opened
    assert f'hx-get="{url}?form=task"' in body and f'href="{url}?form=task#tasks"' in body  # htmx, and a link
    assert 'id="id_text"' in body  # the note, the page's first action, is there at once
    fragment = client.get(url, {"form": "task"}, **HTMX)
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    assert 'id="id_owner"' in fragment.content.decode() and 'hx-post="' in fragment.content.decode()
    full = client.get(url, {"form": "task"}).content.decode()  # the no-JS way: the page with that form open
    assert "<html" in full and 'id="id_owner"' in full
    assert re.search(r'<details class="details" open>\s*<summary class="details-summary">Opret opgave', full)
    for name, marker in [
        ("member", 'id="member_user"'),
        ("status", 'id="status_status"'),
        ("link", 'id="link_number"'),
    ]:
        assert marker in client.get(url, {"form": name}, **HTMX).content.decode()


def test_a_reader_by_emergency_grant_gets_no_form(clients, cast, routing):
    case = make_case(cast)
    reader = colleague(cast, "voksen", unit_name="Socialafdelingen, voksne")
    services.break_glass_grant(actor=reader, case=case, reason="Politiet ringede i nat om akut fare.")
    client = session_client(reader)
    url = reverse("cases:case-detail", args=[case.pk])
    client.get(url)
    with QueryBudget() as page:
        body = client.get(url).content.decode()
    # Outside the responsible unit the rule is asked once, the "may change" answer in the same query.
    assert sum("cases_breakglassaccess" in q for q in page.queries) == 1
    assert "nødadgang" in body and "?form=" not in body
    assert client.get(url, {"form": "task"}, **HTMX).status_code == 404
    assert 'id="id_owner"' not in client.get(url, {"form": "task"}).content.decode()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_clock_rows_are_the_markup_of_the_include(cast, routing, language):
    now = timezone.now()
    concerns = [
        make_concern(cast, name="Ur Una"),
        make_concern(cast, name="Ur Ulla", received_at=now - timedelta(days=9)),
    ]
    triaged = make_case(cast, name="Ur Ursula").concerns.get()
    with translation.override(language):
        for concern in [*concerns, triaged]:
            clocks = concern.clocks(now=now)
            expected = render_to_string("cases/includes/clocks.html", {"clocks": clocks})
            assert _squash(clocks_html(clocks)) == _squash(expected)
        assert _squash(clocks_html([])) == _squash(render_to_string("cases/includes/clocks.html", {"clocks": []}))


@pytest.mark.parametrize("language", ["da", "en"])
def test_dates_are_written_as_django_formats_them(language):
    values = [timezone.now(), timezone.now() - timedelta(days=200, hours=7), datetime(2026, 3, 4, 5, 6)]
    with translation.override(language):
        for value in values:
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            assert formats.datetime_text(value) == date_format(local, formats.DATETIME)
            assert formats.date_text(value) == date_format(local, formats.DATE)
        assert formats.date_text(date(2026, 1, 5)) == date_format(date(2026, 1, 5), formats.DATE)


def test_long_lists_count_up_to_a_cap(clients, cast, routing, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    case = make_case(cast)
    worker = cast["sagsbehandler"]
    for i in range(6):
        services.task_add(
            actor=worker, case=case, title=f"T{i}", owner=worker, due_date=timezone.localdate() + timedelta(days=i + 1)
        )
    body = clients["sagsbehandler"].get(reverse("cases:my-tasks")).content.decode()
    assert "1–6 af over 3 åbne opgaver" in body and "T5" in body
    for i in range(5):
        make_concern(cast, name=f"Kø {i}")
    body = clients["sagsbehandler"].get(reverse("cases:queue")).content.decode()
    assert "af over 3 underretninger, der venter" in body


def test_mine_opgaver_rows_keep_their_links_and_buttons(clients, cast, routing):
    case = make_case(cast)
    worker = cast["sagsbehandler"]
    task = services.task_add(
        actor=worker, case=case, title="Ring <til> skolen", owner=worker, due_date=timezone.localdate() + timedelta(1)
    )
    body = clients["sagsbehandler"].get(reverse("cases:my-tasks")).content.decode()
    assert "Ring &lt;til&gt; skolen" in body  # escaped
    assert f'href="{reverse("cases:case-detail", args=[case.pk])}">{case.number}</a>' in body
    assert f'action="{reverse("cases:task-done", args=[task.public_id])}"' in body
    assert 'name="csrfmiddlewaretoken" value="' in body


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_timeline_rows_keep_their_markup(clients, cast, routing, language):
    case = make_case(cast, name="Tids Tove")
    worker = cast["sagsbehandler"]
    note = services.entry_add(actor=worker, case=case, kind="note", text="Mødte <b>Tove</b>\n\nAnden linje")
    fix = services.entry_add(actor=worker, case=case, kind="note", text="Rettet dato", corrects=note)
    event = case.entries.filter(kind="event").first()
    client = clients["sagsbehandler"]
    url = reverse("cases:case-detail", args=[case.pk])
    with translation.override(language):
        body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        correct = translation.gettext("Ret denne indførsel")
    # Each entry: its kind, the text escaped with its paragraphs, the links between an entry and its correction.
    assert f'<li class="tryg-entry tryg-entry-note" id="entry-{note.public_id}">' in body
    assert "<p>Mødte &lt;b&gt;Tove&lt;/b&gt;</p>\n\n<p>Anden linje</p>" in body
    assert f'<a href="#entry-{fix.public_id}">' in body and f'<a href="#entry-{note.public_id}">' in body
    # A correction form under every entry a person wrote, with the page's CSRF token; none under an event.
    assert f'<input type="hidden" name="corrects" value="{note.public_id}">' in body
    assert f'id="correct-{fix.public_id}"' in body
    if event is not None:
        assert f'id="correct-{event.public_id}"' not in body
    assert (
        body.count(f'<summary class="details-summary">{correct}</summary>')
        == case.entries.exclude(kind="event").count()
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    assert f'hx-swap="outerHTML"><input type="hidden" name="csrfmiddlewaretoken" value="{token}">' in body
    # Filtered by kind: only those entries, still with their forms.
    filtered = client.get(url, {"kind": "correction"}).content.decode()
    assert f'id="entry-{fix.public_id}"' in filtered and f'id="entry-{note.public_id}"' not in filtered


def test_a_reader_by_emergency_grant_sees_the_timeline_without_correction_forms(clients, cast, routing):
    case = make_case(cast)
    services.entry_add(actor=cast["sagsbehandler"], case=case, kind="note", text="Et notat")
    reader = colleague(cast, "voksen2", unit_name="Socialafdelingen, voksne")
    services.break_glass_grant(actor=reader, case=case, reason="Politiet ringede i nat om akut fare.")
    body = session_client(reader).get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Et notat" in body and 'name="corrects"' not in body and "Ret denne indførsel" not in body


def test_the_note_forms_empty_fields_come_from_a_cache_per_language_and_a_failed_form_is_rendered(
    clients, cast, routing
):
    from django.core.cache import cache

    case = make_case(cast, name="Cache Carla")
    client = clients["sagsbehandler"]
    url = reverse("cases:case-detail", args=[case.pk])

    def fields(body):  # the form's fields (after the page's CSRF token, which differs per response)
        start = body.index('action="' + reverse("cases:entry-add", args=[case.pk]))
        start = body.index('<div class="form-group', start)
        return body[start : body.index("<button", start)]

    cache.clear()
    fresh = fields(client.get(url).content.decode())
    assert 'id="id_kind"' in fresh and 'id="id_text"' in fresh
    assert fields(client.get(url).content.decode()) == fresh  # from the cache: the same markup
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    assert 'id="id_text"' in english and ">Text<" in english and ">Tekst<" not in english
    del client.cookies["django_language"]
    failed = client.post(reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": ""})
    assert failed.status_code == 400
    body = failed.content.decode()
    assert 'id="id_text-error"' in body and 'aria-invalid="true"' in fields(body)
