"""The consultants' queue rows written by the `consultation_rows` tag carry the markup the template wrote per row:
both are rendered for consultations of every kind (urgency, anonymous or named, with or without a municipality,
unit and holder, every status, a topic with markup to escape, no topic), in Danish and in English."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from tryg.coordination import selectors, services
from tryg.coordination.models import Consultation

from .helpers import ask_about_case, ask_anonymous, make_case

pytestmark = pytest.mark.django_db

# The row as coordination/queue.html wrote it with template tags, before the rows were written in Python.
TEMPLATE_ROW = (
    "{% load i18n tryg %}{% for c in rows %}"
    + (
        '\n  <tr{% if c.urgency == \'acute\' %} class="tryg-acute"{% endif %}>\n    <td data-label="{% '
        "trans 'Hastegrad' %}\">{% if c.urgency == 'acute' %}<span class=\"badge badge-error\">{{ c.ge"
        "t_urgency_display }}</span>{% elif c.urgency == 'urgent' %}<span class=\"badge badge-warnin"
        'g">{{ c.get_urgency_display }}</span>{% else %}{{ c.get_urgency_display }}{% endif %}</td>'
        "\n    <td data-label=\"{% trans 'Emne' %}\"><a href=\"{% url 'coordination:consultation-detail"
        '\' c.pk %}">{{ c.topic|default:_("Henvendelse fra en borger") }}</a><br><span class="tryg-m'
        'uted">{% if c.is_anonymous %}{% trans "Anonym" %}{% else %}{% trans "Navngiven" %}{% endif'
        " %} · {{ c.get_asker_type_display }}</span></td>\n    <td data-label=\"{% trans 'Fra' %}\">{{"
        ' c.municipality.name|default:_("Ingen kommune valgt") }}{% if c.unit %}<br><span class="tr'
        "yg-muted\">{{ c.unit.name }}</span>{% endif %}</td>\n    <td data-label=\"{% trans 'Status' %"
        '}">{% include "coordination/includes/status_badge.html" %}</td>\n    <td data-label="{% tra'
        "ns 'Alder' %}\">{% blocktrans count d=c.age_days %}{{ d }} dag{% plural %}{{ d }} dage{% en"
        'dblocktrans %}<br><span class="tryg-muted">{{ c.created_at|dato }}</span></td>\n    <td dat'
        "a-label=\"{% trans 'Har den' %}\">{% if c.holder %}{{ c.holder.display_name }}{% else %}<spa"
        'n class="tryg-muted">{% trans "Ingen endnu" %}</span>{% endif %}</td>\n  </tr>'
    )
    + "{% endfor %}"
)


def _rows(cast):
    made = [  # (a citizen's question through the public site has no topic, set below)
        ask_anonymous(cast, topic='Akut <b>&</b> "citat"', urgency="acute"),
        ask_anonymous(cast, topic="Haster", urgency="urgent", role="sagsbehandler"),
        ask_anonymous(cast, topic="Uden emne", urgency="normal", role="tovholder"),
        ask_anonymous(cast, topic="Tildelt", role="partner"),
    ]
    case = make_case(cast, name="Navngiven Række")
    made.append(ask_about_case(cast, case))  # named, with the legal basis
    services.consultation_assign(actor=cast["konsulent"], consultation=made[3])
    statuses = ["new", "in_progress", "awaiting_answer", "closed", "new"]
    for i, c in enumerate(made):
        Consultation.objects.filter(pk=c.pk).update(
            status=statuses[i], created_at=timezone.now() - timedelta(days=i * 3, hours=i)
        )
    Consultation.objects.filter(pk=made[2].pk).update(municipality=None, unit=None, topic="")
    rows, _ = selectors.queue_page(cast["konsulent"], number=1, status="all", only=selectors.QUEUE_FIELDS)
    return rows


def test_the_rows_are_the_templates_rows_in_danish_and_english(cast, routing):
    from tryg.coordination.templatetags.consultation_rows import consultation_rows

    rows = _rows(cast)
    assert (
        len(rows) == 5
        and any(not c.is_anonymous for c in rows)
        and any(c.municipality is None for c in rows)
        and any(c.holder for c in rows)
    )
    for language in ("da", "en"):
        with translation.override(language):
            expected = Template(TEMPLATE_ROW).render(Context({"rows": rows}))
            assert str(consultation_rows(rows)) == expected, language
    assert "&lt;b&gt;&amp;&lt;/b&gt; &quot;citat&quot;" in expected and "<b>" not in expected


def test_the_queue_page_shows_the_rows_in_a_fixed_number_of_queries(
    clients, cast, routing, django_assert_max_num_queries
):
    _rows(cast)
    client = clients["konsulent"]
    url = reverse("coordination:queue") + "?status=all"
    client.get(url)
    with django_assert_max_num_queries(15):  # the region's municipalities asked once (filter and access)
        body = client.get(url).content.decode()
    assert body.count('<tr class="tryg-acute">') == 1 and "Henvendelse fra en borger" in body
