"""Coming back with a receipt code: read the replies and write again, or see that a notification was received.

The code is posted (never in a URL, so never in a log line or the browser's history) and carried in a hidden
field while the page is open. A wrong code and an expired one get the same answer; wrong codes are limited per
address (guard.WRONG_CODES)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import access, services
from ..forms import CodeForm
from ..guard import WRONG_CODES, code_attempts_blocked, public_page, too_many, wrong_code
from . import threads


@public_page
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "public/code.html", {"form": CodeForm(), "page": "code"})
    if code_attempts_blocked(request):
        return too_many(request, WRONG_CODES)
    form = CodeForm(request.POST)
    if form.is_valid():
        typed = form.cleaned_data["code"]
        found = threads.thread_page(request, typed)
        if found is not None:
            return found
        notification = access.notification_for_code(typed)
        if notification is not None:
            services.touch(notification)
            return render(request, "public/notify_status.html", {"notification": notification, "page": "code"})
        wrong_code(request)
        form.add_error(
            "code", _("Vi kan ikke finde noget med den kode. Den kan være skrevet forkert, eller den er udløbet.")
        )
    return render(request, "public/code.html", {"form": form, "page": "code"}, status=400)
