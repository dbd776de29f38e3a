"""Forms of the coordination pages: parse and type-check only; the rules are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tryg.accounts.models import Unit
from tryg.core.forms import DateInput

from .models import Actor, Consultation


class ConsultationForm(forms.Form):
    """Ask the consultants: anonymous (no personal data) or about a named person (the legal basis first)."""

    KIND_CHOICES = [
        ("anonymous", _("Anonym rådgivning – uden personoplysninger")),
        ("named", _("Rådgivning om en navngiven person – hjemlen angives først")),
    ]
    kind = forms.ChoiceField(label=_("Hvilken slags rådgivning?"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    target_group = forms.ChoiceField(
        label=_("Hvem handler det om?"), choices=Consultation.TargetGroup.choices, widget=forms.RadioSelect
    )
    urgency = forms.ChoiceField(
        label=_("Hvor hurtigt har du brug for svar?"),
        choices=Consultation.Urgency.choices,
        initial=Consultation.Urgency.NORMAL,
    )
    topic = forms.CharField(
        label=_("Emne"),
        max_length=200,
        help_text=_("Kort, uden navne, fx “Pige på 15 frygter at blive sendt på ferie”."),
    )
    text = forms.CharField(
        label=_("Dit spørgsmål"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ved anonym rådgivning: skriv ikke navne eller CPR-numre, men fx alder, køn og klassetrin."),
    )
    # The legal basis (named only), before any personal data.
    basis = forms.ChoiceField(
        label=_("Hjemmel for at dele oplysninger om personen"),
        choices=[("", "---------"), *Consultation.Basis.choices],
        required=False,
        help_text=_(
            "Samtykke fra personen selv eller forældremyndighedens indehaver, eller for et barn barnets lov § 172 c "
            "(udveksling med sikkerhedskonsulenterne uden forældrenes samtykke, når der er grund til at antage, at "
            "der er en æresrelateret konflikt). Henvisningen er ikke kontrolleret mod lovteksten: læs bestemmelsen."
        ),
    )
    consent_by = forms.CharField(label=_("Samtykke givet af"), max_length=200, required=False)
    consent_on = forms.DateField(label=_("Samtykke givet den"), required=False, widget=DateInput())
    consent_scope = forms.CharField(
        label=_("Hvad samtykket omfatter"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Fx “rådgivning om skolens handlemuligheder; må deles med sikkerhedskonsulenterne”."),
    )
    consent_form = forms.ChoiceField(
        label=_("Hvordan samtykket er givet"),
        choices=[("", "---------"), *Consultation.ConsentForm.choices],
        required=False,
    )
    person_name = forms.CharField(label=_("Personens navn"), max_length=200, required=False)
    person_details = forms.CharField(
        label=_("Andre oplysninger om personen"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Fx alder, skole eller klasse. Ikke CPR-nummer."),
    )
    unit = forms.ChoiceField(label=_("Du spørger fra"), required=False)

    def __init__(self, *args, units=(), from_case=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        if len(self.fields["unit"].choices) <= 1:
            self.fields["unit"].widget = forms.HiddenInput()
        if from_case:
            del self.fields["kind"]
            del self.fields["person_name"]
            del self.fields["person_details"]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        kind = data.pop("kind", "named")
        data["is_anonymous"] = kind == "anonymous"
        data["unit_id"] = data.pop("unit", None) or None
        return data


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Besked"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4}))


class CloseForm(forms.Form):
    advice = forms.CharField(label=_("Den rådgivning, der er givet"), widget=forms.Textarea(attrs={"rows": 4}))
    follow_up = forms.CharField(
        label=_("Opfølgning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hvad er aftalt, og hvem gør hvad?"),
    )


class LinkCaseForm(forms.Form):
    number = forms.CharField(label=_("Sagsnummer"), max_length=20)


class ConcernFromConsultationForm(forms.Form):
    person_name = forms.CharField(
        label=_("Personens navn"),
        max_length=200,
        required=False,
        help_text=_("Udfyldt, hvis forespørgslen er navngiven. Ellers en beskrivelse, fx “ukendt pige, 15 år”."),
    )
    description = forms.CharField(label=_("Underretningen"), widget=forms.Textarea(attrs={"rows": 5}))
    urgency = forms.ChoiceField(
        label=_("Hastegrad"), choices=[("normal", _("Almindelig")), ("acute", _("Akut"))], initial="normal"
    )


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150)
    starts_at = forms.DateTimeField(
        label=_("Tidspunkt"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = forms.CharField(label=_("Sted"), max_length=150, required=False)
    case = forms.UUIDField(required=False, widget=forms.HiddenInput())


class ParticipantForm(forms.Form):
    user = forms.ChoiceField(label=_("Bruger i Tryg"), required=False)
    actor = forms.ChoiceField(label=_("Ekstern aktør"), required=False, help_text=_("Vises kun med navn."))

    def __init__(self, *args, users=(), actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "---------"), *[(u.pk, u.display_name) for u in users]]
        self.fields["actor"].choices = [("", "---------"), *[(a.pk, a.name) for a in actors]]


class AgendaForm(forms.Form):
    number = forms.CharField(label=_("Sagsnummer"), max_length=20)


class DecisionsForm(forms.Form):
    decisions = forms.CharField(label=_("Beslutninger"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Handling"), max_length=200)
    owner = forms.ChoiceField(label=_("Ansvarlig"))
    due_date = forms.DateField(label=_("Frist"), widget=DateInput())

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(u.pk, u.display_name) for u in owners]


class FamilyInviteForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    relation = forms.CharField(label=_("Relation til personen"), max_length=100, help_text=_("Fx mor, far, onkel."))


class ReferralForm(forms.Form):
    actor = forms.ChoiceField(label=_("Aktør"))
    text = forms.CharField(label=_("Oplysninger, der videregives"), widget=forms.Textarea(attrs={"rows": 4}))
    consent_given = forms.BooleanField(
        label=_("Personen (eller forældremyndighedens indehaver) har givet samtykke"), required=False
    )
    consent_by = forms.CharField(label=_("Samtykke givet af"), max_length=200, required=False)
    legal_basis = forms.CharField(
        label=_("Hjemmel uden samtykke"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", "---------"), *[(a.pk, a.name) for a in actors]]


class AnswerForm(forms.Form):
    ANSWERS = [
        ("accept", _("Vi tager imod henvisningen")),
        ("decline", _("Vi afviser henvisningen")),
        ("outcome", _("Vi melder udfaldet")),
    ]
    answer = forms.ChoiceField(label=_("Svar"), choices=ANSWERS, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Begrundelse eller udfald"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Påkrævet ved afvisning og udfald."),
    )

    def __init__(self, *args, state: str = "waiting", **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ("outcome",) if state == "accepted" else ("accept", "decline")
        self.fields["answer"].choices = [c for c in self.ANSWERS if c[0] in allowed]


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.municipality.name})"


class ActorForm(forms.ModelForm):
    """An actor of the directory; `unit` (optional) is the unit in Tryg whose users answer referrals to it."""

    url = forms.URLField(label=_("hjemmeside"), required=False, assume_scheme="https")
    unit = UnitChoiceField(
        label=_("Enhed i Tryg (valgfri)"),
        help_text=_("Brugerne i enheden kan besvare henvisninger til aktøren."),
        queryset=Unit.objects.filter(is_active=True)
        .select_related("municipality")
        .order_by("municipality__name", "name"),
        required=False,
        empty_label=_("Ingen – aktøren svarer ikke i Tryg"),
    )

    class Meta:
        model = Actor
        fields = ["name", "kind", "offers", "phone", "email", "url", "address", "hours", "unit"]
        widgets = {"offers": forms.Textarea(attrs={"rows": 3})}
