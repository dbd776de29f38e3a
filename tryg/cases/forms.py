"""Forms of the cases pages: they parse and type-check input only. Every rule lives in the services, whose
ValidationError the views put on the form with `tryg.core.forms.form_errors_from`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import identity
from .models import (
    AgeGroup,
    Case,
    CaseLink,
    CaseMember,
    Channel,
    Concern,
    Referral,
    RelatedPerson,
    TargetGroup,
    TimelineEntry,
)
from .services.casefile import MANUAL_KINDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ConcernForm(forms.Form):
    target_group = forms.ChoiceField(
        label=_("Hvem drejer bekymringen sig om?"), choices=TargetGroup.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Navn"), max_length=200)
    birth_date = forms.DateField(
        label=_("Fødselsdato"), required=False, widget=DateInput(), help_text=_("Eller vælg en aldersgruppe.")
    )
    age_group = forms.ChoiceField(
        label=_("Aldersgruppe"), choices=[("", _("Ved ikke"))] + list(AgeGroup.choices), required=False
    )
    cpr = forms.CharField(label=_("CPR-nummer"), max_length=11, required=False, help_text=_("DDMMÅÅ-XXXX."))
    address = forms.CharField(label=_("Adresse"), max_length=300, required=False)
    address_is_safe = forms.BooleanField(
        label=_("Adressen er sikker at bruge"),
        required=False,
        help_text=_("Adressen gemmes kun, hvis det er sikkert at sende post dertil."),
    )
    warning_signs = forms.MultipleChoiceField(
        label=_("Bekymringstegn, du har set"), required=False, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(
        label=_("Beskriv din bekymring"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        help_text=_("Hvad har du set eller hørt, hvornår, og hvad har barnet eller den voksne selv sagt?"),
    )
    urgency = forms.ChoiceField(
        label=_("Hastegrad"),
        choices=Concern.Urgency.choices,
        initial=Concern.Urgency.NORMAL,
        widget=forms.RadioSelect,
        help_text=_("Akut: der er fare nu. Ring også 112 ved akut fare."),
    )
    notifier_unit = forms.ChoiceField(label=_("Din enhed"), required=False)
    notifier_label = forms.CharField(
        label=_("Din egen korte betegnelse"),
        max_length=80,
        required=False,
        help_text=_("Kun du ser den, under Mine underretninger, fx «eleven i 7.b». Skriv ikke navn eller CPR-nummer."),
    )

    def __init__(self, *args, user, warning_signs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["warning_signs"].choices = [(str(e.pk), e.title) for e in warning_signs]
        units = [m.unit for m in user.memberships_cached]
        self.fields["notifier_unit"].choices = [(str(u.pk), u.name) for u in units]
        if units:
            self.fields["notifier_unit"].initial = str(units[0].pk)

    def clean_cpr(self):
        """Parse the CPR number as a type (identity.normalise_cpr, the one definition), so its error shows with
        the form's other errors; the service checks it again for every other caller."""
        value = self.cleaned_data.get("cpr", "").strip()
        return identity.normalise_cpr(value) if value else ""


class RelatedPersonForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200, required=False)
    relation = forms.ChoiceField(
        label=_("Relation"), choices=[("", "—")] + list(RelatedPerson.Relation.choices), required=False
    )
    possible_threat = forms.BooleanField(label=_("Kan være en trussel"), required=False)
    safe_to_contact = forms.BooleanField(label=_("Sikker at kontakte"), required=False)


RelatedPersonFormSet = forms.formset_factory(RelatedPersonForm, extra=2, max_num=10, validate_max=True)


class TriageForm(forms.Form):
    DECISIONS = [
        ("new_case", _("Opret en ny sag")),
        ("merge", _("Læg på en eksisterende sag om samme person")),
        ("close", _("Luk underretningen med en begrundelse")),
    ]
    decision = forms.ChoiceField(label=_("Beslutning"), choices=DECISIONS, widget=forms.RadioSelect)
    case = forms.ChoiceField(label=_("Eksisterende sag"), required=False)
    reason = forms.CharField(
        label=_("Begrundelse for lukning"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [("", "—")] + [(str(c.pk), c.number) for c in candidates]


# The kinds a person writes (the service's MANUAL_KINDS), with the model's labels.
ENTRY_KINDS = [(kind.value, kind.label) for kind in MANUAL_KINDS]


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ENTRY_KINDS)
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000)
    corrects = forms.UUIDField(required=False, widget=forms.HiddenInput)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Opgave"), max_length=200)
    owner = forms.ChoiceField(label=_("Ansvarlig"))
    due_date = forms.DateField(label=_("Frist"), widget=DateInput())

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(str(u.pk), u.display_name) for u in owners]


class MemberForm(forms.Form):
    user = forms.ChoiceField(label=_("Person"))
    role = forms.ChoiceField(
        label=_("Rolle i sagen"),
        choices=[
            (CaseMember.Role.PARTICIPANT, CaseMember.Role.PARTICIPANT.label),
            (CaseMember.Role.SECURITY_CONSULTANT, CaseMember.Role.SECURITY_CONSULTANT.label),
        ],
    )

    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        # No one is preselected: adding a person gives them access to a child's case.
        self.fields["user"].choices = [("", _("Vælg en person"))] + [(str(u.pk), u.display_name) for u in candidates]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=Case.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Udfald (ved lukning)"), choices=[("", "—")] + list(Case.Outcome.choices), required=False
    )


class LinkForm(forms.Form):
    number = forms.CharField(label=_("Sagsnummer"), max_length=20, help_text=_("F.eks. 2026-00042."))
    kind = forms.ChoiceField(label=_("Forbindelse"), choices=CaseLink.Kind.choices)


class ContactRulesForm(forms.Form):
    allowed_channels = forms.MultipleChoiceField(
        label=_("Tilladte kontaktveje"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vælger du nogen, er alle andre kontaktveje udelukket."),
    )
    forbidden_channels = forms.MultipleChoiceField(
        label=_("Forbudte kontaktveje"), choices=Channel.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    never_contact = forms.CharField(
        label=_("Personer, der aldrig må kontaktes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    note = forms.CharField(
        label=_("Bemærkning"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ContactForm(forms.Form):
    party = forms.ChoiceField(
        label=_("Hvem er kontakten med?"),
        choices=TimelineEntry.Party.choices,
        initial=TimelineEntry.Party.PERSON,
        widget=forms.RadioSelect,
        required=False,
    )
    channel = forms.ChoiceField(label=_("Kontaktvej"), choices=[("", "—")] + list(Channel.choices))

    def clean_party(self):
        return self.cleaned_data.get("party") or TimelineEntry.Party.PERSON

    text = forms.CharField(
        label=_("Hvad drejer kontakten sig om?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )

    def __init__(self, *args, offered=None, **kwargs):
        """`offered`: the channels to show (those the safe-contact rules allow). Any channel is still parsed, so
        the service, not the form, refuses a forbidden one with its reason."""
        super().__init__(*args, **kwargs)
        if offered is not None:
            self.fields["channel"].widget.choices = [("", _("Vælg en kontaktvej"))] + [
                (value, label) for value, label in Channel.choices if value in offered
            ]


class ReferralForm(forms.Form):
    actor_type = forms.ChoiceField(label=_("Aktør"), choices=Referral.ActorType.choices)
    recipient = forms.CharField(label=_("Modtager"), max_length=200)
    text = forms.CharField(
        label=_("Oplysninger, der videregives"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    consent_given = forms.TypedChoiceField(
        label=_("Er der givet samtykke?"),
        choices=[("yes", _("Ja")), ("no", _("Nej"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    consent_by = forms.CharField(label=_("Samtykke givet af"), max_length=200, required=False)
    legal_basis = forms.CharField(
        label=_("Hjemmel til videregivelse uden samtykke"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class FeedbackForm(forms.Form):
    feedback = forms.ChoiceField(
        label=_("Tilbagemelding til underretteren"), choices=Concern.Feedback.choices, widget=forms.RadioSelect
    )


class ReferralDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Godkend")), ("reject", _("Afvis"))])


class BreakGlassForm(forms.Form):
    number = forms.CharField(label=_("Sagsnummer"), max_length=20)
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        max_length=2000,
        help_text=_("Skriv, hvorfor du har brug for adgang nu. Din koordinator får besked."),
    )


class CaseSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sagsnummer, navn eller CPR-nummer"),
        required=False,
        max_length=100,
        help_text=_("Navne findes kun på hele ord."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Alle"))] + list(Case.Status.choices), required=False)


class AccessExportForm(forms.Form):
    number = forms.CharField(label=_("Sagsnummer"), max_length=20, help_text=_("Personen vælges via sagsnummeret."))


class ArchiveHoldForm(forms.Form):
    hold = forms.TypedChoiceField(
        label=_("Arkivstop"),
        choices=[("1", _("Sæt arkivstop")), ("0", _("Ophæv arkivstop"))],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For eksempel en verserende klage, en retssag eller en afleveringspligt til arkiv."),
    )


class IntakeSettingsForm(forms.Form):
    child_unit = forms.ModelChoiceField(
        label=_("Modtager af underretninger om børn og unge"),
        queryset=None,
        help_text=_("Typisk Børne- og Familieafdelingen. Enhedens vagthavende sagsbehandlere får besked om akutte."),
    )
    adult_unit = forms.ModelChoiceField(
        label=_("Modtager af underretninger om voksne"),
        queryset=None,
        help_text=_("Typisk voksenrådgivningen eller socialafdelingen."),
    )
    retention_years = forms.IntegerField(
        label=_("Opbevaring af lukkede sager (år)"),
        min_value=1,
        max_value=30,
        help_text=_(
            "Når tiden er gået, anonymiseres sagen, medmindre den har arkivstop. Gælder sager, der lukkes fremover."
        ),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("child_unit", "adult_unit"):
            self.fields[name].queryset = units
            self.fields[name].empty_label = _("Vælg en enhed")
