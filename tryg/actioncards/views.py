"""Handlekort pages: the card list, walking a card step by step, printing, and the tovholder's editing."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import access, diffs
from .forms import AnswerForm, CardYamlForm, ImportForm, PublishForm, StartForm, StepForm
from .graph import CardError, dump_card
from .models import CardVersion
from .registry import walk_actions
from .selectors import my_walks, outcome_details, outline_with_entries, walkable_cards
from .services import (
    NEXT,
    WalkError,
    card_draft_save,
    card_import,
    card_publish,
    published_version,
    walk_answer,
    walk_back,
    walk_restart,
    walk_start,
)


def _version_yaml(version: CardVersion) -> str:
    return dump_card(
        slug=version.card.slug,
        title=version.title,
        target_group=version.graph.get("target_group", version.card.target_group),
        graph=version.graph,
    )


@require_GET
def card_list(request: HttpRequest) -> HttpResponse:
    access.require_staff_member(request.user)
    return render(
        request,
        "actioncards/card_list.html",
        {"items": walkable_cards(request.user), "is_editor": access.is_card_editor(request.user)},
    )


@require_GET
def card_detail(request: HttpRequest, slug: str) -> HttpResponse:
    card = access.card_for_user(request.user, slug)
    return _render_card_detail(request, card, StartForm())


def _render_card_detail(request, card, start_form, status=200):
    can_edit = access.can_edit_card(request.user, card)
    versions = list(card.versions.order_by("-number")) if can_edit else []
    current = next((v for v in versions if v.status == CardVersion.Status.PUBLISHED), None) if can_edit else None
    if not can_edit:
        current = published_version(card)
    draft = next((v for v in versions if v.is_draft), None)
    return render(
        request,
        "actioncards/card_detail.html",
        {
            "card": card,
            "current": current,
            "draft": draft,
            "versions": versions,
            "can_edit": can_edit,
            "start_form": start_form,
        },
        status=status,
    )


@require_POST
def walk_start_view(request: HttpRequest, slug: str) -> HttpResponse:
    card = access.card_for_user(request.user, slug)
    form = StartForm(request.POST)
    if not form.is_valid():
        return _render_card_detail(request, card, form, status=400)
    try:
        walk = walk_start(user=request.user, card=card, expected_number=form.cleaned_data["version"])
    except WalkError as exc:
        form.add_error(None, exc.message)
        return _render_card_detail(request, card, form, status=400)
    return redirect("actioncards:walk-step", walk_id=walk.pk)


@require_GET
def walk_list(request: HttpRequest) -> HttpResponse:
    access.require_staff_member(request.user)
    walks = my_walks(request.user)
    return render(
        request,
        "actioncards/walk_list.html",
        {
            "unfinished": [w for w in walks if not w.is_finished],
            "finished": [w for w in walks if w.is_finished],
        },
    )


def _render_step(request, walk, *, form=None, status=200):
    version = walk.card_version
    node = version.node(walk.current_node)
    answers = list(walk.answers.all())
    context = {"walk": walk, "version": version, "card": version.card, "node": node, "answers": answers}
    if node is None:
        raise Http404
    if walk.is_finished:
        details = outcome_details(node, request.user.municipality)
        context.update(details)
        context["walk_actions"] = walk_actions(walk, node, request.user)
        context["step_form"] = StepForm(initial={"node": walk.current_node})
        return render(request, "actioncards/walk_outcome.html", context, status=status)
    if node["kind"] == "question":
        context["form"] = form or AnswerForm(question=node, initial={"node": node["id"]})
    context["step_form"] = StepForm(initial={"node": walk.current_node})
    context["step_number"] = len(answers) + 1
    return render(request, "actioncards/walk_step.html", context, status=status)


@require_http_methods(["GET", "POST"])
def walk_step(request: HttpRequest, walk_id) -> HttpResponse:
    if request.method == "GET":
        return _render_step(request, access.walk_for_user(request.user, walk_id))
    with transaction.atomic():
        walk = access.walk_for_user(request.user, walk_id, write=True)
        node = walk.card_version.node(walk.current_node)
        if walk.is_finished or node is None:
            messages.info(request, _("Forløbet er afsluttet. Gå et skridt tilbage for at ændre et svar."))
            return redirect(walk)
        if node["kind"] == "question":
            form = AnswerForm(request.POST, question=node)
            option = form.cleaned_data["option"] if form.is_valid() else None
        else:
            form = StepForm(request.POST)
            option = NEXT if form.is_valid() else None
        if option is None:
            if node["kind"] != "question":
                messages.error(request, _("Trinnet kunne ikke gemmes. Prøv igen."))
                return _render_step(request, walk, status=400)
            return _render_step(request, walk, form=form, status=400)
        try:
            walk_answer(walk=walk, option_id=option, node_key=form.cleaned_data["node"])
        except WalkError as exc:
            messages.warning(request, exc.message)
    return redirect(walk)


def _step_action(request, walk_id, action) -> HttpResponse:
    with transaction.atomic():
        walk = access.walk_for_user(request.user, walk_id, write=True)
        form = StepForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Handlingen kunne ikke udføres. Prøv igen."))
            return _render_step(request, walk, status=400)
        try:
            action(walk=walk, node_key=form.cleaned_data["node"])
        except WalkError as exc:
            messages.warning(request, exc.message)
    return redirect(walk)


@require_POST
def walk_back_view(request: HttpRequest, walk_id) -> HttpResponse:
    return _step_action(request, walk_id, walk_back)


@require_POST
def walk_restart_view(request: HttpRequest, walk_id) -> HttpResponse:
    return _step_action(request, walk_id, walk_restart)


@require_GET
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The whole card as a readable outline; the same page is the print view."""
    version = access.version_for_user(request.user, slug, number)
    outline = outline_with_entries(version, request.user.municipality)
    return render(
        request,
        "actioncards/version_detail.html",
        {
            "version": version,
            "card": version.card,
            "outline": outline,
            "can_edit": access.can_edit_card(request.user, version.card),
        },
    )


@require_GET
def version_diff(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """What changed in this version against the one before it: who, when and which points."""
    version = access.version_for_user(request.user, slug, number)
    previous = diffs.previous_version(version)
    context = {"version": version, "card": version.card, "previous": previous}
    context["diff"] = diffs.card_changes(previous, version)
    return render(request, "actioncards/version_diff.html", context)


@require_GET
def version_export(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = access.version_for_user(request.user, slug, number)
    response = HttpResponse(_version_yaml(version), content_type="application/yaml; charset=utf-8")
    filename = f"{slugify(version.card.slug)}-v{version.number}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def card_manage(request: HttpRequest) -> HttpResponse:
    access.require_card_editor(request.user)
    cards = list(
        access.editable_cards(request.user)
        .select_related("municipality")
        .prefetch_related("versions")
        .order_by("title")
    )
    rows = []
    for card in cards:
        versions = sorted(card.versions.all(), key=lambda v: -v.number)
        rows.append(
            {
                "card": card,
                "published": next((v for v in versions if v.status == CardVersion.Status.PUBLISHED), None),
                "draft": next((v for v in versions if v.is_draft), None),
                "count": len(versions),
            }
        )
    return render(request, "actioncards/card_manage.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def card_import_view(request: HttpRequest) -> HttpResponse:
    access.require_card_editor(request.user)
    user = request.user
    own = access.import_municipality(user)
    national = access.can_edit_national(user)
    form = ImportForm(request.POST or None, request.FILES or None, municipality=own, national=national)
    if request.method == "POST":
        if form.is_valid():
            municipality = None if form.cleaned_data["scope"] == "national" else own
            try:
                version = card_import(user=user, municipality=municipality, text=form.cleaned_data["file"])
            except CardError as exc:
                for message in exc.messages:
                    form.add_error("file", message)
            else:
                messages.success(
                    request,
                    _("Handlekortet er indlæst som kladde (version %(n)s). Gennemse det, og offentliggør det.")
                    % {"n": version.number},
                )
                return redirect("actioncards:version-detail", slug=version.card.slug, number=version.number)
        return render(request, "actioncards/card_import.html", {"form": form}, status=400)
    return render(request, "actioncards/card_import.html", {"form": form})


@require_http_methods(["GET", "POST"])
def card_edit(request: HttpRequest, slug: str) -> HttpResponse:
    card = access.card_for_user(request.user, slug, edit=True)
    versions = list(card.versions.order_by("-number"))
    base = next((v for v in versions if v.is_draft), None) or versions[0]
    if request.method == "GET":
        form = CardYamlForm(initial={"yaml": _version_yaml(base)})
        return render(request, "actioncards/card_edit.html", {"card": card, "form": form, "base": base})
    form = CardYamlForm(request.POST)
    if form.is_valid():
        try:
            draft = card_draft_save(user=request.user, card=card, text=form.cleaned_data["yaml"])
        except CardError as exc:
            for message in exc.messages:
                form.add_error("yaml", message)
        else:
            messages.success(request, _("Kladden (version %(n)s) er gemt.") % {"n": draft.number})
            return redirect("actioncards:version-detail", slug=card.slug, number=draft.number)
    return render(request, "actioncards/card_edit.html", {"card": card, "form": form, "base": base}, status=400)


@require_POST
def card_publish_view(request: HttpRequest, slug: str) -> HttpResponse:
    card = access.card_for_user(request.user, slug, edit=True)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            version = card_publish(user=request.user, card=card, number=form.cleaned_data["version"])
        except CardError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(
                request,
                _("Version %(n)s er offentliggjort. Forløb, der er i gang, fortsætter på deres egen version.")
                % {"n": version.number},
            )
            return redirect(card)
    for error in form.non_field_errors() or [_("Vælg den kladde, der skal offentliggøres.")]:
        messages.error(request, error)
    return _render_card_detail(request, card, StartForm(), status=400)
