from django import forms
from django.utils.translation import gettext_lazy as _

from .graph import MAX_YAML_BYTES


class AnswerForm(forms.Form):
    """One question: radio buttons in a fieldset whose legend is the question."""

    option = forms.ChoiceField(
        widget=forms.RadioSelect(attrs={"class": "form-radio"}), error_messages={"required": _("Vælg et svar.")}
    )
    node = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, question: dict, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["option"]
        field.label = question["text"]
        field.help_text = question.get("help", "")
        field.choices = [(o["id"], o["label"]) for o in question["options"]]
        field.error_messages["invalid_choice"] = _("Vælg en af svarmulighederne.")


class StepForm(forms.Form):
    """Back, restart and instruction steps carry the step the user saw."""

    node = forms.CharField(widget=forms.HiddenInput, max_length=80)


class StartForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PublishForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CardYamlForm(forms.Form):
    yaml = forms.CharField(
        label=_("Handlekortets indhold (YAML)"),
        help_text=_("Punkterne skrives som en liste under nodes. Se vejledningen øverst på siden."),
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "tryg-yaml"}),
        max_length=MAX_YAML_BYTES,
        strip=False,
        error_messages={"required": _("Indsæt handlekortets indhold.")},
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("YAML-fil med handlekortet"),
        help_text=_("En .yaml- eller .yml-fil på højst 256 kB."),
        error_messages={"required": _("Vælg en fil."), "empty": _("Filen er tom.")},
    )
    scope = forms.ChoiceField(
        label=_("Hvem skal kortet gælde for?"), widget=forms.RadioSelect(attrs={"class": "form-radio"})
    )

    def __init__(self, *args, municipality=None, national: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if municipality is not None:
            choices.append(("municipality", municipality.name))
        if national:
            choices.append(("national", _("Alle kommuner (nationalt kort)")))
        self.fields["scope"].choices = choices
        if len(choices) == 1:
            self.fields["scope"].initial = choices[0][0]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_YAML_BYTES:
            raise forms.ValidationError(_("Filen er for stor (højst 256 kB)."))
        content = upload.read()
        if b"\x00" in content:
            raise forms.ValidationError(_("Filen er ikke en tekstfil."))
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("Filen er ikke en tekstfil i UTF-8.")) from exc
