"""The actors directory: national entries and each municipality's own (kept by its coordinator)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tryg.core.forms import form_errors_from

from .. import access, services
from ..forms import ActorForm


@require_GET
def actor_list(request: HttpRequest) -> HttpResponse:
    access.require_directory(request.user)
    actors = list(access.visible_actors(request.user).select_related("municipality").order_by("kind", "name"))
    groups = {}
    for a in actors:
        groups.setdefault(a.get_kind_display(), []).append(a)
    context = {"groups": groups, "may_edit": request.user.has_role(*access.DIRECTORY_EDITOR_ROLES)}
    return render(request, "coordination/actor_list.html", context)


def _actor_form(request, entry=None) -> HttpResponse:
    form = ActorForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = data.pop("unit", None)
        try:
            services.actor_save(actor=request.user, entry=entry, unit_id=unit.pk if unit else None, **data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Aktøren er gemt."))
            return redirect("coordination:actor-list")
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/actor_form.html", {"form": form, "entry": entry}, status=status)


@require_http_methods(["GET", "POST"])
def actor_create(request: HttpRequest) -> HttpResponse:
    access.require_directory_editor(request.user)
    return _actor_form(request)


@require_http_methods(["GET", "POST"])
def actor_edit(request: HttpRequest, pk) -> HttpResponse:
    return _actor_form(request, access.actor_for_editor(request.user, pk))
