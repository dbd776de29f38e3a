"""Pages of facilitators (dialogskabere) and the managed list of topics: the coordinator's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tryg.audit.services import audit_read, audit_search
from tryg.core.forms import form_errors_from
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..forms import FacilitatorForm, TopicActiveForm, TopicForm


def facilitator_list(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    number = page_number(request)
    if number is None:
        return render(request, "prevention/facilitator_list.html", {"bad_page": True}, status=400)
    rows, page = selectors.facilitators_page(request.user.municipality_id, number)
    audit_search(request, object_type="prevention.facilitator", criterion=f"side {number}", purpose=access.PURPOSE)
    return render(request, "prevention/facilitator_list.html", {"facilitators": rows, **page.as_context()})


@require_http_methods(["GET", "POST"])
def facilitator_create(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = FacilitatorForm(
        request.POST if request.method == "POST" else None, users=selectors.user_choices(request.user.municipality_id)
    )
    if request.method == "POST" and form.is_valid():
        try:
            facilitator = services.facilitator_create(actor=request.user, data=form.data_object())
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Dialogskaberen er registreret."))
            return redirect("prevention:facilitator-detail", pk=facilitator.pk)
    return render(
        request,
        "prevention/facilitator_form.html",
        {"form": form, "facilitator": None},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def facilitator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's record (editable) and the sessions they lead."""
    facilitator = access.facilitator_for_user(request.user, pk)
    users = selectors.user_choices(request.user.municipality_id)
    if request.method == "POST":
        form = FacilitatorForm(request.POST, users=users)
        if form.is_valid():
            try:
                services.facilitator_update(actor=request.user, facilitator=facilitator, data=form.data_object())
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, _("Oplysningerne er gemt."))
                return redirect("prevention:facilitator-detail", pk=facilitator.pk)
    else:
        form = FacilitatorForm(initial=FacilitatorForm.initial_for(facilitator), users=users)
    upcoming, past = selectors.facilitator_sessions(facilitator)
    audit_read(request, facilitator, subject=facilitator, purpose=access.PURPOSE)
    return render(
        request,
        "prevention/facilitator_form.html",
        {"form": form, "facilitator": facilitator, "upcoming": upcoming, "past": past},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def topic_list(request: HttpRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    form = TopicForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_create(actor=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Emnet er tilføjet."))
            return redirect("prevention:topic-list")
    topics = selectors.topics_of(request.user.municipality_id)
    return render(
        request, "prevention/topic_list.html", {"form": form, "topics": topics}, status=400 if form.errors else 200
    )


@require_POST
def topic_active(request: HttpRequest, pk: int) -> HttpResponse:
    topic = access.topic_for_user(request.user, pk)
    form = TopicActiveForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "prevention/topic_list.html",
            {"form": TopicForm(), "topics": selectors.topics_of(request.user.municipality_id), "bad_toggle": True},
            status=400,
        )
    services.topic_set_active(actor=request.user, topic=topic, active=form.cleaned_data["active"])
    messages.success(request, _("Emnelisten er opdateret."))
    return redirect("prevention:topic-list")
