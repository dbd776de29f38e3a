from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MaximumLengthValidator:
    """At least 64 characters must be allowed (ASVS 6.2.9); we cap at 128 to bound hashing work."""

    def __init__(self, max_length: int = 128):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                _("Adgangskoden må højst være %(max)d tegn.") % {"max": self.max_length}, code="password_too_long"
            )

    def get_help_text(self):
        return _("Adgangskoden må højst være %(max)d tegn.") % {"max": self.max_length}
