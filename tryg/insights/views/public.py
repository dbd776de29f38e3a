"""The plan's public page, outside /app/: no login, no cookie, no third-party request. The plan is a public document
(barnets lov § 15, stk. 3: adopted by the council and published). The public site's layout may later host it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tryg.core.languages import offered_in

from .. import access, selectors


@offered_in("da")  # the council's plan is published in Danish (under /en/, /ar/, … the visitor is sent there)
@require_GET
def plan_page(request: HttpRequest, code: str) -> HttpResponse:
    municipality = access.public_municipality(code)
    version = selectors.current_version(municipality.pk) if municipality else None
    if version is None:
        return render(request, "insights/public/none.html", {"municipality": municipality}, status=404)
    sections = selectors.sections_with_links(version)
    return render(request, "insights/public/plan.html", {"version": version, "sections": sections})
