"""Shared form helpers: a service's ValidationError onto a form (the page door of "one core, two doors"), and the
date widget every app uses."""

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.DateInput):
    """The browser's date picker (`type="date"`), which reads and writes ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def form_errors_from(form: forms.Form, exc: ValidationError, *, field_map: dict[str, str] | None = None) -> None:
    """Put a service's ValidationError on `form`: errors on fields the form has go to those fields (after
    `field_map` renames a service's field name to the form's), the rest, and those on hidden fields, to the form
    as a whole.

    The API door does the same with the core exception handler, so a rule raises once, in the service."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    field_map = field_map or {}
    for name, errors in exc.message_dict.items():
        field = field_map.get(name, name)
        if field in form.fields and not form.fields[field].widget.is_hidden:
            form.add_error(field, errors)
        else:
            form.add_error(None, errors)
