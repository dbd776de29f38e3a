from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "tryg.insights"
    label = "insights"
    verbose_name = _("Beredskabsplan og opfølgning")

    def ready(self):
        from . import hooks

        hooks.register()
