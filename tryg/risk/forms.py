"""Parse and type-check only; the rules are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tryg.cases.models import RelatedPerson

from .models import Level, SiblingConsideration
from .services.casework import TRAVEL_STEPS

PERIOD_LABELS = {"present": _("Nu"), "past": _("Tidligere")}
LEVEL_CHOICES = [("", _("Vælg niveau"))] + list(Level.choices)
SCENARIO_SLOTS = 3


class AssessmentForm(forms.Form):
    """The answers of one assessment, built from its instrument version."""

    level = forms.ChoiceField(label=_("Samlet risikoniveau (faglig vurdering)"), choices=LEVEL_CHOICES, required=False)
    level_reason = forms.CharField(
        label=_("Begrundelse for niveauet"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes, hvis du vælger et højere niveau end screeningens resultat."),
    )
    notes = forms.CharField(
        label=_("Bemærkninger"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    action = forms.ChoiceField(
        label=_("Handling"),
        choices=[("save", _("Gem kladde")), ("sign", _("Gem og underskriv"))],
        error_messages={"required": _("Vælg «Gem kladde» eller «Gem og underskriv».")},
    )

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        definition = version.definition
        choices = [(o["value"], o["label"]) for o in definition["scale"]]
        for item in version.items():
            for period in definition["periods"]:
                self.fields[f"r_{item['id']}_{period}"] = forms.ChoiceField(
                    label=PERIOD_LABELS[period] if len(definition["periods"]) > 1 else item["text"],
                    choices=choices,
                    required=False,
                    widget=forms.RadioSelect,
                )
        for j in definition.get("judgements", []):
            if j["answer"] == "level":
                field = forms.ChoiceField(label=j["text"], choices=LEVEL_CHOICES, required=False, help_text=j["help"])
            else:
                field = forms.CharField(
                    label=j["text"],
                    required=False,
                    max_length=5000,
                    help_text=j["help"],
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
            self.fields[f"j_{j['id']}"] = field
        if definition.get("scenarios"):
            for n in range(SCENARIO_SLOTS):
                self.fields[f"s{n}_title"] = forms.CharField(label=_("Scenarie"), required=False, max_length=5000)
                self.fields[f"s{n}_level"] = forms.ChoiceField(
                    label=_("Sandsynlighed"), choices=LEVEL_CHOICES, required=False
                )
                self.fields[f"s{n}_measures"] = forms.CharField(
                    label=_("Beskyttende tiltag"),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    @staticmethod
    def initial_for(assessment) -> dict:
        out = {"level": assessment.level, "level_reason": assessment.level_reason, "notes": assessment.notes}
        for item_id, rating in (assessment.ratings or {}).items():
            for period, value in rating.items():
                out[f"r_{item_id}_{period}"] = value
        for key, value in (assessment.judgements or {}).items():
            out[f"j_{key}"] = value
        for n, scenario in enumerate(assessment.scenarios or []):
            for key in ("title", "level", "measures"):
                out[f"s{n}_{key}"] = scenario.get(key, "")
        return out

    def layout(self) -> list[dict]:
        periods = self.version.definition["periods"]
        return [
            {
                "domain": domain,
                "items": [
                    {"item": item, "fields": [self[f"r_{item['id']}_{p}"] for p in periods]} for item in domain["items"]
                ],
            }
            for domain in self.version.definition["domains"]
        ]

    def judgement_fields(self) -> list:
        return [self[f"j_{j['id']}"] for j in self.version.definition.get("judgements", [])]

    def scenario_rows(self) -> list:
        if not self.version.definition.get("scenarios"):
            return []
        return [[self[f"s{n}_{k}"] for k in ("title", "level", "measures")] for n in range(SCENARIO_SLOTS)]

    def service_data(self) -> dict:
        data = self.cleaned_data
        definition = self.version.definition
        ratings = {}
        for item in self.version.items():
            rating = {
                p: data.get(f"r_{item['id']}_{p}") for p in definition["periods"] if data.get(f"r_{item['id']}_{p}")
            }
            if rating:
                ratings[item["id"]] = rating
        judgements = {j["id"]: data.get(f"j_{j['id']}", "") for j in definition.get("judgements", [])}
        scenarios = [
            {k: data.get(f"s{n}_{k}", "") for k in ("title", "level", "measures")}
            for n in range(SCENARIO_SLOTS)
            if definition.get("scenarios")
        ]
        return {
            "ratings": ratings,
            "judgements": judgements,
            "scenarios": scenarios,
            "level": data["level"],
            "level_reason": data["level_reason"],
            "notes": data["notes"],
        }


class StartForm(forms.Form):
    instrument = forms.SlugField(max_length=80)


class FlagForm(forms.Form):
    honour_related = forms.TypedChoiceField(
        label=_("Er sagen æresrelateret?"),
        choices=[("yes", _("Ja, sagen er æresrelateret")), ("no", _("Nej"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Begrundelse"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class SiblingForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Hvad skal der ske?"),
        choices=[
            (SiblingConsideration.Decision.TASK, _("Opret en opgave: vurdér søskendes situation")),
            (SiblingConsideration.Decision.CONCERN, _("Opret en underretning om søskende")),
            (SiblingConsideration.Decision.NO_ACTION, _("Overvejet, ingen handling (skriv hvorfor)")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Begrundelse eller bemærkning"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, person: RelatedPerson | None = None, **kwargs):
        prefix = f"sib{person.pk}" if person is not None else None
        super().__init__(*args, prefix=prefix, **kwargs)


class TravelForm(forms.Form):
    departure_date = forms.DateField(
        label=_("Afrejsedato"), required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    destination = forms.CharField(label=_("Rejsemål"), required=False, max_length=200)
    steps_done = forms.MultipleChoiceField(
        label=_("Trin, der er taget"),
        choices=[(s.key, s.label) for s in TRAVEL_STEPS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Bemærkninger"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


ACTION_SLOTS = 3


class SafetyPlanForm(forms.Form):
    escalation = forms.CharField(
        label=_("Hvis det bliver farligt, gør jeg sådan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    contacts = forms.CharField(
        label=_("Dem kan jeg kontakte dag og nat"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Navn og telefonnummer. Akut fare: 112."),
    )
    code_words = forms.CharField(
        label=_("Kodeord"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    safe_places = forms.CharField(
        label=_("Sikre steder"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    no_return = forms.CharField(
        label=_("Hvis jeg ikke kommer tilbage til tiden"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hvem reagerer, hvornår og hvordan."),
    )
    review_date = forms.DateField(
        label=_("Gennemgås igen senest"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    show_logo = forms.BooleanField(label=_("Vis kommunens navn på det trykte kort"), required=False)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Vælg ansvarlig"))] + [(str(u.pk), u.display_name) for u in owners]
        for n in range(ACTION_SLOTS):
            self.fields[f"a{n}_text"] = forms.CharField(label=_("Handling"), required=False, max_length=200)
            self.fields[f"a{n}_owner"] = forms.ChoiceField(label=_("Ansvarlig"), choices=choices, required=False)
            self.fields[f"a{n}_due"] = forms.DateField(
                label=_("Frist"), required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
            )

    def action_rows(self):
        return [[self[f"a{n}_{k}"] for k in ("text", "owner", "due")] for n in range(ACTION_SLOTS)]

    def clean(self):
        data = super().clean()
        for n in range(ACTION_SLOTS):
            text, owner, due = data.get(f"a{n}_text"), data.get(f"a{n}_owner"), data.get(f"a{n}_due")
            if text and not owner:
                self.add_error(f"a{n}_owner", _("Vælg, hvem der er ansvarlig."))
            if text and not due:
                self.add_error(f"a{n}_due", _("Vælg en frist."))
        return data
