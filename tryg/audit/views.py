"""The access log pages: search (coordinator and administrator) and a person's access history export."""

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tryg.accounts.views import require_recent_auth

from .access import can_export_subject_history, require_log_search, require_subject_export
from .exports import subject_history_response
from .forms import AuditSearchForm, SubjectExportForm
from .models import Action
from .selectors import describe_criterion, search_events
from .services import audit_record, checkpoints_json

PAGE_SIZE = 50


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
    return subject_history_response(
        actor=request.user,
        subject_type=form.cleaned_data["subject_type"],
        subject_id=form.cleaned_data["subject_id"],
        purpose=_("Indsigt: personens egen adgangshistorik"),
    )


@require_GET
def checkpoints(request: HttpRequest) -> HttpResponse:
    """The signed checkpoints of the own municipality's chain, as JSON lines, for the coordinator to keep outside
    Tryg's database (`manage.py audit_verify --checkpoints FILE` checks the log against such a copy). They hold
    hashes and signatures only, no personal data."""
    require_log_search(request.user)
    response = HttpResponse(checkpoints_json(request.user.municipality_id), content_type="application/jsonl")
    name = f"tryg-adgangslog-checkpoints-{timezone.localdate():%Y-%m-%d}.jsonl"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
