from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import Action

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]
TYPE_VALIDATOR = RegexValidator(
    r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$", _("Skriv typen som app.model, fx cases.person.")
)
ID_VALIDATOR = RegexValidator(r"^[A-Za-z0-9_-]+$", _("Id må kun indeholde bogstaver, tal, - og _."))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class AuditSearchForm(forms.Form):
    date_from = forms.DateField(label=_("Fra dato"), required=False, input_formats=DATE_FORMATS, widget=DateInput())
    date_to = forms.DateField(label=_("Til dato"), required=False, input_formats=DATE_FORMATS, widget=DateInput())
    actor = forms.CharField(label=_("Brugernavn"), required=False, max_length=150)
    action = forms.ChoiceField(label=_("Handling"), required=False, choices=[("", _("Alle handlinger"))])
    object_type = forms.CharField(
        label=_("Objekttype"),
        required=False,
        max_length=60,
        validators=[TYPE_VALIDATOR],
        help_text=_("Fx cases.case eller knowledge.entry."),
    )
    object_id = forms.CharField(label=_("Objekt-id"), required=False, max_length=64, validators=[ID_VALIDATOR])
    subject_type = forms.CharField(
        label=_("Type af registreret person"),
        required=False,
        max_length=60,
        validators=[TYPE_VALIDATOR],
        help_text=_("Fx cases.person."),
    )
    subject_id = forms.CharField(
        label=_("Id på registreret person"), required=False, max_length=64, validators=[ID_VALIDATOR]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Alle handlinger")), *Action.choices]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Til-datoen skal være samme dag som fra-datoen eller senere."))
        if data.get("object_id") and not data.get("object_type"):
            self.add_error("object_type", _("Angiv objekttypen, når du søger på et objekt-id."))
        if data.get("subject_id") and not data.get("subject_type"):
            self.add_error("subject_type", _("Angiv typen, når du søger på en registreret persons id."))
        return data


class SubjectExportForm(forms.Form):
    subject_type = forms.CharField(
        label=_("Type af registreret person"),
        max_length=60,
        validators=[TYPE_VALIDATOR],
        help_text=_("Fx cases.person."),
    )
    subject_id = forms.CharField(label=_("Id på registreret person"), max_length=64, validators=[ID_VALIDATOR])
