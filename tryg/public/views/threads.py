"""Anonymous two-way contact: the form, the receipt code (shown once), and the thread read and written with it.
The messages are a coordination consultation's; this app keeps only the code's lookup and hash."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tryg.coordination.selectors import thread as thread_messages

from .. import access, selectors, services
from ..forms import ContactForm, ReplyForm
from ..guard import (
    SUBMISSIONS,
    WRONG_CODES,
    code_attempts_blocked,
    public_page,
    submission_allowed,
    too_many,
    wrong_code,
)

NAME_OR_CPR = "name_or_cpr"


def _citizen_errors(form, exc: ValidationError) -> None:
    """Put a service's refusal on the form in the citizen's words (coordination's are written for staff)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, _("Beskeden kunne ikke sendes. Prøv igen."))
        return
    for field, messages in exc.message_dict.items():
        target = field if field in form.fields and field != "code" else "text"
        if field in ("text", "involved") and any("navn" in m or "CPR" in m for m in messages):
            form.add_error(
                target,
                _(
                    "Det ligner et navn eller et CPR-nummer. "
                    "Skriv uden navne – for eksempel »min far« eller »en pige på 15«."
                ),
            )
        elif field == "contact":
            form.add_error("contact_how", _("Skriv højst 200 tegn, og ikke et CPR-nummer."))
        else:
            form.add_error(target, messages)


@public_page
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    municipalities, regions = selectors.municipalities(), selectors.regions()
    if request.method == "POST":
        form = ContactForm(request.POST, municipalities=municipalities, regions=regions)
        if form.is_valid():
            if not submission_allowed(request):
                return too_many(request, SUBMISSIONS)
            data = form.cleaned_data
            try:
                _thread, receipt = services.thread_create(
                    municipality=selectors.municipality_by_code(data["municipality"]) if data["municipality"] else None,
                    region=selectors.region_by_code(data["region"]) if data["region"] else None,
                    text=data["text"],
                    involved=data["involved"],
                    age_band=data["age_band"],
                    contact=data["contact_how"] if data["contact"] == ContactForm.MAY_CONTACT else "",
                )
            except ValidationError as exc:
                _citizen_errors(form, exc)
            else:
                return render(request, "public/contact_done.html", {"receipt": receipt, "page": "contact"})
    else:
        form = ContactForm(
            initial={"municipality": request.GET.get("kommune", ""), "contact": ContactForm.ONLY_HERE},
            municipalities=municipalities,
            regions=regions,
        )
    return render(request, "public/contact.html", {"form": form, "page": "contact"}, status=400 if form.errors else 200)


def _thread_response(request, thread, *, form=None, sent=False, status=200) -> HttpResponse:
    context = {
        "thread": thread,
        "messages_list": thread_messages(thread.consultation),
        "form": form or ReplyForm(initial={"code": request.POST.get("code", "")}),
        "sent": sent,
        "page": "code",
    }
    return render(request, "public/thread.html", context, status=status)


def thread_page(request: HttpRequest, typed: str) -> HttpResponse | None:
    """The thread of a right code (its activity clock restarts), or None."""
    thread = access.thread_for_code(typed)
    if thread is None:
        return None
    services.touch(thread)
    return _thread_response(request, thread)


@public_page
@require_http_methods(["POST"])
def reply(request: HttpRequest) -> HttpResponse:
    """The citizen writes again, from the thread page (the code comes along in a hidden field)."""
    if code_attempts_blocked(request):
        return too_many(request, WRONG_CODES)
    form = ReplyForm(request.POST)
    thread = access.thread_for_code(request.POST.get("code", ""))
    if thread is None:
        wrong_code(request)
        return render(request, "public/code_unknown.html", {"page": "code"}, status=404)
    if form.is_valid():
        if not submission_allowed(request):
            return too_many(request, SUBMISSIONS)
        try:
            services.thread_message_add(thread=thread, text=form.cleaned_data["text"])
        except ValidationError as exc:
            _citizen_errors(form, exc)
        else:
            return _thread_response(
                request, thread, form=ReplyForm(initial={"code": form.cleaned_data["code"]}), sent=True
            )
    return _thread_response(request, thread, form=form, status=400)
