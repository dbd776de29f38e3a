from django.urls import NoReverseMatch, reverse

from tryg.accounts.models import Role

from .selectors import NAV_ITEMS


def shell(request):
    """What the base layout needs: the user's municipality, role labels and the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_verified():
        return {"shell_nav": [], "shell_roles": [], "shell_municipality": None}
    roles = user.roles
    match = getattr(request, "resolver_match", None)
    current = match.namespace if match else ""
    nav = []
    for item in NAV_ITEMS:
        if roles & set(item.roles):
            try:
                nav.append({"url": reverse(item.url_name), "label": item.label, "current": item.section == current})
            except NoReverseMatch:
                continue
    return {
        "shell_nav": nav,
        "shell_roles": [Role(r).label for r in sorted(roles)],
        "shell_municipality": user.municipality,
    }
