from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "tryg.cases"
    label = "cases"
    verbose_name = _("Underretninger og sager")

    def ready(self):
        from . import hooks

        hooks.register()
