"""The consultants' queue rows written in Python, not with template tags per cell (as cases' `case_rows`).

Fifty rows through the template cost a `{% url %}`, a `{% blocktrans count %}`, an `{% include %}` and a dozen
translations each. Here the fixed texts and choice labels are translated once per language, the URL is reversed
once per page, and only the values from the data are escaped per row. The markup is the template's as it was
(coordination/tests/test_queue_rows.py renders both and compares).

    {% load consultation_rows %}  <tbody>{% consultation_rows rows %}</tbody>
"""

from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tryg.core.formats import date_text

from ..models import Consultation

register = template.Library()
ZERO_UUID = "00000000-0000-0000-0000-000000000000"
STATUS_BADGES = {"new": "badge-info", "closed": "tryg-badge-neutral", "awaiting_answer": "badge-success"}


@register.filter
def status_badge(status: str) -> str:
    """The badge class of a consultation's status (coordination/includes/status_badge.html and the queue rows)."""
    return STATUS_BADGES.get(status, "badge-warning")


_ROW = (
    '\n  <tr{cls}>\n    <td data-label="{t[urgency]}">{urgency}</td>\n'
    '    <td data-label="{t[topic]}"><a href="{url}">{topic}</a><br>'
    '<span class="tryg-muted">{kind} · {asker}</span></td>\n'
    '    <td data-label="{t[from]}">{municipality}{unit}</td>\n'
    '    <td data-label="{t[status]}"><span class="badge {badge}">{status}</span>\n</td>\n'
    '    <td data-label="{t[age]}">{age}<br><span class="tryg-muted">{created}</span></td>\n'
    '    <td data-label="{t[holder]}">{holder}</td>\n  </tr>'
)


@lru_cache(maxsize=16)
def _texts(language: str | None) -> dict:
    """Fixed texts and choice labels, translated once per language and escaped as the template wrote them."""
    texts = {
        "urgency": _("Hastegrad"),
        "topic": _("Emne"),
        "from": _("Fra"),
        "status": _("Status"),
        "age": _("Alder"),
        "holder": _("Har den"),
        "citizen": _("Henvendelse fra en borger"),
        "anonymous": _("Anonym"),
        "named": _("Navngiven"),
        "no_municipality": _("Ingen kommune valgt"),
        "nobody": _("Ingen endnu"),
    }
    out = {key: str(escape(text)) for key, text in texts.items()}
    for field in ("urgency", "status", "asker_type"):
        out[field + "_labels"] = {
            str(value): str(escape(label)) for value, label in Consultation._meta.get_field(field).flatchoices
        }
    return out


def _label(t: dict, field: str, value: str) -> str:
    return t[field + "_labels"].get(value) or str(escape(value))


@register.simple_tag
def consultation_rows(rows):
    """The queue's rows: urgency, topic and who asked, from where, status, age, who holds it."""
    language = get_language()
    t = _texts(language)
    base = reverse("coordination:consultation-detail", args=[ZERO_UUID])
    now = timezone.now()
    out = []
    for c in rows:
        urgency = _label(t, "urgency", c.urgency)
        if c.urgency == "acute":
            urgency = f'<span class="badge badge-error">{urgency}</span>'
        elif c.urgency == "urgent":
            urgency = f'<span class="badge badge-warning">{urgency}</span>'
        days = (now - c.created_at).days
        unit = c.unit
        out.append(
            _ROW.format(
                t=t,
                cls=' class="tryg-acute"' if c.urgency == "acute" else "",
                urgency=urgency,
                url=base.replace(ZERO_UUID, str(c.pk), 1),
                topic=escape(c.topic) if c.topic else t["citizen"],
                kind=t["anonymous"] if c.is_anonymous else t["named"],
                asker=_label(t, "asker_type", c.asker_type),
                municipality=escape(c.municipality.name)
                if c.municipality and c.municipality.name
                else t["no_municipality"],
                unit=f'<br><span class="tryg-muted">{escape(unit.name)}</span>' if unit else "",
                badge=status_badge(c.status),
                status=_label(t, "status", c.status),
                age=escape(ngettext("%(d)s dag", "%(d)s dage", days) % {"d": days}),
                created=date_text(c.created_at, language),
                holder=escape(c.holder.display_name) if c.holder else f'<span class="tryg-muted">{t["nobody"]}</span>',
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - every value from the data is escaped above
