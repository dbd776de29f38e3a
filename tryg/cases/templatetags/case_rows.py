"""Rows of the long case-worker lists written in Python, not with an include per row.

The unit queue and "Mine opgaver" show 50 rows with clocks; rendered through `{% include %}` per row they cost
about 0.55 ms a row (~1,000 translation look-ups and 250 date formats a page, 60 % of the queue's time). Here
each fixed text is translated once per language, each URL is reversed once per page, and the markup is the
same as the templates wrote (cases/includes/clocks.html stays for reference in other apps' templates).

The case page's timeline is written the same way (`timeline_rows`, markup of cases/case/timeline.html as it
was): ten entries with their correction forms cost ~40 template nodes each.

    {% load case_rows %}  {% clocks c.clock_list %}  {% queue_rows rows %}  {% task_rows tasks %}
    {% timeline_rows entries case readonly %}  {% case_rows cases %}  {% deadline_rows deadlines %}
"""

from functools import lru_cache

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tryg.core.formats import date_text, datetime_text

from ..models import Case, Concern, TimelineEntry

register = template.Library()
ZERO_UUID = "00000000-0000-0000-0000-000000000000"


@lru_cache(maxsize=16)
def _texts(language: str | None) -> dict[str, SafeString]:
    """The fixed texts of the rows, translated once per language and escaped as the templates wrote them."""
    texts = {
        "overdue": _("Overskredet"),
        "late": _("Overholdt for sent"),
        "kept": _("Overholdt"),
        "running": _("Løber"),
        "due": _("frist"),
        "done_at": _("klaret"),
        "none": _("Ingen lovbestemt frist"),
        "acute": _("Akut"),
        "normal": _("Almindelig"),
        "urgency": _("Hastegrad"),
        "person": _("Person"),
        "received": _("Modtaget"),
        "status": _("Status"),
        "clocks": _("Frister"),
        "overdue_lower": _("overskredet"),
        "mark_done": _("Markér som udført"),
        "assessment": _("Vurdering inden 24 timer"),
        "receipt": _("Kvittering inden 6 hverdage"),
    }
    return {key: escape(text) for key, text in texts.items()}


def _time(value, language: str | None) -> str:
    """<time datetime="…">…</time> of an aware or naive datetime, as the templates wrote it (digits and a month
    name: nothing to escape)."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f'<time datetime="{local.isoformat()}">{datetime_text(local, language)}</time>'


def _badge(clock, t) -> str:
    if clock.overdue:
        return f'<span class="badge badge-error">{t["overdue"]}</span>'
    if clock.stopped and clock.late:
        return f'<span class="badge badge-warning">{t["late"]}</span>'
    if clock.stopped:
        return f'<span class="badge badge-success">{t["kept"]}</span>'
    return f'<span class="badge badge-info">{t["running"]}</span>'


_CLOCK = (
    "<li{cls}>\n  <strong>{label}:</strong>\n  {badge}\n  {text}\n"
    '  <span class="tryg-muted">({due} {at}{done})</span>\n</li>'
)


def clocks_html(clocks, texts: dict[str, str] | None = None) -> SafeString:
    """The clocks of a concern as cases/includes/clocks.html writes them."""
    language = get_language()
    t = texts or _texts(language)
    if not clocks:
        return mark_safe(f'<span class="tryg-muted">{t["none"]}</span>')  # noqa: S308 - escaped text
    items = []
    for clock in clocks:
        stopped = clock.stopped
        done = f"; {t['done_at']} {_time(clock.stopped_at, language)}" if stopped else ""
        items.append(
            _CLOCK.format(
                cls=' class="tryg-overdue"' if clock.overdue else "",
                label=t.get(clock.kind) or escape(clock.label),
                badge=_badge(clock, t),
                text="" if stopped else escape(clock.text),
                due=t["due"],
                at=_time(clock.due_at, language),
                done=done,
            )
        )
    return mark_safe('<ul class="nobullet-list tryg-clocks mb-0">\n' + "".join(items) + "\n</ul>")  # noqa: S308


@register.simple_tag(name="clocks")
def clocks_tag(clocks) -> SafeString:
    return clocks_html(clocks)


def _url_maker(name: str, sentinel):
    """A function pk -> URL of `name`, reversing once (the pattern's one argument replaced per row)."""
    base = reverse(name, args=[sentinel])
    sentinel = str(sentinel)
    return lambda pk: base.replace(sentinel, str(pk), 1)


_QUEUE_ROW = (
    "\n  <tr{cls}>\n"
    '    <td data-label="{t[urgency]}">{urgency}</td>\n'
    '    <td data-label="{t[person]}"><a href="{url}">{name}</a><br><span class="tryg-muted">{group}</span></td>\n'
    '    <td data-label="{t[received]}">{received}</td>\n'
    '    <td data-label="{t[status]}"><span class="badge {badge}">{status}</span></td>\n'
    '    <td data-label="{t[clocks]}">{clocks}</td>\n'
    "  </tr>"
)


@register.simple_tag
def queue_rows(rows) -> SafeString:
    """The unit queue's rows (concern, urgency, person, received, status, clocks)."""
    language = get_language()
    t = _texts(language)
    groups = _escaped_labels(Concern, "target_group", language)
    statuses = _escaped_labels(Concern, "status", language)
    concern_url = _url_maker("cases:concern-detail", ZERO_UUID)
    acute = f'<span class="badge badge-error">{t["acute"]}</span>'
    out = []
    for row in rows:
        c = row["concern"]
        is_acute = c.is_acute
        out.append(
            _QUEUE_ROW.format(
                t=t,
                cls=' class="tryg-acute"' if is_acute else "",
                urgency=acute if is_acute else t["normal"],
                url=concern_url(c.pk),
                name=escape(c.person.name),
                group=groups.get(c.target_group) or escape(c.target_group),
                received=datetime_text(c.received_at, language),
                badge="badge-info" if c.status == "received" else "badge-warning",
                status=statuses.get(c.status) or escape(c.status),
                clocks=clocks_html(row["clocks"], t),
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above


@register.simple_tag(takes_context=True)
def task_rows(context, tasks) -> SafeString:
    """ "Mine opgaver": title, case, deadline and the button that marks the task done."""
    t = _texts(get_language())
    case_url = _url_maker("cases:case-detail", ZERO_UUID)
    done_url = _url_maker("cases:task-done", ZERO_UUID)
    token = conditional_escape(str(context.get("csrf_token", "")))
    today = timezone.localdate()
    out = []
    for task in tasks:
        overdue = task.done_at is None and task.due_date < today
        out.append(
            format_html(
                '<tr><td>{}</td><td><a href="{}">{}</a></td>\n<td{}>{}{}</td>\n<td><form method="post" action="{}">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}"><input type="hidden" name="done" value="1">'
                '<input type="hidden" name="next" value="my-tasks">'
                '<button type="submit" class="button button-secondary">{}</button></form></td></tr>',
                task.title,
                case_url(task.case_id),
                task.case.number,
                mark_safe(' class="tryg-overdue"') if overdue else "",
                date_text(task.due_date),
                format_html(" ({})", t["overdue_lower"]) if overdue else "",
                done_url(task.public_id),
                token,
                t["mark_done"],
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - every part is escaped by format_html


@lru_cache(maxsize=64)
def _labels(model, field: str, language: str | None) -> dict[str, str]:
    """A field's choice labels in `language`, as get_<field>_display gives them (translated once)."""
    return {str(value): str(label) for value, label in model._meta.get_field(field).flatchoices}


@lru_cache(maxsize=64)
def _escaped_labels(model, field: str, language: str | None) -> dict[str, str]:
    """The same, escaped as a template writes them."""
    return {value: str(escape(label)) for value, label in _labels(model, field, language).items()}


@lru_cache(maxsize=16)
def _timeline_texts(language: str | None) -> dict[str, str]:
    """The timeline's fixed texts, translated once per language and escaped as {% trans %} writes them."""
    texts = {
        "system": _("System"),
        "corrects": _("Retter"),
        "earlier": _("en tidligere indførsel"),
        "corrected": _("Rettet senere:"),
        "see": _("se rettelsen"),
        "correct": _("Ret denne indførsel"),
        "correction": _("Rettelse"),
        "save": _("Gem rettelse"),
    }
    return {key: str(escape(text)) for key, text in texts.items()}


_CORRECTS = '<p class="mb-0 tryg-muted">{t[corrects]} <a href="#entry-{pid}">{t[earlier]}</a></p>'
_CORRECTION_FORM = (
    '\n    <details class="details"><summary class="details-summary">{t[correct]}</summary><div class="details-text">'
    '\n      <form method="post" action="{action}" novalidate hx-post="{action}" hx-target="#timeline-section" '
    'hx-swap="outerHTML">{csrf}'
    '\n        <input type="hidden" name="corrects" value="{pid}"><input type="hidden" name="kind" value="note">'
    '\n        <div class="form-group"><label class="form-label" for="correct-{pid}">{t[correction]}</label>'
    '\n        <textarea class="form-input" name="text" id="correct-{pid}" rows="3"></textarea></div>'
    '\n        <button type="submit" class="button button-secondary">{t[save]}</button>'
    "\n      </form></div></details>\n    "
)


@register.simple_tag(takes_context=True)
def timeline_rows(context, entries, case, readonly) -> SafeString:
    """The case page's timeline entries (cases.selectors.timeline), each with its correction form unless the page
    is read-only or the entry is an event."""
    language = get_language()
    t = _timeline_texts(language)
    kinds, channels = _labels(TimelineEntry, "kind", language), _labels(TimelineEntry, "channel", language)
    action = reverse("cases:entry-add", args=[case.pk])
    csrf = CsrfTokenNode().render(context)
    out = []
    for e in entries:
        pid = e.public_id
        channel = f" {escape(channels.get(e.channel, e.channel))}" if e.channel else ""
        author = escape(e.author.display_name) if e.author else t["system"]
        corrects = _CORRECTS.format(t=t, pid=e.corrects_public) if e.corrects_public else ""
        corrections = ""
        if e.correction_list:
            links = ", ".join(f'<a href="#entry-{c.public_id}">{t["see"]}</a>' for c in e.correction_list)
            corrections = f'<p class="tryg-muted">{t["corrected"]} {links}</p>'
        form = "" if readonly or e.kind == "event" else _CORRECTION_FORM.format(t=t, pid=pid, action=action, csrf=csrf)
        out.append(
            f'\n  <li class="tryg-entry tryg-entry-{escape(e.kind)}" id="entry-{pid}">\n'
            f'    <p class="mb-0"><span class="badge tryg-badge-neutral">{escape(kinds.get(e.kind, e.kind))}</span>'
            f"{channel}\n"
            f'      <span class="tryg-muted">{escape(datetime_text(e.created_at))} · {author}</span></p>\n'
            f"    {corrects}\n"
            f'    <div class="tryg-text">{linebreaks(e.text, autoescape=True)}</div>\n'
            f"    {corrections}\n"
            f"    {form}\n"
            "  </li>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above


@register.simple_tag(name="case_rows")
def case_rows_tag(cases) -> SafeString:
    """The case list's rows: number (a link to the case), person, status, unit, opened."""
    language = get_language()
    statuses = _escaped_labels(Case, "status", language)
    case_url = _url_maker("cases:case-detail", ZERO_UUID)
    return mark_safe(  # noqa: S308 - every value is escaped
        "".join(
            f'<tr><td><a href="{case_url(c.pk)}">{escape(c.number)}</a></td><td>{escape(c.person.name)}</td>'
            f"<td>{statuses.get(c.status) or escape(c.status)}</td><td>{escape(c.responsible_unit.name)}</td>"
            f"<td>{date_text(c.opened_at, language)}</td></tr>"
            for c in cases
        )
    )


@register.simple_tag
def deadline_rows(deadlines) -> SafeString:
    """ "Mine opgaver": the nearest concern clocks of the user's units (cases.selectors.nearest_deadlines)."""
    language = get_language()
    t = _texts(language)
    concern_url = _url_maker("cases:concern-detail", ZERO_UUID)
    return mark_safe(  # noqa: S308 - every value is escaped
        "".join(
            f'<tr><td><a href="{concern_url(d["concern"].pk)}">{datetime_text(d["concern"].received_at, language)}'
            f"</a></td><td>{clocks_html(d['clocks'], t)}</td></tr>"
            for d in deadlines
        )
    )
