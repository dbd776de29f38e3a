"""Forms of upskilling: they parse and type-check only; the rules live in services.py."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tryg.core.forms import DateInput

from .models import Course, TargetGroup
from .services import CourseData, SessionData

DATE = DateInput()
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.username})"


class CourseForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150)
    kind = forms.ChoiceField(label=_("Form"), choices=Course.Kind.choices)
    description = forms.CharField(label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    learning_goals = forms.CharField(
        label=_("Læringsmål"), help_text=_("Ét mål pr. linje."), widget=forms.Textarea(attrs={"rows": 4})
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Målgrupper"), choices=TargetGroup.choices, widget=forms.CheckboxSelectMultiple
    )
    validity_months = forms.IntegerField(
        label=_("Gyldighed i måneder"),
        min_value=1,
        max_value=120,
        initial=24,
        help_text=_("Så længe tæller kurset med i enhedens dækning, før det skal tages igen."),
    )
    is_active = forms.BooleanField(label=_("Kurset udbydes"), required=False, initial=True)

    @staticmethod
    def initial_for(course: Course) -> dict:
        return {
            name: getattr(course, name)
            for name in (
                "title",
                "kind",
                "description",
                "learning_goals",
                "target_groups",
                "validity_months",
                "is_active",
            )
        }

    def data_object(self) -> CourseData:
        return CourseData(**self.cleaned_data)


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Dato"), widget=DATE)
    start = forms.TimeField(label=_("Starter kl."), widget=TIME)
    end_day = forms.DateField(
        label=_("Slutdato"), widget=DATE, required=False, help_text=_("Kun hvis kurset varer flere dage.")
    )
    end = forms.TimeField(label=_("Slutter kl."), widget=TIME)
    place = forms.CharField(label=_("Sted"), max_length=200)
    capacity = forms.IntegerField(label=_("Antal pladser"), min_value=1, max_value=1000)

    @staticmethod
    def initial_for(session) -> dict:
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        return {
            "day": starts.date(),
            "start": starts.time(),
            "end_day": ends.date() if ends.date() != starts.date() else None,
            "end": ends.time(),
            "place": session.place,
            "capacity": session.capacity,
        }

    def data_object(self) -> SessionData:
        d = self.cleaned_data
        return SessionData(
            starts_at=timezone.make_aware(datetime.combine(d["day"], d["start"])),
            ends_at=timezone.make_aware(datetime.combine(d["end_day"] or d["day"], d["end"])),
            place=d["place"],
            capacity=d["capacity"],
        )


class EnrolForm(forms.Form):
    user = PersonChoiceField(label=_("Medarbejder"), queryset=None, required=False)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


class ManagerForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Enhed"), queryset=None)
    user = PersonChoiceField(label=_("Leder"), queryset=None)

    def __init__(self, *args, units, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["user"].queryset = users


class CoverageForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Kursus"), queryset=None, required=False, empty_label=_("Alle kurser"))

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
