from django import template

from ..indicators import Measures
from ..indicators import signed as signed_text

register = template.Library()


@register.filter
def signed(cell) -> str:
    return signed_text(cell)


@register.filter
def is_measures(table) -> bool:
    return isinstance(table, Measures)
