"""Forms of the partnerships pages: they parse and type-check input only; every rule lives in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tryg.core.forms import DateInput

from .models import Partner
from .uploads import max_bytes


def _money(label, **kw):
    return forms.DecimalField(label=label, max_digits=12, decimal_places=2, min_value=0, **kw)


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=Partner.Kind.choices, initial=Partner.Kind.ASSOCIATION)
    cvr = forms.CharField(label=_("CVR-nummer"), max_length=8, required=False, help_text=_("8 cifre."))
    target_groups = forms.CharField(
        label=_("Målgrupper"), max_length=500, required=False, help_text=_("Fx kvinder, fædre, unge i boligområdet.")
    )
    description = forms.CharField(
        label=_("Beskrivelse"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    title = forms.CharField(label=_("Rolle i foreningen"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)


class GrantForm(forms.Form):
    partner = forms.ChoiceField(label=_("Partner"))
    title = forms.CharField(label=_("Titel"), max_length=200)
    amount = _money(_("Bevilget beløb (kr.)"))
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("Slut"), widget=DateInput())

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [(str(p.pk), p.name) for p in partners]


class BudgetLineForm(forms.Form):
    label = forms.CharField(label=_("Post"), max_length=200)
    amount = _money(_("Budget (kr.)"))


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Udbetalt den"), widget=DateInput())
    amount = _money(_("Beløb (kr.)"))
    note = forms.CharField(label=_("Bemærkning"), max_length=200, required=False)


class AgreementForm(forms.Form):
    title = forms.CharField(label=_("Aftale"), max_length=200)
    signed_on = forms.DateField(label=_("Underskrevet den"), widget=DateInput())
    valid_from = forms.DateField(label=_("Gælder fra"), widget=DateInput())
    valid_to = forms.DateField(label=_("Gælder til"), widget=DateInput(), required=False)


class DeadlineForm(forms.Form):
    title = forms.CharField(label=_("Rapport"), max_length=200, help_text=_("Fx statusrapport eller slutrapport."))
    due_on = forms.DateField(label=_("Frist"), widget=DateInput())


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Aktivitet"), max_length=200, help_text=_("Fx netværkscafé eller temaaften."))
    held_on = forms.DateField(label=_("Dato"), widget=DateInput())
    participants = forms.IntegerField(
        label=_("Antal deltagere"), min_value=0, max_value=100_000, help_text=_("Kun et antal, aldrig navne.")
    )
    volunteers = forms.IntegerField(label=_("Antal frivillige"), min_value=0, max_value=10_000, required=False)
    description = forms.CharField(
        label=_("Hvad skete der?"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Skriv ikke navne eller andre oplysninger om deltagerne."),
    )
    budget_line = forms.ChoiceField(label=_("Budgetlinje"), required=False)
    cost = _money(_("Udgift (kr.)"), required=False)
    attachment = forms.FileField(label=_("Bilag"), required=False)

    def __init__(self, *args, budget_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].choices = [("", _("Ingen udgift"))] + [(str(b.pk), b.label) for b in budget_lines]
        self.fields["attachment"].help_text = _(
            "PDF, PNG, JPEG, Word eller Excel, højst %(mb)s MB. Fx program, kvittering eller foto uden personer."
        ) % {"mb": max_bytes() // (1024 * 1024)}
