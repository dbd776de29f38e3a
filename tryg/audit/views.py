"""The access log pages: search and its CSV export (coordinator and administrator), and a person's access
history export (coordinator)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tryg.accounts.views import require_recent_auth
from tryg.core.forms import form_errors_from
from tryg.core.paging import Page, page_number
from tryg.core.stash import redirect_to_stash, search_data

from .access import can_export_subject_history, can_see_names, require_log_search, require_subject_export
from .exports import search_export_response, subject_history_response
from .forms import AuditSearchForm, SubjectExportForm
from .models import Action
from .registry import SUBJECT_RESOLVERS, Found
from .selectors import LOG_TYPE, describe_criterion, describe_events, search_events
from .services import audit_record, checkpoints_json

PAGE_SIZE = 50
LOOKUP_FIELDS = {"case": "case_number", "person": "person"}
# A person's name or CPR number is posted and kept in the session (core.stash), never put in the URL.
SENSITIVE = frozenset({"person"})
STASH_SCOPE = "audit:search"


def _form(request: HttpRequest) -> AuditSearchForm:
    data, expired = search_data(request, scope=STASH_SCOPE, sensitive=SENSITIVE)
    form = AuditSearchForm(
        data,
        municipality_id=request.user.municipality_id,
        kinds=tuple(SUBJECT_RESOLVERS),
        names=can_see_names(request.user),
    )
    form.expired = expired  # a ?s= key the session no longer knows: the page asks to search again
    return form


def _lookups(form: AuditSearchForm, municipality_id: int) -> dict[str, Found]:
    """Resolve the case number and the person through the registered resolvers; ValidationError on the field."""
    found = {}
    for kind, name in LOOKUP_FIELDS.items():
        text = form.cleaned_data.get(name)
        if text and kind in SUBJECT_RESOLVERS:
            try:
                found[kind] = SUBJECT_RESOLVERS[kind](municipality_id, text)
            except ValidationError as exc:
                raise ValidationError({name: exc.messages}) from None
    return found


def _parse(request: HttpRequest):
    """(form, filters, found) for a valid search, or (form, None, None) with the errors on the form."""
    form = _form(request)
    if not form.is_bound:
        return form, {}, {}
    if not form.is_valid():
        return form, None, None
    try:
        found = _lookups(form, request.user.municipality_id)
    except ValidationError as exc:
        form_errors_from(form, exc)
        return form, None, None
    return form, form.cleaned_data, found


def _search_subject(found: dict[str, Found]):
    """The one data subject the search is about (it then belongs to that person's access history), else None."""
    subjects = {tuple(s) for lookup in found.values() for s in lookup.subjects}
    return subjects.pop() if len(subjects) == 1 else None


@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    require_log_search(request.user)
    if request.method == "POST":
        return redirect_to_stash(request, scope=STASH_SCOPE)
    names = can_see_names(request.user)
    form, filters, found = _parse(request)
    context = {
        "form": form,
        "page": None,
        "names": names,
        "can_export": can_export_subject_history(request.user),
        "search_expired": form.expired,
    }
    number = page_number(request)
    if number is None:
        context["bad_page"] = True
        return render(request, "audit/search.html", context, status=400)
    if filters is None:
        return render(request, "audit/search.html", context, status=400)
    municipality_id = request.user.municipality_id
    events_qs = search_events(municipality_id, filters, list(found.values()))
    total = events_qs.count()
    number = min(number, max(1, -(-total // PAGE_SIZE)))  # past the end: the last page
    offset = (number - 1) * PAGE_SIZE
    events = list(events_qs[offset : offset + PAGE_SIZE])  # read before this search's own row is written
    rows = describe_events(events, municipality_id=municipality_id, names=names)
    criterion = describe_criterion(filters, found)
    with transaction.atomic():
        # A search for one person's rows is part of that person's access history too.
        audit_record(
            actor=request.user,
            action=Action.SEARCH,
            obj=(LOG_TYPE, ""),
            subject=_search_subject(found),
            detail=f"{criterion}; side {number}",
            purpose=_("Kontrol af adgangsloggen"),
        )
    query = request.GET.copy()
    query.pop("page", None)
    page = Page(number=number, size=PAGE_SIZE, shown=len(rows), total=total)
    context.update(
        {
            "page": page.as_context() | {"pages": max(1, -(-total // PAGE_SIZE))},
            "rows": rows,
            "events": events,
            "query": query.urlencode(),
            "not_found": [kind for kind, lookup in found.items() if lookup.empty],
            "truncated": any(lookup.truncated for lookup in found.values()),
            "searched": form.is_bound,
        }
    )
    return render(request, "audit/search.html", context)


@require_GET
def search_export(request: HttpRequest) -> HttpResponse:
    """The current search as CSV (semicolons, BOM, formula guard), after re-authentication; logged as an export."""
    require_log_search(request.user)
    names = can_see_names(request.user)
    form, filters, found = _parse(request)
    if filters is None:
        context = {"form": form, "page": None, "names": names, "can_export": can_export_subject_history(request.user)}
        return render(request, "audit/search.html", context, status=400)
    if (redirect_response := require_recent_auth(request)) is not None:
        return redirect_response
    return search_export_response(
        actor=request.user,
        filters=filters,
        found=found,
        subject=_search_subject(found),
        names=names,
        purpose=_("Eksport af adgangsloggen"),
    )


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
