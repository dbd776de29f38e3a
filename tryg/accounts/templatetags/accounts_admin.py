from django import template

from tryg.accounts.registry import admin_links

register = template.Library()


@register.simple_tag
def admin_subnav_links() -> list[dict]:
    """The administration sub-navigation (accounts' own links and those other apps register)."""
    return admin_links()
