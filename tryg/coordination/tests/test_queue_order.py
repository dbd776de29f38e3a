"""The consultants' queue order (most urgent first, then oldest first) at its boundaries, kept by the stored rank
the queue's indexes serve, and its capped total."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.coordination import selectors, services
from tryg.coordination.models import Consultation

from .helpers import ask_anonymous

pytestmark = pytest.mark.django_db


def _ask(cast, topic, *, urgency="normal", days_ago=0, role="fagperson", at=None):
    consultation = ask_anonymous(cast, role=role, topic=topic, urgency=urgency)
    created = at or timezone.now() - timedelta(days=days_ago)
    Consultation.objects.filter(pk=consultation.pk).update(created_at=created)
    return consultation


def _topics(response):
    assert response.status_code == 200
    return [c.topic for c in response.context["rows"]]


def test_the_queue_puts_acute_then_urgent_then_normal_and_the_oldest_first_within_each(clients, cast):
    _ask(cast, "Normal gammel", days_ago=300)
    _ask(cast, "Haster ny", urgency="urgent", days_ago=1)
    _ask(cast, "Akut ny", urgency="acute", days_ago=0)
    _ask(cast, "Normal ny", days_ago=0)
    _ask(cast, "Haster gammel", urgency="urgent", days_ago=200, role="outsider")
    _ask(cast, "Akut gammel", urgency="acute", days_ago=100)
    topics = _topics(clients["konsulent"].get(reverse("coordination:queue")))
    assert topics == ["Akut gammel", "Akut ny", "Haster gammel", "Haster ny", "Normal gammel", "Normal ny"]


def test_a_new_acute_question_goes_before_a_year_old_normal_one_and_equal_times_keep_one_order(clients, cast):
    moment = timezone.now() - timedelta(days=2)
    twins = [_ask(cast, f"Samme tid {i}", at=moment) for i in range(3)]
    _ask(cast, "Et år gammel", days_ago=365)
    _ask(cast, "Akut lige nu", urgency="acute")
    topics = _topics(clients["konsulent"].get(reverse("coordination:queue")))
    twins_in_order = [f"Samme tid {i}" for i in sorted(range(3), key=lambda i: str(twins[i].pk))]
    assert topics == ["Akut lige nu", "Et år gammel", *twins_in_order]


def test_the_pages_split_the_order_without_gaps_or_repeats(clients, cast, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    moment = timezone.now() - timedelta(days=1)
    for i, urgency in enumerate(["normal", "acute", "urgent", "normal", "acute"]):
        _ask(cast, f"F{i}", urgency=urgency, at=moment if i % 2 else moment - timedelta(hours=i))
    client = clients["konsulent"]
    pages = [_topics(client.get(reverse("coordination:queue") + f"?page={n}")) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [2, 2, 1]
    everything = [c.topic for c in selectors.queue_queryset(cast["konsulent"])]
    assert [t for p in pages for t in p] == everything
    assert everything[:2] == ["F4", "F1"] and everything[2] == "F2"


def test_closed_ones_leave_the_open_queue_and_keep_their_place_in_all(clients, cast):
    closed = _ask(cast, "Akut lukket", urgency="acute", days_ago=10)
    services.consultation_close(actor=cast["konsulent"], consultation=closed, advice="Råd givet.")
    _ask(cast, "Akut åben", urgency="acute", days_ago=5)
    _ask(cast, "Almindelig", days_ago=50)
    client = clients["konsulent"]
    assert _topics(client.get(reverse("coordination:queue"))) == ["Akut åben", "Almindelig"]
    assert _topics(client.get(reverse("coordination:queue") + "?status=all")) == [
        "Akut lukket",
        "Akut åben",
        "Almindelig",
    ]
    assert _topics(client.get(reverse("coordination:queue") + "?status=closed")) == ["Akut lukket"]


def test_the_filtered_forms_keep_the_order(clients, cast):
    hjorring = cast["outsider"].municipality_id
    _ask(cast, "Aalborg akut", urgency="acute", days_ago=1)
    _ask(cast, "Hjørring normal", role="outsider", days_ago=30)
    _ask(cast, "Hjørring haster", urgency="urgent", role="outsider", days_ago=2)
    _ask(cast, "Hjørring akut", urgency="acute", role="outsider", days_ago=0)
    client = clients["konsulent"]
    url = reverse("coordination:queue") + f"?municipality={hjorring}"
    assert _topics(client.get(url)) == ["Hjørring akut", "Hjørring haster", "Hjørring normal"]
    assert _topics(client.get(url + "&status=new")) == ["Hjørring akut", "Hjørring haster", "Hjørring normal"]
    api = client.get(reverse("coordination-api:consultation-list") + "?scope=queue").json()
    assert [row["topic"] for row in api] == ["Aalborg akut", "Hjørring akut", "Hjørring haster", "Hjørring normal"]


def test_the_stored_rank_follows_the_urgency_on_every_kind_of_write(cast):
    one = _ask(cast, "En")
    assert Consultation.objects.get(pk=one.pk).queue_rank == 2
    Consultation.objects.filter(pk=one.pk).update(urgency=Consultation.Urgency.ACUTE)
    assert Consultation.objects.get(pk=one.pk).queue_rank == 0
    rows = [
        Consultation(region=one.region, municipality=one.municipality, asker_type="professional", urgency=u)
        for u in ("urgent", "normal", "acute")
    ]
    Consultation.objects.bulk_create(rows)
    ranks = dict(Consultation.objects.filter(pk__in=[r.pk for r in rows]).values_list("urgency", "queue_rank"))
    assert ranks == {"acute": 0, "urgent": 1, "normal": 2}


def test_a_long_queue_counts_only_up_to_a_cap(clients, cast, monkeypatch):
    from tryg.cases import selectors as case_selectors

    monkeypatch.setattr(case_selectors, "COUNT_CAP", 3)
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    for i in range(6):
        _ask(cast, f"Nr {i}", days_ago=i)
    response = clients["konsulent"].get(reverse("coordination:queue"))
    assert response.context["total_cap"] == 3 and response.context["next_page"] == 2
    assert "1–2 af over 3 forespørgsler" in response.content.decode()
    last = clients["konsulent"].get(reverse("coordination:queue") + "?page=3")
    assert last.context["total_cap"] is None and last.context["next_page"] is None
    assert _topics(last) == ["Nr 1", "Nr 0"]


def test_only_consultants_get_the_queue(clients, cast):
    _ask(cast, "Skjult")
    for role in ("fagperson", "sagsbehandler", "tovholder", "partner", "admin", "outsider"):
        assert clients[role].get(reverse("coordination:queue")).status_code == 404
        url = reverse("coordination-api:consultation-list") + "?scope=queue"
        assert clients[role].get(url).status_code == 404
