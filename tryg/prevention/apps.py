from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "tryg.prevention"
    label = "prevention"
    verbose_name = _("Ung-til-ung dialog")

    def ready(self):
        from . import hooks

        hooks.register()
