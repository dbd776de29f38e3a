"""Pages offered in fewer languages than the citizens' site.

The site answers every path under every language prefix (/ar/, /so/, …). A page whose text exists only in the
staff languages (Danish and English), such as the youth evaluation form, would otherwise be Danish text under
`<html lang="ar" dir="rtl">`: wrong for screen readers (WCAG 3.1.1) and for the reader. Such a page sends the
visitor to the same address in Danish instead.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils.translation import get_language


def offered_in(*codes: str):
    """View decorator: under any other language prefix, redirect to the same path and query in Danish (302 for
    GET and HEAD; 307 otherwise, so a posted form keeps its body)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if get_language() in codes:
                return view(request, *args, **kwargs)
            response = HttpResponseRedirect(translate_url(request.get_full_path(), settings.LANGUAGE_CODE))
            if request.method not in ("GET", "HEAD"):
                response.status_code = 307
            return response

        return wrapped

    return decorator


staff_languages_only = offered_in(*settings.TRYG_STAFF_LANGUAGES)
