"""The user's notifications (beskeder)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import selectors
from ..notifications import notifications_mark_read


@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("mark") != "read":
            return render(request, "cases/bad_request.html", {"message": _("Ukendt handling.")}, status=400)
        notifications_mark_read(actor=request.user)
        messages.success(request, _("Alle beskeder er markeret som læst."))
        return redirect("cases:notifications")
    return render(request, "cases/notifications.html", {"items": selectors.notifications_of(request.user)})
