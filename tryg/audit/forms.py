from datetime import date

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from tryg.accounts.models import Unit, User
from tryg.core.forms import DateInput

from .models import Action

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]
TYPE_VALIDATOR = RegexValidator(
    r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$", _("Skriv typen som app.model, fx cases.person.")
)
ID_VALIDATOR = RegexValidator(r"^[A-Za-z0-9_-]+$", _("Id må kun indeholde bogstaver, tal, - og _."))


# The log holds rows from 2000 on at the earliest; a date outside these bounds is a typing error, and far
# dates (9999-12-31) would overflow the day arithmetic.
MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2100, 12, 31)


class AuditSearchForm(forms.Form):
    """The access-log search. The case and person fields appear only when an app resolves them (see registry);
    the person field only for those who may see names (`access.can_see_names`)."""

    case_number = forms.CharField(
        label=_("Sagsnummer"), required=False, max_length=20, help_text=_("Fx 2026-0001. Finder alt om sagen.")
    )
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=120,
        help_text=_("Hele navne eller CPR-nummer. Finder alt om personen."),
    )
    user = forms.ModelChoiceField(label=_("Medarbejder"), required=False, queryset=User.objects.none())
    username = forms.CharField(
        label=_("Brugernavn"),
        required=False,
        max_length=150,
        help_text=_("Også brugere fra andre kommuner og mislykkede login."),
    )
    unit = forms.ModelChoiceField(label=_("Enhed"), required=False, queryset=Unit.objects.none())
    action = forms.ChoiceField(label=_("Handling"), required=False, choices=[("", _("Alle handlinger"))])
    date_from = forms.DateField(label=_("Fra dato"), required=False, input_formats=DATE_FORMATS, widget=DateInput())
    date_to = forms.DateField(label=_("Til dato"), required=False, input_formats=DATE_FORMATS, widget=DateInput())

    def __init__(self, *args, municipality_id: int, kinds=(), names: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Alle handlinger")), *Action.choices]
        users = User.objects.filter(municipality_id=municipality_id).order_by("first_name", "last_name", "username")
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: f"{u.display_name} ({u.username})"
        self.fields["user"].empty_label = _("Alle medarbejdere")
        self.fields["unit"].queryset = Unit.objects.filter(municipality_id=municipality_id).order_by("name")
        self.fields["unit"].empty_label = _("Alle enheder")
        if "case" not in kinds:
            del self.fields["case_number"]
        if "person" not in kinds or not names:
            del self.fields["person"]

    def _clean_day(self, name: str):
        day = self.cleaned_data.get(name)
        if day and not MIN_DATE <= day <= MAX_DATE:
            raise forms.ValidationError(
                _("Datoen skal ligge mellem %(min)s og %(max)s.")
                % {"min": MIN_DATE.strftime("%d.%m.%Y"), "max": MAX_DATE.strftime("%d.%m.%Y")}
            )
        return day

    def clean_date_from(self):
        return self._clean_day("date_from")

    def clean_date_to(self):
        return self._clean_day("date_to")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Til-datoen skal være samme dag som fra-datoen eller senere."))
        if data.get("user") and data.get("username"):
            self.add_error("username", _("Vælg en medarbejder på listen eller skriv et brugernavn, ikke begge."))
        for name in ("case_number", "person", "username"):
            if name in data:
                data[name] = data[name].strip()
        return data


class SubjectExportForm(forms.Form):
    subject_type = forms.CharField(
        label=_("Type af registreret person"),
        max_length=60,
        validators=[TYPE_VALIDATOR],
        help_text=_("Fx cases.person."),
    )
    subject_id = forms.CharField(label=_("Id på registreret person"), max_length=64, validators=[ID_VALIDATOR])
