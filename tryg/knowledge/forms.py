"""Forms of the knowledge base: the search filters and the editing form."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tryg.core.forms import DateInput

from .models import Entry
from .selectors import unknown_link_slugs

SLUG_LIST_RE = re.compile(r"^[a-z0-9-]+$")
EMPTY = [("", _("Alle"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Søg"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=EMPTY + list(Entry.Kind.choices), required=False)
    group = forms.ChoiceField(
        label=_("Gruppe af bekymringstegn"), choices=EMPTY + list(Entry.Group.choices), required=False
    )
    target = forms.ChoiceField(label=_("Målgruppe"), choices=EMPTY + list(Entry.TargetGroup.choices), required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False, widget=forms.HiddenInput)

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data.get("kind") or None,
            "group": data.get("group") or None,
            "target_group": data.get("target") or None,
        }


def _formfield(model_field, **kwargs):
    from django.db import models

    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class EntryForm(forms.ModelForm):
    """Create or edit a draft. Kind-specific fields are validated by Entry.clean()."""

    links = forms.CharField(
        label=_("Henvisninger til andre opslag"),
        required=False,
        max_length=2000,
        help_text=_("Korte navne (slugs) på andre opslag, adskilt af komma."),
    )
    successor_slugs = forms.CharField(
        label=_("Afløst af (korte navne)"),
        required=False,
        max_length=1000,
        help_text=_("De bestemmelser, der har afløst denne, adskilt af komma – den vigtigste først."),
    )

    class Meta:
        model = Entry
        formfield_callback = _formfield
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "body",
            "owner",
            "review_date",
            "group",
            "for_child",
            "for_young",
            "for_adult",
            "law",
            "paragraph",
            "stk",
            "in_force_from",
            "source_url",
            "repealed_on",
            "superseded_by_text",
            "verified",
            "verified_by",
            "verified_on",
            "tool_type",
            "phone",
            "hours",
            "audience",
            "url",
            "address",
        ]
        widgets = {
            "review_date": DateInput(),
            "in_force_from": DateInput(),
            "repealed_on": DateInput(),
            "verified_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(
        self,
        *args,
        creating: bool = False,
        national_choice: bool = False,
        owners=None,
        link_scope: int | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.creating = creating
        self.link_scope = link_scope
        if creating or owners is None:
            # The creator owns a new entry; the owner can be changed on the draft afterwards.
            del self.fields["owner"]
        else:
            owner = self.fields["owner"]
            owner.queryset = owners
            owner.required = True
            owner.empty_label = _("Vælg en ansvarlig")
            owner.label_from_instance = lambda user: user.display_name
            owner.help_text = _("Den, der sørger for, at opslaget er korrekt og bliver revideret til tiden.")
        if not creating:
            del self.fields["slug"]
            del self.fields["kind"]
        else:
            self.fields["slug"].help_text = _(
                "Små bogstaver, tal og bindestreger. Bruges i adressen og i henvisninger; kan ikke ændres senere."
            )
        if national_choice:
            self.fields["national"] = forms.BooleanField(
                label=_("Nationalt opslag (deles af alle kommuner)"), required=False
            )
        self.fields["review_date"].required = True
        if self.instance.pk:
            self.initial["links"] = ", ".join(link.target_slug for link in self.instance.links.all())
            self.initial["successor_slugs"] = ", ".join(self.instance.successors or [])

    def clean_links(self) -> list[str]:
        return self._slug_list(self.cleaned_data.get("links") or "")

    def clean_successor_slugs(self) -> list[str]:
        return self._slug_list(self.cleaned_data.get("successor_slugs") or "")

    def _slug_list(self, raw: str) -> list[str]:
        slugs = [part.strip() for part in raw.replace("\n", ",").split(",") if part.strip()]
        bad = [s for s in slugs if not SLUG_LIST_RE.match(s)]
        if bad:
            raise forms.ValidationError(_("Ugyldige korte navne: %(slugs)s"), params={"slugs": ", ".join(bad)})
        unknown = unknown_link_slugs(slugs, self.link_scope)
        if unknown:
            raise forms.ValidationError(
                _("Der findes ingen opslag med disse korte navne: %(slugs)s"), params={"slugs": ", ".join(unknown)}
            )
        return slugs

    def _post_clean(self):
        # Uniqueness and lifecycle are checked by the services; only field validation happens here.
        exclude = {"slug"} if not self.creating else set()
        try:
            self.instance = forms.models.construct_instance(self, self.instance, self._meta.fields, exclude)
        except Exception:  # noqa: BLE001 - construct_instance only fails on bad data already reported
            return
        try:
            self.instance.full_clean(
                exclude=self._get_validation_exclusions(), validate_unique=False, validate_constraints=False
            )
        except forms.ValidationError as e:
            self._update_errors(e)

    def content(self) -> dict:
        """The cleaned values as keyword arguments for the services."""
        data = dict(self.cleaned_data)
        data.pop("slug", None)
        data.pop("national", None)
        links = data.pop("links", [])
        content = {k: v for k, v in data.items() if k in ENTRY_CONTENT}
        if "successor_slugs" in self.fields:
            content["successors"] = data.pop("successor_slugs", [])
        return {"links": links, **content}


ENTRY_CONTENT = set(EntryForm.Meta.fields) - {"slug"}
