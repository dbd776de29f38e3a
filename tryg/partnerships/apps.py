from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "tryg.partnerships"
    label = "partnerships"
    verbose_name = _("Partnerskaber og tilskud")

    def ready(self):
        from . import hooks

        hooks.register()
