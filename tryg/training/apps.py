from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "tryg.training"
    label = "training"
    verbose_name = _("Viden og opkvalificering")

    def ready(self):
        from . import hooks

        hooks.register()
