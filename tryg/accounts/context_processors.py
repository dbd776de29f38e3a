from django.urls import reverse

from tryg.core.selectors import nav_items

from .models import Role


def shell(request):
    """What the base layout needs: login and logout links, and for a verified user their municipality, role
    labels and the navigation (core's registry, filtered by the user's roles)."""
    links = {"shell_login_url": reverse("accounts:login"), "shell_logout_url": reverse("accounts:logout")}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_verified():
        return {**links, "shell_nav": [], "shell_roles": [], "shell_municipality": None}
    roles = user.roles
    match = getattr(request, "resolver_match", None)
    return {
        **links,
        "shell_nav": nav_items(roles, path=request.path, current_section=match.namespace if match else ""),
        "shell_roles": [Role(r).label for r in sorted(roles)],
        "shell_municipality": user.municipality,
    }
