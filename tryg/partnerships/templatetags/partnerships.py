from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kr(value) -> str:
    """An amount in kroner with the language's grouping and two decimals: "8.500.000,00 kr."."""
    if value in (None, ""):
        return ""
    amount = number_format(Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True)
    return _("%(amount)s kr.") % {"amount": amount}
