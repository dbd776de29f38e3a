from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "tryg.coordination"
    label = "coordination"
    verbose_name = _("Rådgivning og koordinering")

    def ready(self):
        from . import hooks

        hooks.register()
