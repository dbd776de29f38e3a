"""The administrator's page "Modtagelse af underretninger": receiving units and retention time."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tryg.accounts.access import require_administrator
from tryg.core.forms import form_errors_from

from .. import selectors, services
from ..forms import IntakeSettingsForm


@require_http_methods(["GET", "POST"])
def intake_settings(request: HttpRequest) -> HttpResponse:
    """The administrator chooses the receiving units and the retention time of the municipality."""
    require_administrator(request)
    municipality = request.user.municipality
    routing, units = selectors.intake_settings_of(municipality)
    initial = {"retention_years": services.DEFAULT_RETENTION_YEARS}
    if routing is not None:
        initial = {
            "child_unit": routing.child_unit_id,
            "adult_unit": routing.adult_unit_id,
            "retention_years": routing.retention_years,
        }
    form = IntakeSettingsForm(request.POST if request.method == "POST" else None, initial=initial, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            services.intake_settings_save(actor=request.user, municipality=municipality, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Indstillingerne er gemt."))
            return redirect("cases:intake-settings")
    return render(
        request,
        "cases/intake_settings.html",
        {"form": form, "routing": routing},
        status=400 if form.errors else 200,
    )
