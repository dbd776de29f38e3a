"""The information pages: the same for everyone, in seven languages, no cookies."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..guard import public_page


def _page(template: str):
    @public_page
    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, f"public/pages/{template}.html", {"page": template})

    view.__name__ = template
    return view


home = _page("home")
young = _page("young")
adult = _page("adult")
friend = _page("friend")
rights = _page("rights")
online = _page("online")


@public_page
@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/pages/help.html",
        {"page": "help", "contacts": selectors.help_contacts(None), "municipalities": selectors.municipalities()},
    )


@public_page
@require_GET
def municipality(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.municipality_by_code(code)
    if found is None:
        raise Http404
    return render(
        request,
        "public/pages/municipality.html",
        {"page": "help", "municipality": found, "contacts": selectors.help_contacts(found)},
    )
