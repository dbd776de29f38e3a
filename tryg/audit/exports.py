"""A data subject's access history as a CSV download (indsigt): one function for every page that offers it."""

import csv

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .models import Action
from .selectors import subject_access_history
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
