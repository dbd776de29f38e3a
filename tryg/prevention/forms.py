"""Forms of youth-to-youth dialogue: they parse and type-check only; the rules live in services.py."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tryg.core.forms import DateInput

from .models import AgeBand, Facilitator, Gender, PlaceKind
from .services import MAX_SLIPS_AT_ONCE, FacilitatorData, SessionData

DATE = DateInput()
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
SCALE = [(i, str(i)) for i in range(1, 6)]


class FacilitatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.username})"


class FacilitatorForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=150)
    birth_date = forms.DateField(label=_("Fødselsdato"), widget=DATE)
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=200, required=False)
    consent_on = forms.DateField(
        label=_("Samtykke til registrering givet den"),
        widget=DATE,
        help_text=_("Dialogskaberen har sagt ja til at blive registreret i Tryg."),
    )
    guardian_name = forms.CharField(
        label=_("Forælder eller værge"),
        max_length=150,
        required=False,
        help_text=_("Skal udfyldes for unge under 18 år."),
    )
    guardian_consent_on = forms.DateField(
        label=_("Forælderens eller værgens samtykke givet den"), widget=DATE, required=False
    )
    training_status = forms.ChoiceField(label=_("Uddannelse"), choices=Facilitator.Training.choices)
    trained_on = forms.DateField(label=_("Uddannet den"), widget=DATE, required=False)
    user = UserChoiceField(
        label=_("Login i Tryg"),
        queryset=None,
        required=False,
        help_text=_("Valgfrit: knyt dialogskaberen til en bruger, så vedkommende kan se sine egne møder."),
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users

    @staticmethod
    def initial_for(facilitator: Facilitator) -> dict:
        return {
            name: getattr(facilitator, name)
            for name in (
                "name",
                "birth_date",
                "phone",
                "email",
                "consent_on",
                "guardian_name",
                "guardian_consent_on",
                "training_status",
                "trained_on",
            )
        } | {"user": facilitator.user_id}

    def data_object(self) -> FacilitatorData:
        return FacilitatorData(**self.cleaned_data)


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Dato"), widget=DATE)
    start = forms.TimeField(label=_("Starter kl."), widget=TIME)
    end = forms.TimeField(label=_("Slutter kl."), widget=TIME)
    place_kind = forms.ChoiceField(label=_("Type af sted"), choices=PlaceKind.choices)
    place_unit = forms.ModelChoiceField(
        label=_("Enhed i kommunen"),
        queryset=None,
        required=False,
        help_text=_("Vælg en enhed, eller skriv stedet nedenfor."),
    )
    place_name = forms.CharField(label=_("Andet sted"), max_length=150, required=False)
    audience = forms.CharField(label=_("Målgruppe"), max_length=150, help_text=_("Fx klasse, hold eller gruppe."))
    age_band = forms.ChoiceField(label=_("Aldersgruppe"), choices=AgeBand.choices)
    topics = forms.ModelMultipleChoiceField(label=_("Emner"), queryset=None, widget=forms.CheckboxSelectMultiple)
    facilitators = FacilitatorChoiceField(label=_("Dialogskabere"), queryset=None, widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(
        label=_("Praktisk note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, units, topics, facilitators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place_unit"].queryset = units
        self.fields["topics"].queryset = topics
        self.fields["facilitators"].queryset = facilitators

    @staticmethod
    def initial_for(session) -> dict:
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        return {
            "day": starts.date(),
            "start": starts.time(),
            "end": ends.time(),
            "place_kind": session.place_kind,
            "place_unit": session.place_unit_id,
            "place_name": session.place_name,
            "audience": session.audience,
            "age_band": session.age_band,
            "topics": [t.pk for t in session.topics.all()],
            "facilitators": [f.pk for f in session.facilitators.all()],
            "note": session.note,
        }

    def data_object(self) -> SessionData:
        d = self.cleaned_data
        return SessionData(
            starts_at=timezone.make_aware(datetime.combine(d["day"], d["start"])),
            ends_at=timezone.make_aware(datetime.combine(d["day"], d["end"])),
            place_kind=d["place_kind"],
            place_unit=d["place_unit"],
            place_name=d["place_name"],
            audience=d["audience"],
            age_band=d["age_band"],
            topics=list(d["topics"]),
            facilitators=list(d["facilitators"]),
            note=d["note"],
        )


def count_field_name(band: str, gender: str) -> str:
    return f"c_{band}_{gender}".replace("+", "plus").replace("-", "_")


class ParticipantsForm(forms.Form):
    """One number per age band and gender."""

    def __init__(self, *args, initial_counts: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_counts = initial_counts or {}
        self.grid = []
        for band, band_label in AgeBand.choices:
            row = []
            for gender, gender_label in Gender.choices:
                name = count_field_name(band, gender)
                self.fields[name] = forms.IntegerField(
                    label=f"{band_label}, {gender_label}",
                    min_value=0,
                    max_value=10_000,
                    required=False,
                    initial=initial_counts.get((band, gender)) or None,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "form-input input-width-xs"}),
                )
                row.append(name)
            self.grid.append((band_label, row))

    def counts(self) -> dict[tuple[str, str], int]:
        return {
            (band, gender): self.cleaned_data.get(count_field_name(band, gender)) or 0
            for band in AgeBand.values
            for gender in Gender.values
        }

    def rows(self):
        return [(label, [self[name] for name in names]) for label, names in self.grid]


class SlipsForm(forms.Form):
    count = forms.IntegerField(label=_("Antal sedler"), min_value=1, max_value=MAX_SLIPS_AT_ONCE, initial=30)


class TopicForm(forms.Form):
    name = forms.CharField(label=_("Nyt emne"), max_length=100)


class TopicActiveForm(forms.Form):
    active = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


class MonthForm(forms.Form):
    month = forms.RegexField(regex=r"^\d{4}-(0[1-9]|1[0-2])$", required=False)

    def year_month(self) -> tuple[int, int]:
        value = self.cleaned_data.get("month") if self.is_valid() else ""
        if not value:
            today = timezone.localdate()
            return today.year, today.month
        year, month = value.split("-")
        return int(year), int(month)


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Koden på din seddel"),
        max_length=20,
        help_text=_("8 tegn, fx ABCD-EFGH."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class EvaluationForm(forms.Form):
    score_voice = forms.TypedChoiceField(
        label=_("Jeg kunne sige min mening"), choices=SCALE, coerce=int, widget=forms.RadioSelect
    )
    score_learned = forms.TypedChoiceField(
        label=_("Jeg lærte noget nyt"), choices=SCALE, coerce=int, widget=forms.RadioSelect
    )
    score_relevant = forms.TypedChoiceField(
        label=_("Emnet betyder noget for mig"), choices=SCALE, coerce=int, widget=forms.RadioSelect
    )
    reflection = forms.CharField(
        label=_("Hvad tager du med dig fra i dag?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Skriv ikke dit navn eller andres navne."),
    )
