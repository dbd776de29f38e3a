"""The access log pages: search (coordinator and administrator) and a person's access history export."""

import csv

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tryg.accounts.views import require_recent_auth

from .access import can_export_subject_history, require_log_search, require_subject_export
from .forms import AuditSearchForm, SubjectExportForm
from .models import Action
from .selectors import describe_criterion, search_events, subject_access_history
from .services import audit_record

PAGE_SIZE = 50
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    require_log_search(request.user)
    form = AuditSearchForm(request.GET or None)
    context = {"form": form, "page": None, "can_export": can_export_subject_history(request.user)}
    if request.GET and not form.is_valid():
        return render(request, "audit/search.html", context, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    page = Paginator(search_events(request.user.municipality_id, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    events = list(page.object_list)  # read before this search's own row is written
    criterion = describe_criterion(filters)
    with transaction.atomic():
        # A search for one person's rows is part of that person's access history too.
        subject = (filters["subject_type"], filters["subject_id"]) if filters.get("subject_id") else None
        audit_record(
            actor=request.user,
            action=Action.SEARCH,
            obj=("audit.auditevent", ""),
            subject=subject,
            detail=f"{criterion}; side {page.number}",
            purpose=_("Kontrol af adgangsloggen"),
        )
    query = request.GET.copy()
    query.pop("page", None)
    context.update({"page": page, "events": events, "query": query.urlencode()})
    return render(request, "audit/search.html", context)


@require_GET
def subject_export(request: HttpRequest) -> HttpResponse:
    """A person's own access history as CSV: when, what, which unit and why; staff names withheld."""
    require_subject_export(request.user)
    form = SubjectExportForm(request.GET or None)
    if not request.GET:
        return render(request, "audit/subject_export.html", {"form": form})
    if not form.is_valid():
        return render(request, "audit/subject_export.html", {"form": form}, status=400)
    if (redirect_response := require_recent_auth(request)) is not None:
        return redirect_response
    subject_type, subject_id = form.cleaned_data["subject_type"], form.cleaned_data["subject_id"]
    with transaction.atomic():
        rows = subject_access_history(subject_type, subject_id, request.user.municipality_id)
        audit_record(
            actor=request.user,
            action=Action.EXPORT,
            obj=("audit.auditevent", ""),
            subject=(subject_type, subject_id),
            purpose=_("Indsigt: personens egen adgangshistorik"),
            detail=f"{len(rows)} rækker",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="adgangshistorik.csv"'
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
