"""The access log as CSV downloads: a data subject's access history (indsigt), one function for every page that
offers it, and the coordinator's current search."""

import csv

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Action
from .selectors import LOG_TYPE, describe_criterion, describe_events, search_events, subject_access_history
from .services import audit_record

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def subject_history_response(
    *,
    actor,
    subject_type: str,
    subject_id: str | int,
    purpose: str,
    obj=None,
    filename: str = "adgangshistorik.csv",
) -> HttpResponse:
    """The history of (subject_type, subject_id) in the actor's municipality as CSV: when, what, which unit,
    why; staff names withheld. The export is itself logged (action export, `obj` or the log, `purpose`) in
    the same transaction as the read, so the next export includes it.

    The caller has checked the actor's role and recent re-authentication.
    """
    with transaction.atomic():
        rows = subject_access_history(subject_type, str(subject_id), actor.municipality_id)
        audit_record(
            actor=actor,
            action=Action.EXPORT,
            obj=obj if obj is not None else ("audit.auditevent", ""),
            subject=(subject_type, str(subject_id)),
            purpose=purpose,
            detail=f"{len(rows)} rækker",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Tidspunkt"), _("Handling"), _("Enhed"), _("Formål")])
    for row in rows:
        writer.writerow(
            [
                row["at"].strftime("%Y-%m-%d %H:%M:%S"),
                _cell(row["action_label"]),
                _cell(row["unit"]),
                _cell(row["purpose"]),
            ]
        )
    return response


EXPORT_LIMIT = 10_000  # rows in one file; a longer period is exported in parts
EXPORT_CHUNK = 500  # rows described at a time: the describers' queries grow per chunk, never per row


def search_export_response(*, actor, filters: dict, found: dict, subject, names: bool, purpose: str) -> HttpResponse:
    """The rows of a log search (at most EXPORT_LIMIT, newest first) as CSV, in the words of the page: staff,
    unit, action, what, case number, the person's name when `names`, purpose and detail. The export is logged
    (action export, the criterion and the row count) in the same transaction as the read.

    The caller has checked the actor's role and recent re-authentication, and parsed `filters` and `found`."""
    municipality_id = actor.municipality_id
    with transaction.atomic():
        events = list(search_events(municipality_id, filters, list(found.values()))[:EXPORT_LIMIT])
        rows = []
        for start in range(0, len(events), EXPORT_CHUNK):
            rows += describe_events(events[start : start + EXPORT_CHUNK], municipality_id=municipality_id, names=names)
        audit_record(
            actor=actor,
            action=Action.EXPORT,
            obj=(LOG_TYPE, ""),
            subject=subject,
            purpose=purpose,
            detail=f"{describe_criterion(filters, found)}; {len(rows)} rækker",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"adgangslog-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters correctly
    writer = csv.writer(response, delimiter=";")
    person = [_("Person")] if names else []
    writer.writerow(
        [_("Tidspunkt"), _("Medarbejder"), _("Brugernavn"), _("Anden kommune"), _("Enhed"), _("Handling")]
        + [_("Hvad"), _("Sagsnummer"), *person, _("Formål"), _("Detaljer")]
    )
    for row in rows:
        cells = [row.actor, row.event.actor_username, row.actor_elsewhere, row.unit, row.action_label, row.what]
        cells += [row.case, *([row.person] if names else []), row.purpose, row.detail]
        writer.writerow([row.at.strftime("%Y-%m-%d %H:%M:%S"), *(_cell(str(c)) for c in cells)])
    return response
