"""System checks. With demo mode off, the service refuses to start while demo accounts exist."""

from django.conf import settings
from django.core.checks import Error, register
from django.db import DatabaseError

from .models import User


@register(deploy=True)
@register()
def demo_accounts_only_in_demo_mode(app_configs, **kwargs):
    if settings.DEMO or settings.TESTING:
        return []
    try:
        demo = list(User.objects.filter(is_demo=True).values_list("username", flat=True)[:10])
    except DatabaseError:  # tables not migrated yet
        return []
    if demo:
        return [
            Error(
                "Demo accounts exist but TRYG_DEMO is not set: " + ", ".join(demo),
                hint="Delete the demo accounts (manage.py remove_demo) or set TRYG_DEMO=1 for a demo.",
                id="tryg.E001",
            )
        ]
    return []
