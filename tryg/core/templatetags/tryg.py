from django import template
from django.forms import CheckboxInput, CheckboxSelectMultiple, RadioSelect, Select, SelectMultiple

from tryg.core.formats import date_text, datetime_text

register = template.Library()


@register.filter
def dkfds_widget(bound_field):
    """Render a field's widget with DKFDS classes and aria-describedby for its hint and errors."""
    widget = bound_field.field.widget
    attrs = {}
    if isinstance(widget, CheckboxInput):
        attrs["class"] = "form-checkbox"
    elif isinstance(widget, RadioSelect | CheckboxSelectMultiple):
        pass
    elif isinstance(widget, Select | SelectMultiple):
        attrs["class"] = "form-select"
    else:
        attrs["class"] = "form-input"
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.id_for_label}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.id_for_label}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def public_url_in(context, language_code: str) -> str:
    """The current public page in another language (language prefix in the URL, no cookie)."""
    from django.urls import translate_url

    request = context["request"]
    return translate_url(request.get_full_path(), language_code)


@register.filter
def dato(value):
    """A date as people read it: "2. december 2026" (core/formats.py)."""
    return date_text(value)


@register.filter
def dato_tid(value):
    """A time as people read it: "2. december 2026 kl. 14.05" (core/formats.py)."""
    return datetime_text(value)


# Each language named in itself (Django's LANG_INFO has no Somali).
_NATIVE_NAMES = {
    "da": "Dansk",
    "en": "English",
    "ar": "العربية",
    "so": "Soomaali",
    "tr": "Türkçe",
    "ur": "اردو",
    "fa": "فارسی",
}


@register.simple_tag
def staff_languages() -> list[tuple[str, str]]:
    """The languages of the staff pages (settings.TRYG_STAFF_LANGUAGES), each named in itself."""
    from django.conf import settings

    return [(code, _NATIVE_NAMES.get(code, code)) for code in settings.TRYG_STAFF_LANGUAGES]


@register.filter
def language_name_local(code: str) -> str:
    """A language's name in the language itself: "ar" -> "العربية"."""
    return _NATIVE_NAMES.get(code, code)


@register.simple_tag
def quick_exit_url() -> str:
    """Where the quick exit of the public pages goes (settings.TRYG_QUICK_EXIT_URL)."""
    from django.conf import settings

    return settings.TRYG_QUICK_EXIT_URL
