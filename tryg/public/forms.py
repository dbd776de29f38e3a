"""Parse what a citizen types. Free text is kept as text (shown escaped everywhere); control characters other
than line breaks and tabs are removed, length is capped with a plain message."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tryg.core.text import validate_name

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_MESSAGE = 5000


def clean_text(value: str) -> str:
    return CONTROL.sub("", value or "").replace("\r\n", "\n").strip()


class TextField(forms.CharField):
    def __init__(self, *, max_length: int, rows: int = 0, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": _("Teksten er for lang: højst %(limit_value)s tegn (du har skrevet %(show_value)s)."),
                "required": _("Skriv noget her."),
            },
        )
        widget = forms.Textarea(attrs={"rows": rows, "maxlength": max_length}) if rows else None
        super().__init__(max_length=max_length, widget=widget, strip=False, **kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value))


def municipality_choices(municipalities, *, blank: str) -> list[tuple[str, str]]:
    return [("", blank), *[(m.code, m.name) for m in municipalities]]


AGE_BANDS = [
    ("", _("Vælg")),
    ("under-13", _("Under 13 år")),
    ("13-15", _("13–15 år")),
    ("16-17", _("16–17 år")),
    ("18-24", _("18–24 år")),
    ("25+", _("25 år eller ældre")),
    ("unknown", _("Vil ikke sige det")),
]


class ContactForm(forms.Form):
    ONLY_HERE = "only_here"
    MAY_CONTACT = "may_contact"

    text = TextField(
        label=_("Hvad sker der?"),
        max_length=MAX_MESSAGE,
        rows=8,
        help_text=_("Skriv med dine egne ord. Du behøver ikke skrive navne."),
    )
    involved = TextField(
        label=_("Hvem er involveret?"),
        max_length=500,
        rows=2,
        required=False,
        help_text=_("For eksempel far, bror, kæreste. Du kan lade feltet stå tomt."),
    )
    age_band = forms.ChoiceField(label=_("Hvor gammel er du?"), choices=AGE_BANDS, required=False)
    municipality = forms.ChoiceField(label=_("Hvilken kommune bor du i?"), required=False)
    region = forms.ChoiceField(
        label=_("Eller: hvilken region bor du i?"),
        required=False,
        help_text=_("Vil du ikke sige kommunen, så vælg regionen. Så kommer beskeden til konsulenterne dér."),
    )
    contact = forms.ChoiceField(
        label=_("Må vi kontakte dig?"),
        choices=[
            (ONLY_HERE, _("Nej, kun gennem denne side (med din kode)")),
            (MAY_CONTACT, _("Ja, det er sikkert at kontakte mig sådan her:")),
        ],
        widget=forms.RadioSelect,
        initial=ONLY_HERE,
        error_messages={"required": _("Vælg, om vi må kontakte dig.")},
    )
    contact_how = TextField(
        label=_("Hvordan og hvornår er det sikkert at kontakte dig?"),
        max_length=200,
        required=False,
        help_text=_("For eksempel et telefonnummer og et tidspunkt, hvor du er alene."),
    )

    def __init__(self, *args, municipalities=(), regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices(municipalities, blank=_("Vil ikke sige det"))
        self.fields["region"].choices = [("", _("Vælg")), *[(r.code, r.name) for r in regions]]

    def clean(self):
        data = super().clean()
        if not data.get("municipality") and not data.get("region"):
            self.add_error("region", _("Vælg din kommune eller din region."))
        if data.get("contact") == self.MAY_CONTACT and not data.get("contact_how"):
            self.add_error("contact_how", _("Skriv, hvordan vi kan kontakte dig, eller vælg »kun gennem denne side«."))
        return data


CHILD_AGES = [("", _("Ved ikke")), ("0-5", _("0–5 år")), ("6-12", _("6–12 år")), ("13-17", _("13–17 år"))]


class NotificationForm(forms.Form):
    municipality = forms.ChoiceField(
        label=_("Hvilken kommune bor barnet i?"),
        error_messages={"required": _("Vælg kommunen.")},
    )
    child_name = TextField(
        label=_("Barnets navn"),
        max_length=200,
        help_text=_("Kender du ikke navnet, så skriv, hvem barnet er, for eksempel »pigen i nr. 12, ca. 14 år«."),
    )
    age_group = forms.ChoiceField(label=_("Barnets alder"), choices=CHILD_AGES, required=False)
    description = TextField(
        label=_("Hvad er du bekymret for?"),
        max_length=MAX_MESSAGE,
        rows=8,
        help_text=_("Skriv, hvad du har set eller hørt, og hvornår."),
    )
    notifier_name = TextField(label=_("Dit navn"), max_length=200, required=False)
    notifier_contact = TextField(label=_("Dit telefonnummer eller din e-mail"), max_length=200, required=False)
    understood = forms.BooleanField(
        label=_("Jeg har læst, at forældrene kan få at vide, hvad jeg skriver."),
        error_messages={"required": _("Sæt kryds for at vise, at du har læst det.")},
    )

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices(municipalities, blank=_("Vælg"))

    def clean_child_name(self):
        name = self.cleaned_data["child_name"]
        try:
            validate_name(name)
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None
        return name


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Din kode"),
        max_length=40,
        help_text=_("Koden består af 20 tegn. Du kan skrive den med eller uden bindestreger."),
        error_messages={"required": _("Skriv din kode.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class ReplyForm(forms.Form):
    code = forms.CharField(max_length=40, widget=forms.HiddenInput)
    text = TextField(label=_("Skriv igen"), max_length=MAX_MESSAGE, rows=6)
