from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    name = "tryg.risk"
    label = "risk"
    verbose_name = _("Risikovurdering og sikkerhedsplan")

    def ready(self):
        from . import hooks

        hooks.register()
