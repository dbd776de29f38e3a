from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "tryg.public"
    label = "public"
    verbose_name = _("Borgernes indgang")

    def ready(self):
        from . import hooks

        hooks.register()
