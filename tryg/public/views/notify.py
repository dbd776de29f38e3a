"""A citizen's notification about a child (named or anonymous): into the cases intake with the 24-hour clock."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from tryg.core.forms import form_errors_from

from .. import selectors, services
from ..forms import NotificationForm
from ..guard import SUBMISSIONS, public_page, submission_allowed, too_many


@public_page
@require_http_methods(["GET", "POST"])
def notify(request: HttpRequest) -> HttpResponse:
    municipalities = selectors.municipalities()
    if request.method == "POST":
        form = NotificationForm(request.POST, municipalities=municipalities)
        if form.is_valid():
            if not submission_allowed(request):
                return too_many(request, SUBMISSIONS)
            data = form.cleaned_data
            try:
                _, receipt = services.notification_create(
                    municipality=selectors.municipality_by_code(data["municipality"]),
                    child_name=data["child_name"],
                    age_group=data["age_group"],
                    description=data["description"],
                    notifier_name=data["notifier_name"],
                    notifier_contact=data["notifier_contact"],
                )
            except ValidationError as exc:
                form_errors_from(form, exc, field_map={"name": "child_name", "person": "child_name"})
            else:
                return render(request, "public/notify_done.html", {"receipt": receipt, "page": "notify"})
    else:
        form = NotificationForm(initial={"municipality": request.GET.get("kommune", "")}, municipalities=municipalities)
    return render(request, "public/notify.html", {"form": form, "page": "notify"}, status=400 if form.errors else 200)
