"""Walking a card on the staff pages: one step per page, PRG, back, restart, and the outcome."""

from django.urls import reverse

from tryg.actioncards.models import Walk, WalkAnswer
from tryg.core.testing import QueryBudget

from .helpers import chain_card, make_card


def _start(client, version) -> Walk:
    response = client.post(reverse("actioncards:walk-start", args=[version.card.slug]), {"version": version.number})
    assert response.status_code == 302
    walk = Walk.objects.order_by("-started_at").first()
    assert response["Location"] == reverse("actioncards:walk-step", args=[walk.pk])
    return walk


def _answer(client, walk, option, node):
    return client.post(reverse("actioncards:walk-step", args=[walk.pk]), {"option": option, "node": node})


def test_it_lists_published_cards_and_starts_a_walk_without_personal_data(cast, clients):
    version = make_card()
    client = clients["fagperson"]
    page = client.get(reverse("actioncards:card-list"))
    assert page.status_code == 200
    assert "Et lille kort" in page.content.decode()
    walk = _start(client, version)
    assert walk.user == cast["fagperson"] and walk.card_version == version
    assert walk.current_node == "q1" and walk.finished_at is None
    step = client.get(reverse("actioncards:walk-step", args=[walk.pk]))
    html = step.content.decode()
    assert step.status_code == 200
    assert 'class="step-indicator' in html and 'aria-current="step"' in html
    assert "<fieldset" in html and "<legend" in html and "Er barnet i fare?" in html
    assert 'type="radio"' in html


def test_it_walks_to_an_outcome_recording_answers_with_timestamps(cast, clients):
    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    assert _answer(client, walk, "nej", "q1").status_code == 302
    instruction = client.get(reverse("actioncards:walk-step", args=[walk.pk])).content.decode()
    assert "Tal med din leder" in instruction and "Skriv ned, hvad du har set" in instruction
    assert _answer(client, walk, "", "i1").status_code == 302  # an instruction only moves on
    assert _answer(client, walk, "ja", "q2").status_code == 302
    walk.refresh_from_db()
    assert walk.is_finished and walk.outcome_node == "slut-underret"
    answers = list(walk.answers.all())
    assert [(a.position, a.node_key, a.option_id) for a in answers] == [
        (1, "q1", "nej"),
        (2, "i1", "next"),
        (3, "q2", "ja"),
    ]
    assert answers[0].question == "Er barnet i fare?" and answers[0].option_label == "Nej"
    assert all(a.answered_at is not None for a in answers)
    outcome = client.get(reverse("actioncards:walk-step", args=[walk.pk])).content.decode()
    assert "Underret kommunen" in outcome and "Tal ikke med forældrene om det" in outcome
    assert "data-print" in outcome


def test_it_shows_the_concern_button_or_the_saved_walk_note(cast, clients):
    from django.urls import NoReverseMatch

    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    _answer(client, walk, "ja", "q1")
    html = client.get(reverse("actioncards:walk-step", args=[walk.pk])).content.decode()
    try:
        url = reverse("cases:concern-create") + f"?walk={walk.pk}"
    except NoReverseMatch:
        assert "Forløbet er gemt" in html and "Mine forløb" in html
    else:
        assert "Opret underretning" in html and url in html


def test_it_goes_back_one_step_and_drops_later_answers(cast, clients):
    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    _answer(client, walk, "nej", "q1")
    _answer(client, walk, "", "i1")
    _answer(client, walk, "nej", "q2")
    walk.refresh_from_db()
    assert walk.is_finished
    response = client.post(reverse("actioncards:walk-back", args=[walk.pk]), {"node": "slut-ro"})
    assert response.status_code == 302
    walk.refresh_from_db()
    assert walk.current_node == "q2" and not walk.is_finished and walk.outcome_node == ""
    assert list(walk.answers.values_list("node_key", flat=True)) == ["q1", "i1"]
    # A double submit of the same back form is refused: the step it names is no longer current.
    client.post(reverse("actioncards:walk-back", args=[walk.pk]), {"node": "slut-ro"})
    assert WalkAnswer.objects.filter(walk=walk).count() == 2


def test_it_restarts_from_the_first_step_on_the_same_version(cast, clients):
    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    _answer(client, walk, "nej", "q1")
    response = client.post(reverse("actioncards:walk-restart", args=[walk.pk]), {"node": "i1"})
    assert response.status_code == 302
    walk.refresh_from_db()
    assert walk.current_node == "q1" and walk.answers.count() == 0 and walk.card_version == version


def test_it_rerenders_a_question_without_an_answer_with_the_error_summary(cast, clients):
    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    response = _answer(client, walk, "", "q1")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html and "Vælg et svar." in html
    assert html.index('id="error-summary"') < html.index("<h1")
    response = _answer(client, walk, "maaske", "q1")
    assert response.status_code == 400 and "Vælg en af svarmulighederne." in response.content.decode()
    assert walk.answers.count() == 0


def test_it_refuses_a_stale_form_and_answers_to_a_finished_walk(cast, clients):
    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    _answer(client, walk, "ja", "q1")  # finished at slut-akut
    response = _answer(client, walk, "ja", "q1")
    assert response.status_code == 302
    walk.refresh_from_db()
    assert walk.answers.count() == 1 and walk.outcome_node == "slut-akut"
    walk2 = _start(client, version)
    _answer(client, walk2, "nej", "q1")
    _answer(client, walk2, "ja", "q1")  # the browser's back button: the page showed q1 again
    assert list(walk2.answers.values_list("node_key", flat=True)) == ["q1"]


def test_it_lists_my_walks_to_resume_and_hides_other_users_walks(cast, clients):
    version = make_card()
    walk = _start(clients["fagperson"], version)
    other = _start(clients["sagsbehandler"], version)
    html = clients["fagperson"].get(reverse("actioncards:walk-list")).content.decode()
    assert reverse("actioncards:walk-step", args=[walk.pk]) in html
    assert str(other.pk) not in html
    assert clients["fagperson"].get(reverse("actioncards:walk-step", args=[other.pk])).status_code == 404
    assert (
        clients["fagperson"].post(reverse("actioncards:walk-back", args=[other.pk]), {"node": "q1"}).status_code == 404
    )
    assert clients["outsider"].get(reverse("actioncards:card-detail", args=["lille-kort"])).status_code == 404


def test_it_costs_the_same_queries_per_step_on_a_small_and_a_200_node_card(cast, clients):
    client = clients["fagperson"]
    small = make_card(chain_card(3, slug="lille-kaede"))
    large = make_card(chain_card(100, slug="stor-kaede"))
    assert len(large.graph["nodes"]) == 201
    counts = []
    for version in (small, large):
        walk = _start(client, version)
        _answer(client, walk, "videre", "q0")  # warm up sessions and caches
        with QueryBudget() as get_step:
            assert client.get(reverse("actioncards:walk-step", args=[walk.pk])).status_code == 200
        with QueryBudget() as post_step:
            assert _answer(client, walk, "videre", "q1").status_code == 302
        counts.append((get_step.count, post_step.count))
    assert counts[0] == counts[1], counts


def test_it_summarises_a_walk_for_the_concern_form(cast, clients):
    from tryg.actioncards.selectors import walk_summary

    version = make_card()
    client = clients["fagperson"]
    walk = _start(client, version)
    assert walk_summary(walk)["outcome"] is None
    _answer(client, walk, "nej", "q1")
    _answer(client, walk, "", "i1")
    _answer(client, walk, "ja", "q2")
    walk.refresh_from_db()
    summary = walk_summary(walk)
    assert summary["card_title"] == "Et lille kort" and summary["card_slug"] == "lille-kort"
    assert summary["version"] == 1
    assert [(a["question"], a["answer"]) for a in summary["answers"]] == [
        ("Er barnet i fare?", "Nej"),
        ("Tal med din leder", "Videre"),
        ("Er du stadig bekymret?", "Ja, stadig"),
    ]
    assert summary["outcome"] == {
        "title": "Underret kommunen",
        "text": "Send en underretning.",
        "actions": ["Underret i dag", "Tal ikke med forældrene om det"],
        "create_concern": True,
        "target_group": "child",
    }


def test_it_offers_action_cards_in_the_menu_and_on_the_start_page(cast, clients):
    html = clients["partner"].get(reverse("core:start")).content.decode()
    assert f'href="{reverse("actioncards:card-list")}"' in html
    assert "Handlekort" in html


def test_it_keeps_my_walks_list_flat_in_queries(cast, clients):
    from tryg.core.testing import assert_flat_queries

    version = make_card()
    client = clients["fagperson"]

    def make(n):
        for _ in range(n):
            _start(client, version)

    assert_flat_queries(make, lambda: client.get(reverse("actioncards:walk-list")))
