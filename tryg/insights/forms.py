"""Forms of the insights app: parse and type-check only (the rules are in services.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SectionKind
from .periods import KINDS

TEXT = {"class": "form-input"}


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(label=_("Periode"), choices=list(KINDS.items()), required=False)
    period = forms.CharField(
        label=_("Hvilken"),
        max_length=7,
        required=False,
        help_text=_("År: 2026 · kvartal: 2026-3 · måned: 2026-07"),
        widget=forms.TextInput(attrs={"class": "form-input input-width-s"}),
    )


def slug_list(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()]


class VersionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, widget=forms.TextInput(attrs=TEXT))
    summary = forms.CharField(
        label=_("Indledning"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 3}),
    )
    adopted_by = forms.CharField(
        label=_("Vedtaget af"), max_length=200, help_text=_("For eksempel: Byrådet"), widget=forms.TextInput(attrs=TEXT)
    )
    adopted_on = forms.DateField(
        label=_("Vedtaget den"), widget=forms.DateInput(attrs={"class": "form-input input-width-s", "type": "date"})
    )
    next_revision_due = forms.DateField(
        label=_("Næste revision senest"),
        required=False,
        help_text=_("Tom: 4 år efter vedtagelsen. Du kan vælge en tidligere dato."),
        widget=forms.DateInput(attrs={"class": "form-input input-width-s", "type": "date"}),
    )
    change_note = forms.CharField(
        label=_("Hvad er ændret"), max_length=500, required=False, widget=forms.TextInput(attrs=TEXT)
    )


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Overskrift"), max_length=200, widget=forms.TextInput(attrs=TEXT))
    body = forms.CharField(
        label=_("Tekst"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 5}),
    )
    card_slugs = forms.CharField(
        label=_("Handlekort (korte navne, adskilt af komma)"),
        max_length=2000,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    entry_slugs = forms.CharField(
        label=_("Opslag i hjælperedskabet (korte navne)"),
        max_length=2000,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    contact_slugs = forms.CharField(
        label=_("Kontakter (korte navne)"), max_length=2000, required=False, widget=forms.TextInput(attrs=TEXT)
    )

    def section_data(self, kind: str) -> dict:
        data = self.cleaned_data
        return {
            "kind": kind,
            "title": data["title"],
            "body": data["body"],
            "card_slugs": slug_list(data["card_slugs"]),
            "entry_slugs": slug_list(data["entry_slugs"]),
            "contact_slugs": slug_list(data["contact_slugs"]),
        }


def section_forms(data=None, initial: dict | None = None) -> list[tuple[str, str, SectionForm]]:
    """(kind, label, form) for each of the five sections, prefixed by kind."""
    initial = initial or {}
    return [
        (kind, label, SectionForm(data, prefix=kind, initial=initial.get(kind))) for kind, label in SectionKind.choices
    ]


class CommentaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Sammenfatning"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 4}),
    )
    developments = forms.CharField(
        label=_("Udvikling og tendenser"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 4}),
    )
    next_steps = forms.CharField(
        label=_("Næste skridt"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 4}),
    )
