from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from tryg.core.text import validate_name

from .models import Role, Unit, User


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Brugernavn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Adgangskode"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ReauthForm(forms.Form):
    password = forms.CharField(
        label=_("Adgangskode"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class OTPForm(forms.Form):
    otp = forms.RegexField(
        label=_("Engangskode"),
        regex=r"^\s*\d{6}\s*$",
        help_text=_("De 6 cifre fra din godkendelsesapp."),
        error_messages={"invalid": _("Skriv de 6 cifre fra din godkendelsesapp.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_otp(self):
        return self.cleaned_data["otp"].strip()


def _new_password_field(label):
    return forms.CharField(
        label=label,
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


PASSWORD_HINT = _("Mindst 12 tegn og højst 128. Brug gerne en sætning af flere ord. Almindelige adgangskoder afvises.")


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(
        label=_("Nuværende adgangskode"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password = _new_password_field(_("Ny adgangskode"))
    new_password_confirm = _new_password_field(_("Gentag ny adgangskode"))

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["new_password"].help_text = PASSWORD_HINT

    def clean(self):
        data = super().clean()
        new, confirm = data.get("new_password"), data.get("new_password_confirm")
        if new and confirm and new != confirm:
            self.add_error("new_password_confirm", _("De to adgangskoder er ikke ens."))
        elif new:
            try:
                password_validation.validate_password(new, self.user)
            except forms.ValidationError as exc:
                self.add_error("new_password", exc)
        return data


class UserCreateForm(forms.Form):
    GENERATE, CHOOSE = "generate", "choose"

    username = forms.CharField(
        label=_("Brugernavn"),
        max_length=150,
        help_text=_("Bogstaver, tal og tegnene @ . + - _"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    first_name = forms.CharField(label=_("Fornavn"), max_length=150, validators=[validate_name])
    last_name = forms.CharField(label=_("Efternavn"), max_length=150, validators=[validate_name])
    email = forms.EmailField(label=_("E-mail"))
    password_mode = forms.ChoiceField(
        label=_("Første adgangskode"),
        choices=[
            (GENERATE, _("Lav en engangsadgangskode, som jeg giver videre")),
            (CHOOSE, _("Jeg vælger selv en adgangskode")),
        ],
        initial=GENERATE,
        widget=forms.RadioSelect,
        help_text=_("Brugeren skal skifte adgangskoden ved første login og opsætte totrinsbekræftelse."),
    )
    password = forms.CharField(
        label=_("Adgangskode (kun hvis du selv vælger)"),
        required=False,
        max_length=128,
        strip=False,
        help_text=PASSWORD_HINT,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    unit = forms.ModelChoiceField(label=_("Enhed"), queryset=Unit.objects.none(), required=False)
    role = forms.ChoiceField(label=_("Rolle"), choices=[("", "—"), *Role.choices], required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(municipality=municipality, is_active=True)
        self.fields["unit"].help_text = _("Valgfrit: giv brugeren sin første rolle med det samme.")

    def clean(self):
        data = super().clean()
        if data.get("password_mode") == self.CHOOSE and not data.get("password"):
            self.add_error("password", _("Skriv en adgangskode, eller vælg en engangsadgangskode."))
        if bool(data.get("unit")) != bool(data.get("role")) and not self.has_error("unit"):
            self.add_error("role" if data.get("unit") else "unit", _("Vælg både enhed og rolle, eller ingen af dem."))
        return data


class UserEditForm(forms.Form):
    first_name = forms.CharField(label=_("Fornavn"), max_length=150, validators=[validate_name])
    last_name = forms.CharField(label=_("Efternavn"), max_length=150, validators=[validate_name])
    email = forms.EmailField(label=_("E-mail"))


class MembershipForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Enhed"), queryset=Unit.objects.none())
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)
    on_duty = forms.BooleanField(
        label=_("I vagt (modtager besked om akutte henvendelser)"),
        required=False,
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(municipality=municipality, is_active=True)


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=150, validators=[validate_name])
    kind = forms.ChoiceField(label=_("Type"), choices=Unit.Kind.choices)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    is_active = forms.BooleanField(label=_("Aktiv"), required=False, initial=True)
