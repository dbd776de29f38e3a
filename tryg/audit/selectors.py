"""Reading the access log: the search behind the log page, and a person's own access history."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tryg.accounts.models import Role

from .models import Action, AuditEvent
from .registry import ROW_DESCRIBERS, Found, RowLabel

# The fixed purposes the accounts app writes in English, shown in Danish (the rows stay as written).
PURPOSE_LABELS = {
    "api token": _("API-nøgle"),
    "api token revoked": _("API-nøgle tilbagekaldt"),
    "demo removed": _("Demodata fjernet"),
    "on duty": _("Vagt"),
    "password": _("Adgangskode"),
    "password changed": _("Adgangskode skiftet"),
    "password reset": _("Adgangskode nulstillet"),
    "totp enrolled": _("Totrinsbekræftelse oprettet"),
    "totp reset by administrator": _("Totrinsbekræftelse nulstillet af administrator"),
    "unit administration": _("Administration af enheder"),
    "user administration": _("Brugeradministration"),
    "user deactivated": _("Bruger deaktiveret"),
    "user reactivated": _("Bruger genaktiveret"),
}
LOG_TYPE = "audit.auditevent"
# What the rows of the lower apps are about (the higher apps describe their own rows through the registry).
TYPE_LABELS = {
    LOG_TYPE: _("Adgangsloggen"),
    "accounts.user": _("Bruger"),
    "accounts.membership": _("Rolle i en enhed"),
    "accounts.unit": _("Enhed"),
    "accounts.municipality": _("Kommune"),
}


# Search periods are clamped to days every database and time zone can represent: a period from 0001-01-01 or
# to 9999-12-31 means "from the beginning" or "until now and later", not an OverflowError.
EARLIEST = date(1900, 1, 1)
LATEST = date(9000, 1, 1)


def _local_midnight(day: date) -> datetime:
    day = min(max(day, EARLIEST), LATEST)
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def _refs_q(found: Found) -> Q:
    q = Q()
    for type_label, ids in found.refs.items():
        ids = [str(i) for i in ids]
        if ids:
            q |= Q(object_type=type_label, object_id__in=ids) | Q(subject_type=type_label, subject_id__in=ids)
    return q


def search_events(municipality_id: int, filters: dict, found: list[Found] = ()) -> QuerySet[AuditEvent]:
    """Events of one municipality, newest first. Dates are whole days in Copenhagen time (inclusive).

    `filters`: date_from, date_to, user (a User), username, unit (a Unit), action. `found`: what the case and
    person lookups found; a row must match each of them (a lookup that found nothing finds no rows)."""
    qs = AuditEvent.objects.filter(municipality_id=municipality_id)
    if filters.get("date_from"):
        qs = qs.filter(at__gte=_local_midnight(filters["date_from"]))
    if filters.get("date_to"):
        qs = qs.filter(at__lt=_local_midnight(min(filters["date_to"], LATEST) + timedelta(days=1)))
    if filters.get("user"):
        qs = qs.filter(actor_id=filters["user"].pk)
    if filters.get("username"):
        qs = qs.filter(actor_username__iexact=filters["username"])
    if filters.get("unit"):
        qs = qs.filter(actor_unit=filters["unit"].name)
    if filters.get("action"):
        qs = qs.filter(action=filters["action"])
    for lookup in found:
        if lookup.empty:
            return qs.none()
        qs = qs.filter(_refs_q(lookup))
    return qs.select_related("actor__municipality").order_by("-at", "-id")


def describe_criterion(filters: dict, found: dict[str, Found] | None = None) -> str:
    """The search criterion as one short line for the log's own row. The case and person parts are the lookups'
    own criteria (a person by keyed hashes of the words searched for, never the name or CPR number itself)."""
    labels = dict(Action.choices)
    words = {"case": "sag", "person": "person"}
    parts = [f"{words.get(kind, kind)}={lookup.criterion}" for kind, lookup in (found or {}).items()]
    if filters.get("user"):
        parts.append(f"medarbejder={filters['user'].username}")
    if filters.get("username"):
        parts.append(f"brugernavn={filters['username']}")
    if filters.get("unit"):
        parts.append(f"enhed={filters['unit'].name}")
    if filters.get("action"):
        parts.append(f"handling={labels.get(filters['action'], filters['action'])}")
    for name, word in (("date_from", "fra"), ("date_to", "til")):
        if filters.get(name):
            parts.append(f"{word}={filters[name].isoformat()}")
    return "; ".join(parts) or "(alle)"


@dataclass
class EventRow:
    """One row of the log as people read it."""

    event: AuditEvent
    at: datetime
    actor: str
    actor_elsewhere: str  # the municipality of an actor from another municipality ("" for the own)
    unit: str
    action: str
    action_label: str
    what: str
    case: str
    person: str
    purpose: str
    detail: str


def _type_label(type_label: str) -> str:
    """A Danish name for a stored type: the model's verbose name, "Side" for a URL name (a refused page)."""
    if not type_label:
        return ""
    if type_label in TYPE_LABELS:
        return str(TYPE_LABELS[type_label])
    if ":" in type_label:
        return str(_("Side"))
    try:
        return capfirst(str(apps.get_model(type_label)._meta.verbose_name))
    except (LookupError, ValueError):
        return str(_("Andet"))


def _builtin_detail(event: AuditEvent) -> str:
    """The stored detail, with the codes the accounts app writes (roles) in Danish."""
    if event.object_type in ("accounts.membership", "accounts.user") and event.detail in Role.values:
        return str(Role(event.detail).label)
    return event.detail


def describe_events(events: list[AuditEvent], *, municipality_id: int, names: bool) -> list[EventRow]:
    """The rows in words, read at once: each registered describer is called once with the rows it is for
    (by object type, else by data subject type); the other rows get the model's name for their type."""
    by_describer: dict = {}
    for event in events:
        describer = ROW_DESCRIBERS.get(event.object_type) or ROW_DESCRIBERS.get(event.subject_type)
        if describer is not None:
            by_describer.setdefault(describer, []).append(event)
    labels: dict[int, RowLabel] = {}
    for describer, rows in by_describer.items():
        labels.update(describer(rows, municipality_id=municipality_id, names=names))
    action_labels = dict(Action.choices)
    tz = timezone.get_default_timezone()
    out = []
    for event in events:
        label = labels.get(event.id) or RowLabel()
        actor = event.actor
        elsewhere = ""
        if actor is not None and actor.municipality_id != municipality_id:
            elsewhere = actor.municipality.name if actor.municipality_id else ""
        out.append(
            EventRow(
                event=event,
                at=event.at.astimezone(tz),
                # Staff of the own municipality by name; others by the username they used.
                actor=actor.display_name if actor is not None and not elsewhere else event.actor_username,
                actor_elsewhere=elsewhere,
                unit=event.actor_unit,
                action=event.action,
                action_label=str(action_labels.get(event.action, event.action)),
                what=label.what or _type_label(event.object_type) or _type_label(event.subject_type),
                case=label.case,
                person=label.person if names else "",
                purpose=str(PURPOSE_LABELS.get(event.purpose, event.purpose)),
                detail=_builtin_detail(event) if label.detail is None else label.detail,
            )
        )
    return out


def subject_access_history(subject_type: str, subject_id: str, municipality_id: int) -> list[dict]:
    """A data subject's access history in one municipality, oldest first, without staff names.

    Each row: {"at": aware datetime in Copenhagen time, "action": code, "action_label": label,
    "unit": the staff member's unit, "purpose": the stated purpose}.
    """
    labels = dict(Action.choices)
    rows = (
        AuditEvent.objects.filter(
            municipality_id=municipality_id, subject_type=subject_type, subject_id=str(subject_id)
        )
        .order_by("at", "id")
        .values_list("at", "action", "actor_unit", "purpose")
    )
    tz = timezone.get_default_timezone()
    return [
        {
            "at": at.astimezone(tz),
            "action": action,
            "action_label": str(labels.get(action, action)),
            "unit": unit,
            "purpose": purpose,
        }
        for at, action, unit, purpose in rows
    ]
