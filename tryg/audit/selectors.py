"""Reading the access log: the search behind the log page, and a person's own access history."""

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from .models import Action, AuditEvent

SEARCH_FIELDS = ("actor", "action", "object_type", "object_id", "subject_type", "subject_id")


# Search periods are clamped to days every database and time zone can represent: a period from 0001-01-01 or
# to 9999-12-31 means "from the beginning" or "until now and later", not an OverflowError.
EARLIEST = date(1900, 1, 1)
LATEST = date(9000, 1, 1)


def _local_midnight(day: date) -> datetime:
    day = min(max(day, EARLIEST), LATEST)
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def search_events(municipality_id: int, filters: dict) -> QuerySet[AuditEvent]:
    """Events of one municipality, newest first. Dates are whole days in Copenhagen time (inclusive)."""
    qs = AuditEvent.objects.filter(municipality_id=municipality_id)
    if filters.get("date_from"):
        qs = qs.filter(at__gte=_local_midnight(filters["date_from"]))
    if filters.get("date_to"):
        qs = qs.filter(at__lt=_local_midnight(min(filters["date_to"], LATEST) + timedelta(days=1)))
    if filters.get("actor"):
        qs = qs.filter(actor_username__iexact=filters["actor"])
    if filters.get("action"):
        qs = qs.filter(action=filters["action"])
    for name in ("object_type", "object_id", "subject_type", "subject_id"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    return qs.order_by("-at", "-id")


def describe_criterion(filters: dict) -> str:
    """The search criterion as one short line for the log's own row (no free text beyond the filters)."""
    parts = []
    for name in ("date_from", "date_to", *SEARCH_FIELDS):
        value = filters.get(name)
        if value:
            parts.append(f"{name}={value.isoformat() if isinstance(value, date) else value}")
    return "; ".join(parts) or "(alle)"


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
