"""Pages of the knowledge base (hjælperedskab): search, entries, versions, and editing for the tovholder.

Knowledge entries hold no personal data, so reading them writes no access-log rows.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tryg.core.forms import form_errors_from
from tryg.core.paging import Page, offset_for

from . import access, diffs, selectors, services
from .citations import law_changes_for
from .forms import EntryForm, SearchForm
from .models import Entry

PAGE_SIZE = 20


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    page = None
    status = 200
    if not request.GET or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        page_no = data.get("page") or 1
        filters = form.filters() if form.is_bound else {}
        page = selectors.search_entries(
            request.user.municipality_id,
            data.get("q", ""),
            offset=offset_for(page_no, PAGE_SIZE),
            limit=PAGE_SIZE,
            **filters,
        )
        pager = Page(number=page_no, size=PAGE_SIZE, shown=len(page.hits), total=page.total).as_context()
        page.number = page_no
        page.has_previous = pager["previous_page"] is not None
        page.has_next = pager["next_page"] is not None
        params = {k: v for k, v in request.GET.items() if k != "page" and v}
        page.previous_url = "?" + urlencode({**params, "page": page_no - 1})
        page.next_url = "?" + urlencode({**params, "page": page_no + 1})
    else:
        status = 400
    template = "knowledge/_results.html" if request.htmx and not form.errors else "knowledge/search.html"
    return render(request, template, {"form": form, "page": page}, status=status)


def _entry_context(request, entry: Entry) -> dict:
    municipality_id = request.user.municipality_id
    selectors.attach_replacements([entry], municipality_id)
    links = selectors.linked_entries(entry, municipality_id)
    cited_by = selectors.citing_entries(entry, municipality_id)
    selectors.attach_replacements(cited_by, municipality_id)
    user = request.user
    overrides_national = False
    if not entry.is_national:
        overrides_national = Entry.objects.current().national().filter(slug=entry.slug).exists()
    return {
        "entry": entry,
        "links": links,
        "cited_by": cited_by,
        "can_edit": access.can_edit(user, entry),
        "can_override": entry.is_national and access.edits_own_municipality(user),
        "overrides_national": overrides_national,
    }


@require_GET
def entry_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entry = access.entry_for_user(request.user, slug)
    return render(request, "knowledge/entry.html", _entry_context(request, entry))


@require_GET
def entry_history(request: HttpRequest, slug: str) -> HttpResponse:
    entry = access.entry_for_user(request.user, slug)
    versions = list(selectors.entry_versions(entry))
    return render(request, "knowledge/history.html", {"entry": entry, "versions": versions})


@require_GET
def entry_version(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    entry = access.entry_version_for_user(request.user, slug, version)
    context = _entry_context(request, entry)
    context["historic"] = not entry.is_current
    return render(request, "knowledge/entry.html", context)


@require_GET
def entry_diff(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    """What changed in this version against the one before it: who, when and which fields."""
    entry = access.entry_version_for_user(request.user, slug, version)
    previous = diffs.previous_version(entry)
    context = {"entry": entry, "previous": previous, "changes": diffs.entry_changes(previous, entry)}
    return render(request, "knowledge/entry_diff.html", context)


@require_GET
def law_changes(request: HttpRequest) -> HttpResponse:
    """Lovændringer: repealed or superseded provisions and every card, entry and label that cites them."""
    access.require_manager(request.user)
    return render(request, "knowledge/law_changes.html", {"changes": law_changes_for(request.user)})


# Editing (tovholder; national entries with the knowledge.edit_national permission) --------------------


@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    access.require_manager(request.user)
    entries = list(selectors.managed_entries(access.editable_scope(request.user)))
    return render(
        request,
        "knowledge/manage.html",
        {"entries": entries, "due_count": sum(1 for e in entries if e.is_current and e.is_review_due)},
    )


@require_GET
def review_due(request: HttpRequest) -> HttpResponse:
    access.require_manager(request.user)
    return render(
        request,
        "knowledge/review_due.html",
        {"entries": list(selectors.review_due(access.editable_scope(request.user)))},
    )


@require_http_methods(["GET", "POST"])
def entry_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    access.require_manager(user)
    may_national = access.edits_national(user)
    may_own = access.edits_own_municipality(user)
    form = EntryForm(
        request.POST or None,
        creating=True,
        national_choice=may_national and may_own,
        link_scope=user.municipality_id if may_own else None,
    )
    if request.method == "POST" and form.is_valid():
        national = form.cleaned_data.get("national", False) or not may_own
        municipality = None if national else user.municipality
        try:
            entry = services.entry_create_draft(
                actor=user, municipality=municipality, slug=form.cleaned_data["slug"], **form.content()
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Kladden er gemt. Offentliggør den, når den er klar."))
            return redirect("knowledge:entry-edit", pk=entry.pk)
    status = 400 if form.errors else 200
    return render(request, "knowledge/entry_form.html", {"form": form, "creating": True}, status=status)


@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.editable_entry_for_user(request.user, pk)
    if not entry.is_draft:
        return redirect(entry.get_version_url() if entry.version else entry.get_absolute_url())
    form = EntryForm(
        request.POST or None,
        instance=entry,
        owners=selectors.possible_owners(entry.municipality_id),
        link_scope=entry.municipality_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update_draft(actor=request.user, entry=entry, **form.content())
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Kladden er gemt."))
            return redirect("knowledge:entry-edit", pk=entry.pk)
    current = Entry.objects.scope(entry.municipality_id).current().filter(slug=entry.slug).first()
    status = 400 if form.errors else 200
    return render(
        request,
        "knowledge/entry_form.html",
        {"form": form, "entry": entry, "current": current, "creating": False},
        status=status,
    )


@require_POST
def entry_revise(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.editable_entry_for_user(request.user, pk)
    try:
        draft = services.entry_start_revision(actor=request.user, entry=entry)
    except ValidationError as exc:
        return render(request, "knowledge/bad_request.html", {"errors": exc.messages}, status=400)
    return redirect("knowledge:entry-edit", pk=draft.pk)


@require_POST
def entry_publish(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.editable_entry_for_user(request.user, pk)
    try:
        published = services.entry_publish(actor=request.user, entry=entry)
    except ValidationError as exc:
        return render(request, "knowledge/bad_request.html", {"errors": exc.messages}, status=400)
    messages.success(request, _("Version %(version)s er offentliggjort.") % {"version": published.version})
    return redirect(published.get_absolute_url())


@require_POST
def entry_discard(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.editable_entry_for_user(request.user, pk)
    try:
        services.entry_discard_draft(actor=request.user, entry=entry)
    except ValidationError as exc:
        return render(request, "knowledge/bad_request.html", {"errors": exc.messages}, status=400)
    messages.success(request, _("Kladden er kasseret."))
    return redirect("knowledge:manage")


@require_http_methods(["GET", "POST"])
def entry_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw the current version after a confirmation page; its versions stay in the history."""
    entry = access.editable_entry_for_user(request.user, pk)
    if not entry.is_current:
        errors = [_("Kun den gældende version af et opslag kan trækkes tilbage.")]
        return render(request, "knowledge/bad_request.html", {"errors": errors}, status=400)
    national = None
    if not entry.is_national:
        national = Entry.objects.current().national().filter(slug=entry.slug).first()
    if request.method == "POST":
        try:
            services.entry_retire(actor=request.user, entry=entry)
        except ValidationError as exc:
            return render(request, "knowledge/bad_request.html", {"errors": exc.messages}, status=400)
        if national is not None:
            messages.success(request, _("Kommunens udgave er trukket tilbage. Det nationale opslag vises igen."))
        else:
            messages.success(request, _("Opslaget er trukket tilbage og vises ikke længere."))
        return redirect("knowledge:manage")
    cited_by = selectors.citing_entries(entry, request.user.municipality_id)
    return render(
        request, "knowledge/retire_confirm.html", {"entry": entry, "national": national, "cited_by": cited_by}
    )


@require_POST
def entry_override(request: HttpRequest, slug: str) -> HttpResponse:
    """A tovholder starts the municipality's own version of a national entry."""
    user = request.user
    national = access.national_entry_to_override(user, slug)
    try:
        draft = services.entry_override(actor=user, municipality=user.municipality, national=national)
    except ValidationError as exc:
        return render(request, "knowledge/bad_request.html", {"errors": exc.messages}, status=400)
    messages.info(
        request,
        _("Kommunens egen udgave er oprettet som kladde. Den erstatter det nationale opslag, når den offentliggøres."),
    )
    return redirect(reverse("knowledge:entry-edit", kwargs={"pk": draft.pk}))
